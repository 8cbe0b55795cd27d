namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>How much a check matters: a failed must-check fails the run, a failed should-check warns.</summary>
public enum Severity
{
    Must,
    Should,
}

/// <summary>The judgement of one check over a run.</summary>
public enum Verdict
{
    Passed,

    /// <summary>A must-check saw the integration break its requirement.</summary>
    Failed,

    /// <summary>A should-check saw the integration break its requirement; does not fail the run.</summary>
    Warning,

    /// <summary>A flow the check needs stopped before the check could look; the reason says which and why.</summary>
    Skipped,

    /// <summary>None of the flows that judge this check were selected for this run.</summary>
    NotRun,
}

/// <summary>What one look at the page concluded.</summary>
public enum Outcome
{
    Pass,
    Fail,
    Skip,
}
