using System.Text.Json;
using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>A console app that references the package: what `dotnet build` and its SARIF log show.</summary>
[Collection(ConsumerBuildCollection.Name)]
public sealed class ConsoleAppTests(ConsumerBuilds builds)
{
    private const string LeakInSuppressionCases = "Console.WriteLine(apiKey)";

    [Fact]
    public async Task Build_succeeds_and_prints_each_expected_warning_with_its_file_and_line()
    {
        var build = await builds.ConsoleApp;

        ConsumerAssert.PrintsExactlyTheExpectedDiagnostics(build, succeeds: true, severity: "warning");
    }

    [Fact]
    public async Task Warning_text_names_the_secret_and_the_sink_and_links_the_rule_page()
    {
        var build = await builds.ConsoleApp;

        var program = build.Messages.Single(message => message.Diagnostic.File == "Program.cs");
        var helpLink = RuleCatalogue.Descriptor("PUX001").HelpLinkUri;
        Assert.Equal($"'apiKey' is written to logs or diagnostic output by Console.WriteLine ({helpLink})", program.Text);
    }

    [Fact]
    public async Task Sarif_error_log_holds_the_same_warnings_each_with_a_help_link_to_its_rule_page()
    {
        var build = await builds.ConsoleApp;

        var results = SarifLog.ReadPuxResults(builds.ConsoleSarifPath, build.Project.Directory);
        var reported = results.Where(result => !result.Suppressed).ToList();
        Assert.Equal(
            build.Project.ExpectedDiagnostics().Order(),
            reported.Where(result => result.Diagnostic.HasLocation).Select(result => result.Diagnostic).Order());
        Assert.Equal(
            build.ProjectMessages.Select(message => message.Diagnostic.Id),
            reported.Where(result => !result.Diagnostic.HasLocation).Select(result => result.Diagnostic.Id));
        Assert.All(reported, result =>
        {
            Assert.Equal("warning", result.Level);
            Assert.Equal(RuleCatalogue.Descriptor(result.Diagnostic.Id).HelpLinkUri, result.HelpUri);
            Assert.EndsWith($"/docs/rules/{result.Diagnostic.Id}.md", result.HelpUri, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Pragma_and_SuppressMessage_silence_the_build_while_the_rule_still_fires_underneath()
    {
        var build = await builds.ConsoleApp;

        // The same leak appears suppressed and unsuppressed in each file; the suppressed lines are the ones
        // without an "expect" marker. SARIF records suppressed diagnostics, which proves the rule fired there.
        var suppressedLeaks = LinesContaining(build.Project, "Suppressions", LeakInSuppressionCases)
            .Except(build.Project.ExpectedDiagnostics().Select(diagnostic => (diagnostic.File, diagnostic.Line)))
            .ToList();
        Assert.Equal(2, suppressedLeaks.Count);

        var suppressedInSarif = SarifLog.ReadPuxResults(builds.ConsoleSarifPath, build.Project.Directory)
            .Where(result => result.Suppressed)
            .Select(result => (result.Diagnostic.File, result.Diagnostic.Line));
        Assert.Equal(suppressedLeaks.Order(), suppressedInSarif.Order());
        Assert.DoesNotContain(build.Diagnostics, diagnostic => suppressedLeaks.Contains((diagnostic.File, diagnostic.Line)));
    }

    [Fact]
    public async Task Severity_none_in_editorconfig_turns_the_rule_off_for_a_folder()
    {
        var build = await builds.ConsoleApp;

        Assert.Single(LinesContaining(build.Project, "Silenced", "Console.WriteLine(apiKey)"));
        Assert.DoesNotContain(build.Diagnostics, diagnostic => diagnostic.File.StartsWith("Silenced/", StringComparison.Ordinal));
        Assert.DoesNotContain(
            SarifLog.ReadPuxResults(builds.ConsoleSarifPath, build.Project.Directory),
            result => result.Diagnostic.File.StartsWith("Silenced/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_runtime_dependency_flows_to_the_app_or_to_packages_made_from_it()
    {
        var build = await builds.ConsoleApp;
        var project = build.Project;

        // `dotnet add package` reads developmentDependency and keeps the reference private to the project.
        var reference = System.Xml.Linq.XDocument.Load(project.ProjectFile).Descendants("PackageReference")
            .Single(element => (string?)element.Attribute("Include") == PackedPackage.Id);
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value);

        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "bin"), "PleoUxGuard*", SearchOption.AllDirectories));

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        var target = assets.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var library = target.EnumerateObject().Single(entry => entry.Name.StartsWith(PackedPackage.Id + "/", StringComparison.Ordinal)).Value;
        Assert.False(library.TryGetProperty("compile", out _), "the package must give the app nothing to compile against");
        Assert.False(library.TryGetProperty("runtime", out _), "the package must give the app nothing to run");

        var pack = await project.RunAsync(["pack", project.ProjectFile, "-c", ConsumerProject.Configuration, "--no-build", "-nologo", "-tl:off", "-nodeReuse:false", "-o", Path.Combine(project.Directory, "nupkg")]);
        Assert.True(pack.ExitCode == 0, pack.Describe());
        var appPackage = Directory.GetFiles(Path.Combine(project.Directory, "nupkg"), "*.nupkg").Single();
        using var archive = System.IO.Compression.ZipFile.OpenRead(appPackage);
        using var nuspec = new StreamReader(archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var nuspecText = await nuspec.ReadToEndAsync();
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", nuspecText, StringComparison.Ordinal);
        Assert.DoesNotContain(PackedPackage.Id, nuspecText, StringComparison.Ordinal);
    }

    private static IEnumerable<(string File, int Line)> LinesContaining(ConsumerProject project, string folder, string text) =>
        Directory.EnumerateFiles(Path.Combine(project.Directory, folder), "*.cs")
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (Line: line, Number: index + 1))
                .Where(line => line.Line.Contains(text, StringComparison.Ordinal))
                .Select(line => (ConsumerPaths.Relative(project.Directory, file), line.Number)));
}
