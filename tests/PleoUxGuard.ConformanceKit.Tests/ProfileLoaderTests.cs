using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class ProfileLoaderTests
{
    private static string ProblemWith(string json) =>
        Assert.Throws<ProfileException>(() => ProfileLoader.Parse(json, "p.json", AppContext.BaseDirectory)).Message;

    [Fact]
    public void The_profiles_browser_path_resolves_against_its_folder_and_its_name_is_what_the_fake_Pleo_shows()
    {
        var folder = Path.Combine(Path.GetTempPath(), "profiles", "acme");
        var profile = ProfileLoader.Parse("""{ "name": "Acme Ledger", "connectionPage": "/c", "baseUrl": "http://x", "browser": { "executablePath": "tools/chrome" } }""", "p.json", folder);
        var unnamed = ProfileLoader.Parse("""{ "connectionPage": "/c", "baseUrl": "http://x" }""", "p.json", folder);

        Assert.Equal(Path.Combine(folder, "tools", "chrome"), Running.ConformanceRunner.BrowserPath(profile, new Running.RunOptions()));
        Assert.Equal("/usr/bin/chromium", Running.ConformanceRunner.BrowserPath(profile, new Running.RunOptions { BrowserPath = "/usr/bin/chromium" }));
        Assert.Null(Running.ConformanceRunner.BrowserPath(unnamed, new Running.RunOptions()));
        Assert.Equal("Acme Ledger", Running.ConformanceRunner.PleoOptions(profile, new Running.RunOptions()).ApplicationName);
        Assert.Equal(new FakePleo.FakePleoOptions().ApplicationName, Running.ConformanceRunner.PleoOptions(unnamed, new Running.RunOptions()).ApplicationName);
    }

    [Fact]
    public void A_minimal_profile_gets_the_accessible_defaults()
    {
        var profile = ProfileLoader.Parse("""{ "baseUrl": "http://127.0.0.1:{port}", "connectionPage": "/connect" }""", "p.json", AppContext.BaseDirectory);

        Assert.Null(profile.Locators.KeyInput);
        Assert.Equal("reload", profile.Revocation.Notice);
        Assert.Equal(10, profile.Timeouts.StepSeconds);
    }

    [Fact]
    public void The_reference_integration_profile_loads()
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "ReferenceIntegration", "conformance-profile.json");

        var profile = ProfileLoader.Load(path);

        Assert.Equal("reference-integration", profile.Name);
        Assert.NotEmpty(profile.SignIn!.Steps);
    }

    [Theory]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locatorz": {} }""", "unknown field 'locatorz'")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "timeouts": { "stepSeconds": "ten" } }""", "field 'timeouts.stepSeconds' (line 1) must be a number.")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "integration": { "command": "node", "args": "server.js" } }""", "field 'integration.args' (line 1) must be a list.")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "stateLabels": { "connected": "Connected" } }""", "field 'stateLabels.connected' (line 1) must be a list.")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "keyInput": { "label": "/api key/q" } } }""", "unknown regular-expression flag 'q'")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "keyInput": { "label": "/api (key/i" } } }""", "does not compile")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "keyInput": { "label": "/\\Aapi key/i" } } }""", "uses \\A, which JavaScript's regular expressions do not have, and the kit matches it in the page too; write it as JavaScript does (^ for the start)")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "stateLabels": { "connected": ["/(?i)connected/"] } }""", "uses (?i), which JavaScript's regular expressions do not have, and the kit matches it in the page too; write it as JavaScript does (the flags after the closing slash: /…/i)")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "keyInput": { "label": "Key", "css": "#k" } } }""", "'locators.keyInput' mixes strategies")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "connectButton": { "role": "buton" } } }""", "'locators.connectButton.role' is \"buton\"")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "openKeyForm": { "role": "button", "css": "#open" } } }""", "'locators.openKeyForm' mixes strategies")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "openKeyForm": [] } }""", "'locators.openKeyForm' is an empty list")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "openKeyForm": "Connect to Pleo" } }""", "field 'locators.openKeyForm' (line 1): expected a locator object")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "locators": { "statusRegion": { "name": "Status" } } }""", "'locators.statusRegion.name' only goes with 'role'")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "signIn": { "steps": [ { "goto": "/a", "click": { "text": "Go" } } ] } }""", "'signIn.steps[0]' has goto and click")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "signIn": { "steps": [ { "fill": { "label": "Email" } } ] } }""", "'signIn.steps[0].value' is required")]
    [InlineData("""{ "connectionPage": "/c?u={user}", "baseUrl": "http://x" }""", "'connectionPage' uses the unknown placeholder {user}")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "revocation": { "notice": "poll" } }""", "'revocation.notice' must be \"reload\" or \"wait\"")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://127.0.0.1:{port}/{flow}" }""", "'baseUrl' uses {flow}, which has no value there")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "integration": { "command": "app", "args": ["--tenant", "{uniqueName}"] } }""", "'integration.args[1]' uses {uniqueName}, which has no value there")]
    [InlineData("""{ "connectionPage": "{baseUrl}/c" }""", "'connectionPage' uses {baseUrl}, which has no value there")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "signIn": { "steps": [ { "waitForUrl": "/(done/" } ] } }""", "'signIn.steps[0].waitForUrl': the regular expression /(done/ does not compile")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "timeouts": { "stepSeconds": 0 } }""", "'timeouts.stepSeconds' must be")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "stateLabels": { "connected": [] } }""", "'stateLabels.connected' is empty")]
    [InlineData("""{ "connectionPage": "/c" }""", "'baseUrl' is required")]
    [InlineData("""{ "baseUrl": "http://x" }""", "'connectionPage' is required")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "ftp://x" }""", "'baseUrl' must be an http or https URL")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "integration": { "args": [] } }""", "'integration.command' is required")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", """, "not valid JSON")]
    [InlineData("{\n  \"baseUrl\": \"http://x\",\n  \"connectionPage\": null }", "field 'connectionPage' (line 3) must be a string, not null.")]
    [InlineData("""{ "connectionPage": "/c", "baseUrl": "http://x", "integration": { "command": "app", "args": null } }""", "field 'integration.args' (line 1) must be a list, not null.")]
    public void Every_problem_names_its_field(string json, string expected)
    {
        var message = ProblemWith(json);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.StartsWith("p.json: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    /// <summary>A locator is read as a document of its own; its problems still name the whole path and the profile's line.</summary>
    [Theory]
    [InlineData("locators.keyInput.label", 7)]
    [InlineData("locators.connectButton[1].name", 11)]
    [InlineData("signIn.steps[0].click.text", 15)]
    [InlineData("stateLabels.connected[0]", 17)]
    public void A_regex_that_does_not_compile_names_its_full_path_and_line(string field, int line)
    {
        var json = """
            {
              "connectionPage": "/c",
              "baseUrl": "http://x",
              "locators": {
                "keyInput": {
                  "label":
                    "BAD keyInput.label"
                },
                "connectButton": [
                  { "role": "button", "name": "Connect" },
                  { "role": "button", "name": "BAD connectButton[1].name" }
                ]
              },
              "signIn": { "steps": [ { "click":
                { "text": "BAD steps[0].click.text" } } ] },
              "stateLabels": { "connected":
                [ "BAD connected[0]" ] }
            }
            """;
        var bad = field.Split('.', 2)[1];
        foreach (var other in new[] { "keyInput.label", "connectButton[1].name", "steps[0].click.text", "connected[0]" })
        {
            json = json.Replace($"BAD {other}", other == bad || field.EndsWith(other, StringComparison.Ordinal) ? "/(unclosed/" : "fine", StringComparison.Ordinal);
        }

        var message = ProblemWith(json);

        Assert.Contains($"field '{field}' (line {line}): the regular expression /(unclosed/ does not compile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var problem = Assert.Throws<ProfileException>(() => ProfileLoader.Parse(
            """{ "baseUrl": "http://x", "revocation": { "notice": "poll" }, "timeouts": { "stepSeconds": -1 } }""", "p.json", "."));

        Assert.Equal(3, problem.Problems.Count);
    }

    [Fact]
    public void A_missing_file_is_a_profile_problem()
    {
        var problem = Assert.Throws<ProfileException>(() => ProfileLoader.Load("/nowhere/profile.json"));

        Assert.Contains("cannot read the profile", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_for_the_profile_is_named_as_one()
    {
        var folder = Directory.CreateTempSubdirectory("pleo-profile-folder-");
        try
        {
            var problem = Assert.Throws<ProfileException>(() => ProfileLoader.Load(folder.FullName));

            Assert.Contains("is a folder, not a profile", problem.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("denied", problem.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_as_documented()
    {
        var profile = ProfileLoader.Parse(
            """
            {
              // the app under test
              "baseUrl": "http://127.0.0.1:5000",
              "connectionPage": "/integrations/pleo", /* where the key is pasted */
            }
            """,
            "commented.json",
            Directory.GetCurrentDirectory());

        Assert.Equal("/integrations/pleo", profile.ConnectionPage);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PleoUxGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("/^api key$/i")]
    [InlineData("/(?<word>api) key/")]
    [InlineData("/(?=api)api key/")]
    [InlineData("/(?i:api) key/")]
    [InlineData("/api\\\\Akey/")]
    [InlineData("/[(?i)] key/")]
    public void A_regular_expression_JavaScript_reads_the_same_way_loads(string pattern)
    {
        Assert.NotNull(Profile.TextPattern.Parse(pattern).Regex);
    }
}
