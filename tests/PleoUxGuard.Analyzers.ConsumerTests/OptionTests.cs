using System.Collections;
using System.Reflection;
using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>The pleouxguard.* .editorconfig options, as a consumer build applies and reports them.</summary>
[Collection(ConsumerBuildCollection.Name)]
public sealed class OptionTests(ConsumerBuilds builds)
{
    /// <summary>Every option the analyzer knows, read from its catalogue so a new option cannot go untested.</summary>
    public static TheoryData<string> Options()
    {
        var catalogue = typeof(DiagnosticIds).Assembly.GetType("PleoUxGuard.Analyzers.Configuration.OptionCatalogue", throwOnError: true)!;
        var all = (IEnumerable)catalogue.GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var keys = all.Cast<object>().Select(option => (string)option.GetType().GetProperty("Key")!.GetValue(option)!).ToList();
        Assert.NotEmpty(keys);
        return [.. keys];
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task Each_option_changes_what_the_consumer_build_reports(string key)
    {
        var build = await builds.ConsoleApp;

        // Options/<Name>/Configured.cs has a section setting the option; Default.cs beside it is the same
        // code (line for line) without it. The option must change what the build reports for that code.
        var folder = "Options/" + string.Concat(key["pleouxguard.".Length..].Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
        var editorConfig = File.ReadAllText(Path.Combine(build.Project.Directory, ".editorconfig"));
        Assert.Contains($"[{folder}/Configured.cs]\n{key} = ", editorConfig, StringComparison.Ordinal);

        var configured = ReportedIn(build, folder + "/Configured.cs");
        var unconfigured = ReportedIn(build, folder + "/Default.cs");
        Assert.NotEqual(unconfigured, configured);
    }

    [Fact]
    public async Task Each_malformed_option_is_reported_once_as_PUX000_naming_the_key()
    {
        var build = await builds.ConsoleApp;

        var problems = build.ProjectMessages.Select(message => (message.Diagnostic.Id, message.Severity, Key: KeyOf(message.Text))).Order();
        Assert.Equal(
            [("PUX000", "warning", "pleouxguard.call_depth"), ("PUX000", "warning", "pleouxguard.secret_word")],
            problems);
    }

    private static List<(int Line, string Id)> ReportedIn(ConsumerBuild build, string file) =>
        build.Diagnostics.Where(diagnostic => diagnostic.File == file).Select(diagnostic => (diagnostic.Line, diagnostic.Id)).Order().ToList();

    private static string KeyOf(string message) => message.Split('\'')[1];
}
