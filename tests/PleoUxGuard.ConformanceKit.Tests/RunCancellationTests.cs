using System.Collections.Concurrent;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>A cancelled library run: it returns once its flows have ended, and reports nothing of them.</summary>
[Collection(KitCollection.Name)]
public sealed class RunCancellationTests
{
    private readonly KitFixture _kit;

    public RunCancellationTests(KitFixture kit) => _kit = kit;

    [Fact]
    public async Task A_run_cancelled_mid_flow_ends_its_flows_before_returning_and_reports_none_of_them()
    {
        using var cancellation = new CancellationTokenSource();
        var lines = new ConcurrentQueue<string>();
        var linesAtCancel = -1;
        var options = new RunOptions
        {
            Flows = ["connect-valid", "retry-after-failure", "rotate-same-company"],
            MaxParallelFlows = 2,
            Progress = line =>
            {
                lines.Enqueue(line);
                if (line.Contains("▶ connect-valid", StringComparison.Ordinal))
                {
                    _ = CancelOncePageIsOpenAsync();
                }
            },
        };

        // Mid-flow: once a flow has its page, not while its browser context is still being made. Polled, 20 ms at a
        // time up to a deadline: Playwright's IBrowser raises no event when the runner makes a context, and the run
        // reports nothing between a flow's start line and its end.
        async Task CancelOncePageIsOpenAsync()
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!_kit.Environment.Browser.Contexts.Any(context => context.Pages.Count > 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Interlocked.CompareExchange(ref linesAtCancel, lines.Count, -1);
            cancellation.Cancel();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ConformanceRunner.RunAsync(_kit.ProfileWith([], stepSeconds: 6), _kit.Environment, options, cancellation.Token));

        // By the time the run is back, the flows it had started have ended on their closed browser contexts. Their
        // browser calls failed because of the cancellation: no flow is announced after it, none reported stopped.
        Assert.Empty(_kit.Environment.Browser.Contexts);
        var after = lines.Skip(linesAtCancel).ToList();
        Assert.DoesNotContain(after, line => line.Contains('▶') || line.Contains('✗') || line.Contains('✓'));
    }
}
