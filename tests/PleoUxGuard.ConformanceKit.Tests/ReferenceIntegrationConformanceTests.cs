using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;
using Xunit.Abstractions;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// The whole suite against samples/ReferenceIntegration, started by the kit from its own profile exactly
/// as './build.sh conformance' does: every check must pass.
/// </summary>
[Collection(KitCollection.Name)]
public sealed class ReferenceIntegrationConformanceTests(KitFixture kit, ITestOutputHelper output)
{
    [Fact]
    public async Task The_reference_integration_passes_every_check()
    {
        var directory = Path.Combine(ProfileLoaderTests.RepositoryRoot(), "samples", "ReferenceIntegration");
        var json = await File.ReadAllTextAsync(Path.Combine(directory, "conformance-profile.json"));

        // The profile names the Debug build; a Release test run points it at the Release build instead.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var profile = ProfileLoader.Parse(json.Replace("bin/Debug/", $"bin/{configuration}/", StringComparison.Ordinal), "conformance-profile.json", directory);

        var result = await ConformanceRunner.RunAsync(profile, kit.Environment, new RunOptions { Progress = output.WriteLine });
        output.WriteLine(ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        Assert.All(result.Checks, check => Assert.True(check.Verdict == Verdict.Passed, $"{check.Check.Id}: {check.Verdict}: {check.Summary}"));
        Assert.Equal(ExitCodes.Passed, result.ExitCode);
    }
}
