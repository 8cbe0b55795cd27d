namespace PleoUxGuard.ConformanceKit.Baselines;

/// <summary>
/// One known failure the team accepts for now. It matches a failing look of <paramref name="Check"/>, in
/// <paramref name="Flow"/> when given, at a step whose name contains <paramref name="Step"/> when given.
/// </summary>
/// <param name="Reason">Why it is accepted (a ticket, a date); required, so a baseline says why it exists.</param>
public sealed record BaselineEntry(string Check, string? Flow, string? Step, string Reason)
{
    /// <summary>How the entry is named in messages: its check, flow and step.</summary>
    public string Describe() =>
        Check + (Flow is null ? string.Empty : $" in {Flow}") + (Step is null ? string.Empty : $" at \"{Step}\"");
}
