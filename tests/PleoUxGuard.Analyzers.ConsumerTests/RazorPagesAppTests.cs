using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>An ASP.NET Core app with Razor Pages that references the package.</summary>
[Collection(ConsumerBuildCollection.Name)]
public sealed class RazorPagesAppTests(ConsumerBuilds builds)
{
    [Fact]
    public async Task Build_succeeds_and_prints_each_expected_warning_with_its_file_and_line()
    {
        var build = await builds.RazorPagesApp;

        ConsumerAssert.PrintsExactlyTheExpectedDiagnostics(build, succeeds: true, severity: "warning");
    }
}
