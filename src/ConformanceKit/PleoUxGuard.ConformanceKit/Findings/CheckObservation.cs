namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>One look a check took in one flow at one step. A check's verdict is the sum of its observations.</summary>
/// <param name="CheckId">The UXK id.</param>
/// <param name="Flow">The flow id that made the observation.</param>
/// <param name="Step">The user step after which the check looked, e.g. "after Connect".</param>
/// <param name="Outcome">Pass, fail, or skip (the flow stopped before this check could look).</param>
/// <param name="Detail">One sentence a tester understands: what was expected and what was seen.</param>
/// <param name="Evidence">What was seen; always present for a failure.</param>
public sealed record CheckObservation(
    string CheckId,
    string Flow,
    string Step,
    Outcome Outcome,
    string Detail,
    Evidence? Evidence = null);
