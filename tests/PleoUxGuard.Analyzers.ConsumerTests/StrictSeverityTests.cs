using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

[Collection(ConsumerBuildCollection.Name)]
public sealed class StrictSeverityTests(ConsumerBuilds builds)
{
    [Fact]
    public async Task Severity_error_in_editorconfig_fails_the_build_at_the_leaking_line()
    {
        var build = await builds.StrictConsoleApp;

        ConsumerAssert.PrintsExactlyTheExpectedDiagnostics(build, succeeds: false, severity: "error");
    }
}
