using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Running;

/// <summary>How to run: which flows, where reports go, how many flows at once.</summary>
public sealed class RunOptions
{
    /// <summary>Where screenshots and traces go (the reports are ReportWriter.WriteAll's); null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Only these flow ids; empty for all.</summary>
    public IReadOnlyCollection<string> Flows { get; init; } = [];

    /// <summary>Only the flows that judge these check ids; empty for all.</summary>
    public IReadOnlyCollection<string> Checks { get; init; } = [];

    /// <summary>Only this part of the selected flows (CI sharding); null for all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Shows the browser window (for debugging a flow), whatever the profile says.</summary>
    public bool Headed { get; init; }

    /// <summary>
    /// The default for <see cref="MaxParallelFlows"/>: one flow per core, at most four. The flows are CPU-bound
    /// (Chromium, the integration and the kit share the cores), so more contexts than cores only slow each step,
    /// and a step that waits for a slow sign-up then risks its timeout (docs/conformance-kit-ci.md, Speed).
    /// </summary>
    public static int DefaultParallelFlows => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Flows run at once, each in its own browser context of one browser.</summary>
    public int MaxParallelFlows { get; init; } = DefaultParallelFlows;

    /// <summary>A browser binary that overrides the profile's and the kit's resolution.</summary>
    public string? BrowserPath { get; init; }

    /// <summary>The fake Pleo's port; 0 picks a free one. Fix it when the integration is started by other means first.</summary>
    public int PleoPort { get; init; }

    /// <summary>When to keep a Playwright trace of a flow (only with an output folder).</summary>
    public TraceMode Trace { get; init; } = TraceMode.OnFailure;

    /// <summary>The flows this run selects: by --flow and --check, then the shard's part.</summary>
    /// <exception cref="ArgumentException">An id names no flow or check.</exception>
    public IReadOnlyList<Flow> SelectFlows()
    {
        var selected = FlowCatalogue.Select(Flows, Checks);
        return Shard is { } shard ? shard.Apply(selected) : selected;
    }

    /// <summary>Progress lines as flows start and end (the console reporter prints them).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Called as a flow's page has been asked for and not yet made: the one moment a cancellation finds a flow waiting
    /// on a page that will never come, which a test cannot reach by watching the browser from outside.
    /// </summary>
    internal Action? PageRequested { get; init; }
}

/// <summary>When a flow's Playwright trace is written to traces/&lt;flow&gt;.zip.</summary>
public enum TraceMode
{
    Off,

    /// <summary>Recorded for every flow, kept only for flows that failed or stopped.</summary>
    OnFailure,

    Always,
}
