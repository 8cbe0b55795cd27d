using System.Collections.Concurrent;
using System.Diagnostics;
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
        var run = new CancelledRun(_kit, ["connect-valid", "retry-after-failure", "rotate-same-company"]);

        // Mid-flow: once a flow has its page, not while its browser context is still being made.
        await run.RunCancellingWhenAsync(line => line.Contains("▶ connect-valid", StringComparison.Ordinal), () => _kit.Environment.Browser.Contexts.Any(context => context.Pages.Count > 0));

        // By the time the run is back, the flows it had started have ended on their closed browser contexts. Their
        // browser calls failed because of the cancellation: no flow is announced after it, none reported stopped.
        Assert.Empty(_kit.Environment.Browser.Contexts);
        Assert.DoesNotContain(run.LinesAfterCancel, line => line.Contains('▶') || line.Contains('✗') || line.Contains('✓'));
    }

    [Fact]
    public async Task A_run_cancelled_while_a_flow_page_is_being_made_ends_that_flow_instead_of_abandoning_it()
    {
        var run = new CancelledRun(_kit, ["connect-valid"]);

        // The browser never answers a page asked for as its context closes: the flow must stop waiting for it itself.
        // Left to the run's wind-down, it would still be running when the run returns.
        await run.RunCancellingAsPageIsRequestedAsync();

        Assert.True(run.CancelToReturn < ConformanceRunner.FlowWindDown, $"the run waited out its wind-down ({ConformanceRunner.FlowWindDown.TotalSeconds:0} s) for a flow that did not end");
        Assert.Empty(_kit.Environment.Browser.Contexts);
        Assert.DoesNotContain(run.LinesAfterCancel, line => line.Contains('✗') || line.Contains('✓'));
    }

    /// <summary>A library run of <paramref name="flows"/>, cancelled at a chosen moment inside a flow.</summary>
    private sealed class CancelledRun(KitFixture kit, string[] flows)
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Stopwatch _sinceCancel = new();
        private int _linesAtCancel = -1;

        public IReadOnlyList<string> LinesAfterCancel => _lines.Skip(_linesAtCancel).ToList();

        public TimeSpan CancelToReturn { get; private set; }

        /// <summary>
        /// Runs, and once a progress line matches <paramref name="started"/>, cancels as soon as
        /// <paramref name="moment"/> holds. Polled 20 ms at a time up to a deadline: Playwright's IBrowser raises no
        /// event when the runner makes a context, and the run reports nothing between a flow's start line and its end.
        /// </summary>
        public async Task RunCancellingWhenAsync(Func<string, bool> started, Func<bool> moment)
        {
            using var cancellation = new CancellationTokenSource();
            var options = Options(line =>
            {
                if (started(line))
                {
                    _ = CancelAtTheMomentAsync();
                }
            });

            async Task CancelAtTheMomentAsync()
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (!moment() && DateTime.UtcNow < deadline)
                {
                    // A poll, not a wait for time to pass: no event announces the state (see the summary).
                    await Task.Delay(20);
                }

                Cancel(cancellation);
            }

            await RunExpectingCancellationAsync(options, cancellation);
        }

        /// <summary>Runs, and cancels the moment the first flow has asked for its page, before the page is made.</summary>
        public async Task RunCancellingAsPageIsRequestedAsync()
        {
            using var cancellation = new CancellationTokenSource();
            await RunExpectingCancellationAsync(Options(pageRequested: () => Cancel(cancellation)), cancellation);
        }

        private RunOptions Options(Action<string>? onLine = null, Action? pageRequested = null) => new()
        {
            Flows = flows,
            MaxParallelFlows = 2,
            Progress = line =>
            {
                _lines.Enqueue(line);
                onLine?.Invoke(line);
            },
            PageRequested = pageRequested,
        };

        private void Cancel(CancellationTokenSource cancellation)
        {
            if (Interlocked.CompareExchange(ref _linesAtCancel, _lines.Count, -1) == -1)
            {
                _sinceCancel.Start();
                cancellation.Cancel();
            }
        }

        private async Task RunExpectingCancellationAsync(RunOptions options, CancellationTokenSource cancellation)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                ConformanceRunner.RunAsync(kit.ProfileWith([], stepSeconds: 6), kit.Environment, options, cancellation.Token));
            CancelToReturn = _sinceCancel.Elapsed;
        }
    }
}
