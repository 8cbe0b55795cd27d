using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;
using Xunit.Abstractions;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>A status locator that also matches hidden elements waits only for the visible ones.</summary>
[Collection(KitCollection.Name)]
public sealed class StatusLocatorTests(KitFixture kit, ITestOutputHelper output)
{
    // A step that waits out its timeout takes all of it: half of it is far above what a loaded machine needs (2-2.5 s).
    private const double StepSeconds = 20;

    [Fact]
    public async Task A_hidden_status_copy_before_the_real_one_does_not_make_a_step_wait_out_its_timeout()
    {
        var profile = kit.ProfileWith([Fault.HiddenStatusCopyFirst], stepSeconds: StepSeconds, extraLocators: "\"statusRegion\": { \"css\": \".status\" }");

        var result = await kit.RunAsync(profile, "connect-valid", "invalid-key");
        output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        Assert.All(result.Flows, flow =>
        {
            Assert.Equal(FlowStatus.Completed, flow.Status);
            var previous = TimeSpan.Zero;
            foreach (var step in flow.Steps)
            {
                output.WriteLine($"{flow.Flow}: {step.Name} after {(step.Elapsed - previous).TotalSeconds:0.0} s");
                Assert.True(step.Elapsed - previous < TimeSpan.FromSeconds(StepSeconds / 2), $"{flow.Flow}: \"{step.Name}\" took {(step.Elapsed - previous).TotalSeconds:0.0} s of a {StepSeconds} s step");
                previous = step.Elapsed;
            }
        });
        Assert.All(result.Checks.Where(check => check.Verdict != Verdict.NotRun), check => Assert.True(check.Verdict == Verdict.Passed, $"{check.Check.Id}: {check.Verdict}: {check.Summary}"));
    }
}
