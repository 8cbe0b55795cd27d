using PleoUxGuard.ConformanceKit.Checks;

namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>A check's verdict over the whole run, with every observation behind it.</summary>
public sealed record CheckResult(
    CheckDefinition Check,
    Verdict Verdict,
    string Summary,
    IReadOnlyList<CheckObservation> Observations);
