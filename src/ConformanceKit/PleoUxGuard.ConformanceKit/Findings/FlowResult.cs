namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>How a flow ended.</summary>
public enum FlowStatus
{
    /// <summary>Every step ran (checks may still have failed).</summary>
    Completed,

    /// <summary>A step could not be done, so the flow stopped; the checks it had not judged yet are skipped, and the run fails.</summary>
    Stopped,
}

/// <summary>One step the flow took, for progress output and the report's timeline.</summary>
/// <param name="Name">What the simulated user did or waited for.</param>
/// <param name="Elapsed">Time since the flow started when the step ended.</param>
/// <param name="State">The state label the page showed after the step, or null when none or several.</param>
/// <param name="Screenshot">The page after the step, key field masked, relative to the output folder; kept only for flows that failed or stopped.</param>
public sealed record FlowStep(string Name, TimeSpan Elapsed, string? State, string? Screenshot = null);

/// <summary>The record of one flow: its steps, its observations and, when it stopped early, why.</summary>
/// <param name="StartedAfter">When the flow started, counted from the start of the run (for timelines and benchmarks).</param>
/// <param name="Trace">The Playwright trace of a flow that failed or stopped, relative to the output folder.</param>
public sealed record FlowResult(
    string Flow,
    string Title,
    FlowStatus Status,
    TimeSpan Duration,
    IReadOnlyList<FlowStep> Steps,
    IReadOnlyList<CheckObservation> Observations,
    string? StopReason = null,
    string? StopStep = null,
    TimeSpan StartedAfter = default,
    string? Trace = null)
{
    /// <summary>For a stopped flow, the failure line every report shows: <c>flow X stopped after "step": reason</c>.</summary>
    public string? StopFailure => Status == FlowStatus.Stopped ? $"flow {Flow} stopped after \"{StopStep}\": {StopReason}" : null;
}
