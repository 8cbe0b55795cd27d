using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>The pleouxguard.* .editorconfig options, as a consumer build applies and reports them.</summary>
[Collection(ConsumerBuildCollection.Name)]
public sealed class OptionTests(ConsumerBuilds builds)
{
    [Fact]
    public async Task Each_malformed_option_is_reported_once_as_PUX000_naming_the_key()
    {
        var build = await builds.ConsoleApp;

        var problems = build.ProjectMessages.Select(message => (message.Diagnostic.Id, message.Severity, Key: KeyOf(message.Text))).Order();
        Assert.Equal(
            [("PUX000", "warning", "pleouxguard.call_depth"), ("PUX000", "warning", "pleouxguard.secret_word")],
            problems);
    }

    private static string KeyOf(string message) => message.Split('\'')[1];
}
