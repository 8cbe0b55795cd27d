using System.Net;
using System.Net.Sockets;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// The built CLI on bad input: each gets one line saying what to change and its exit code, never a stack
/// trace; and merging shard results through the CLI.
/// </summary>
public sealed class CliBadInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pux-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string MinimalProfile(int port = 1, string connectionPage = "/c", string locators = "") =>
        Write($"profile-{Guid.NewGuid():N}.json", $$"""{ "connectionPage": "{{connectionPage}}", "baseUrl": "http://127.0.0.1:{{port}}", "locators": { {{locators}} }, "timeouts": { "startSeconds": 20, "stepSeconds": 10 } }""");

    private static void AssertOneClearLine(string output, string expected)
    {
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        var line = output.Split('\n').First(l => l.Contains(expected, StringComparison.Ordinal));
        Assert.True(line.Length < 800, $"one line, not a wall of text: {line}");
    }

    [Fact]
    public async Task A_profile_that_is_not_json_exits_2_with_the_line_to_fix()
    {
        var path = Write("broken.json", "{ \"connectionPage\": \"/c\",\n  \"baseUrl\": ");

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", path);

        Assert.Equal(ExitCodes.ProfileError, exitCode);
        AssertOneClearLine(output, "broken.json");
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_profile_with_a_bad_field_exits_2_naming_the_field()
    {
        var path = Write("bad-field.json", """{ "connectionPage": "/c", "baseUrl": "http://127.0.0.1:1", "timeouts": { "stepSeconds": -3 } }""");

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", path);

        Assert.Equal(ExitCodes.ProfileError, exitCode);
        Assert.Contains("'timeouts.stepSeconds'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integration_that_never_starts_exits_3()
    {
        var path = Write("no-start.json", """
            { "connectionPage": "/c", "baseUrl": "http://127.0.0.1:{port}",
              "integration": { "command": "dotnet", "args": ["--no-such-option-pleo-uxguard"] },
              "timeouts": { "startSeconds": 20 } }
            """);

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", path);

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        Assert.Contains("exited with code", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("none of its flows was selected", output, StringComparison.Ordinal);
        Assert.Contains("the run stopped before any flow", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integration_port_already_in_use_exits_3_naming_the_port()
    {
        using var decoy = new TcpListener(IPAddress.Loopback, 0);
        decoy.Start();
        var port = ((IPEndPoint)decoy.LocalEndpoint).Port;
        var path = Write("taken.json", $$"""
            { "connectionPage": "/c", "baseUrl": "http://127.0.0.1:{{port}}",
              "integration": { "command": "sleep", "args": ["30"] },
              "timeouts": { "startSeconds": 3 } }
            """);

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", path, "--flow", "invalid-key");

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        AssertOneClearLine(output, $"already listens on port {port}");
        Assert.DoesNotContain("Integration answering", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "afile", "it is a file, not a folder")]
    [InlineData("run", "afile/sub", "afile is a file, not a folder")]
    [InlineData("merge", "afile", "it is a file, not a folder")]
    public async Task An_output_folder_that_cannot_be_written_exits_2_before_anything_starts(string command, string output, string expected)
    {
        Write("afile", "not a folder");
        var folder = Path.Combine(_folder, output);
        var results = Write("shard/results.json", JsonReporter.Write(Shard("invalid-key", new CheckObservation(CheckCatalogue.Err1.Id, "invalid-key", "clicked Connect", Outcome.Pass, "fine"))));
        string[] args = command == "run"
            ? ["run", "--profile", MinimalProfile(), "--flow", "invalid-key", "--output", folder]
            : ["merge", "--output", folder, results];

        var (exitCode, text) = await CliProcess.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        AssertOneClearLine(text, $"--output {folder} cannot be used: ");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fake Pleo at", text, StringComparison.Ordinal);
        Assert.Single(text.Trim().Split('\n'));
    }

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--shard", "3/2"], "--shard must be i/n with 1 <= i <= n" },
        { ["--shard", "half"], "--shard must be i/n with 1 <= i <= n" },
        { ["--baseline", "BASELINE"], "expectedFailures[0].check: 'UXK-NOPE' is not a check" },
        { ["--baseline", "/nowhere/baseline.json"], "cannot read the baseline file" },
        { ["--flow", "no-such-flow"], "There is no flow 'no-such-flow'" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task A_bad_option_exits_2_before_anything_starts(string[] options, string expected)
    {
        var baseline = Write("baseline.json", """{ "expectedFailures": [ { "check": "UXK-NOPE", "reason": "r" } ] }""");
        string[] args = ["run", "--profile", MinimalProfile(), .. options.Select(o => o == "BASELINE" ? baseline : o)];

        var (exitCode, output) = await CliProcess.RunAsync(args);

        Assert.Equal(ExitCodes.ProfileError, exitCode);
        AssertOneClearLine(output, expected);
        Assert.DoesNotContain(" not run; ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_left_without_flows_starts_nothing_passes_and_merges_with_the_others()
    {
        var empty = Path.Combine(_folder, "shard-2");

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", MinimalProfile(), "--flow", "invalid-key", "--shard", "2/2", "--output", empty);

        Assert.Equal(ExitCodes.Passed, exitCode);
        Assert.Contains("Shard 2/2 has no flows: 1 flow is selected for 2 shards.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fake Pleo at", output, StringComparison.Ordinal);
        var first = Write("shard-1/results.json", JsonReporter.Write(Shard("invalid-key", new CheckObservation(CheckCatalogue.Err1.Id, "invalid-key", "clicked Connect", Outcome.Fail, "generic"))));
        var (merged, _) = await CliProcess.RunAsync("merge", "--output", Path.Combine(_folder, "merged"), first, Path.Combine(empty, JsonReporter.FileName));
        Assert.Equal(ExitCodes.ConformanceFailures, merged);
    }

    public static TheoryData<string[], string, string> BadCommandLines => new()
    {
        { ["rnu"], "Unrecognized command or argument 'rnu'", "pleo-uxguard --help" },
        { [], "Required command was not provided", "pleo-uxguard --help" },
        { ["run", "--profile", "p.json", "--shrad", "1/2"], "Unrecognized command or argument '--shrad'", "pleo-uxguard run --help" },
        { ["run"], "Option '--profile' is required", "pleo-uxguard run --help" },
        { ["run", "--profile", "p.json", "--pleo-port", "eighty"], "pleo-uxguard: --pleo-port must be a whole number, not 'eighty'.", "pleo-uxguard run --help" },
        { ["run", "--profile", "p.json", "--parallel", "two"], "pleo-uxguard: --parallel must be a whole number, not 'two'.", "pleo-uxguard run --help" },
        { ["run", "--profile", "p.json", "--trace", "sometimes"], "pleo-uxguard: --trace must be Off, OnFailure or Always, not 'sometimes'.", "pleo-uxguard run --help" },
        { ["fake-pleo", "--port", "x"], "pleo-uxguard: --port must be a whole number, not 'x'.", "pleo-uxguard fake-pleo --help" },
        { ["merge", "--output", "out"], "merge", "pleo-uxguard merge --help" },
    };

    /// <summary>
    /// Exit 1 means a check failed, so a CI job that mistyped an option must not get it; and the problem comes
    /// first, not under a screen of help.
    /// </summary>
    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task A_command_line_the_kit_cannot_parse_exits_2_with_the_problem_and_where_the_options_are(string[] args, string expected, string help)
    {
        var (exitCode, output) = await CliProcess.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        AssertOneClearLine(output, expected);
        Assert.Contains($"Run '{help}'", output, StringComparison.Ordinal);
        if (expected.StartsWith("Unrecognized", StringComparison.Ordinal))
        {
            // The unknown word is the problem; "no command was given" beside it only misleads.
            Assert.DoesNotContain("Required command", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PleoUxGuard.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "help" }, "Usage:")]
    [InlineData(new[] { "help", "run" }, "--profile")]
    public async Task Help_as_a_command_shows_the_help(string[] args, string expected)
    {
        var (exitCode, output) = await CliProcess.RunAsync(args);

        Assert.Equal(ExitCodes.Passed, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_modes_and_numbers_written_as_documented_are_taken()
    {
        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", MinimalProfile(), "--trace", "always", "--parallel", "2", "--pleo-port", "0", "--flow", "invalid-key", "--shard", "2/2");

        Assert.Equal(ExitCodes.Passed, exitCode);
        Assert.Contains("Shard 2/2 has no flows", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_browser_exits_3_naming_it()
    {
        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", MinimalProfile(), "--browser", "/nowhere/chromium");

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        AssertOneClearLine(output, "/nowhere/chromium");
    }

    [Fact]
    public async Task Headed_without_a_display_exits_3_saying_what_to_do()
    {
        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", MinimalProfile(), "--headed");

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        AssertOneClearLine(output, "--headed needs a display");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("doctor")]
    public async Task A_fake_pleo_port_in_use_exits_3_naming_the_port(string command)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (exitCode, output) = await CliProcess.RunAsync(command, "--profile", MinimalProfile(), "--pleo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        AssertOneClearLine(output, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_locator_that_matches_several_elements_exits_2_naming_the_locator()
    {
        // The fake Pleo's own install page lists the requested permissions, one <li> each: a page the run serves itself.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var profile = MinimalProfile(port, "/install", "\"keyInput\": { \"css\": \"li\" }");

        var (exitCode, output) = await CliProcess.RunAsync("run", "--profile", profile, "--pleo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--flow", "connect-valid");

        Assert.Equal(ExitCodes.ProfileError, exitCode);
        AssertOneClearLine(output, "PROFILE (connect-valid) locators.keyInput: the profile's locator (css=li) matches 5 visible elements");
        Assert.DoesNotContain("To accept", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shard_results_merge_into_one_report_with_every_shards_evidence()
    {
        var screenshot = new byte[] { 0x89, 0x50, 0x4E, 0x47, 9, 8, 7 };
        var first = Write("shard-1/results.json", JsonReporter.Write(Shard("connect-valid", new CheckObservation(CheckCatalogue.Company1.Id, "connect-valid", "clicked Connect", Outcome.Pass, "shown"))));
        var second = Write("shard-2/results.json", JsonReporter.Write(Shard("invalid-key", new CheckObservation(CheckCatalogue.Err1.Id, "invalid-key", "clicked Connect", Outcome.Fail, "generic", new Evidence("Something went wrong", "screenshots/invalid-key-UXK-ERR-1-1.png")))));
        Write("shard-2/screenshots/invalid-key-UXK-ERR-1-1.png", string.Empty);
        File.WriteAllBytes(Path.Combine(_folder, "shard-2", "screenshots", "invalid-key-UXK-ERR-1-1.png"), screenshot);
        var merged = Path.Combine(_folder, "merged");

        var (exitCode, output) = await CliProcess.RunAsync("merge", "--output", merged, first, second);

        Assert.Equal(ExitCodes.ConformanceFailures, exitCode);
        Assert.Contains("2 flows", output, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(merged, HtmlReporter.FileName));
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(screenshot), html, StringComparison.Ordinal);
        Assert.Contains("UXK-COMPANY-1", File.ReadAllText(Path.Combine(merged, JUnitReporter.FileName)), StringComparison.Ordinal);

        var baseline = Write("baseline.json", """{ "expectedFailures": [ { "check": "UXK-ERR-1", "flow": "invalid-key", "reason": "PAY-1" } ] }""");
        var profile = MinimalProfile();
        var (accepted, _) = await CliProcess.RunAsync("merge", "--output", merged, "--baseline", baseline, "--profile", profile, first, second);
        Assert.Equal(ExitCodes.Passed, accepted);
        using (var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, SarifReporter.FileName))))
        {
            // The merged SARIF points at the profile the shards ran with, and carries the baseline's reason.
            var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.EndsWith(Path.GetFileName(profile), result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal("PAY-1", result.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        }

        var (twice, twiceOutput) = await CliProcess.RunAsync("merge", "--output", merged, first, first);
        Assert.Equal(ExitCodes.ProfileError, twice);
        AssertOneClearLine(twiceOutput, "Flow connect-valid is in more than one of the files");
    }

    private static RunResult Shard(string flow, CheckObservation look) =>
        RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), [new FlowResult(flow, flow, FlowStatus.Completed, TimeSpan.FromSeconds(1), [new FlowStep("clicked Connect", TimeSpan.FromSeconds(1), "Connected")], [look])], []);
}
