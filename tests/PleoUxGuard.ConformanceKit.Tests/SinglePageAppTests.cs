using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;
using Xunit.Abstractions;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// What single-page apps do differently, on the broken-integration fixture: a connection page at a hash route
/// (opening it again from the same address is a same-document navigation in the browser), and a status region
/// drawn by a script after the page has loaded.
/// </summary>
[Collection(KitCollection.Name)]
public sealed class SinglePageAppTests
{
    private const string HashRoute = "/connect#/settings/pleo";

    private readonly KitFixture _kit;
    private readonly ITestOutputHelper _output;

    public SinglePageAppTests(KitFixture kit, ITestOutputHelper output)
    {
        _kit = kit;
        _output = output;
    }

    [Fact]
    public async Task A_hash_routed_connection_page_is_really_reloaded_so_a_revocation_is_noticed()
    {
        var result = await _kit.RunAsync(_kit.ProfileWith([], stepSeconds: 6, connectionPage: HashRoute), "revoke-then-recover", "rotate-to-bad-key");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        Assert.All(result.Flows, flow => Assert.True(flow.Status == FlowStatus.Completed, $"{flow.Flow} stopped: {flow.StopReason}"));
        Assert.All(result.Checks.Where(c => c.Verdict != Verdict.NotRun), check => Assert.True(check.Verdict == Verdict.Passed, $"{check.Check.Id}: {check.Verdict}: {check.Summary}"));
        Assert.Equal(Verdict.Passed, result["UXK-REC-1"].Verdict);
    }

    [Fact]
    public async Task A_status_fetched_after_load_is_waited_for_after_every_navigation()
    {
        var profile = _kit.ProfileWith([Fault.StatusFetchedAfterLoad], stepSeconds: 6, connectionPage: HashRoute);
        var result = await _kit.RunAsync(profile, "connect-valid", "invalid-key", "slow-validation", "rotate-to-bad-key", "revoke-then-recover");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        Assert.All(result.Flows, flow => Assert.True(flow.Status == FlowStatus.Completed, $"{flow.Flow} stopped: {flow.StopReason}"));
        Assert.All(result.Checks.Where(c => c.Verdict != Verdict.NotRun), check => Assert.True(check.Verdict == Verdict.Passed, $"{check.Check.Id}: {check.Verdict}: {check.Summary}"));
    }

    [Fact]
    public async Task A_dropped_connection_after_a_rejected_rotation_is_seen_after_reloading_a_hash_route()
    {
        var result = await _kit.RunAsync(_kit.ProfileWith([Fault.RotationFailureDisconnectsQuietly], stepSeconds: 4, connectionPage: HashRoute), "rotate-to-bad-key");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        var rotation = result["UXK-ROT-4"];
        Assert.Equal(Verdict.Warning, rotation.Verdict);
        var failing = Assert.Single(rotation.Observations, o => o.Outcome == Outcome.Fail);
        Assert.Contains("after a reload the status does not show Connected", failing.Detail, StringComparison.OrdinalIgnoreCase);
    }
}
