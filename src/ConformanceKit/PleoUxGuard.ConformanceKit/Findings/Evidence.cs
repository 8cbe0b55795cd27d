namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>
/// What a check saw, so a tester can tell why it judged as it did without rerunning. Never holds a key:
/// texts are masked before they get here and journal lines show fingerprints only.
/// </summary>
/// <param name="Found">The text or DOM fragment found (or "nothing"), with any key piece masked.</param>
/// <param name="Screenshot">Path of a screenshot with the key field masked, relative to the output folder.</param>
/// <param name="JournalLines">The fake Pleo's journal lines for this flow's keys.</param>
/// <param name="Url">The page address at the time, with any key piece masked.</param>
public sealed record Evidence(
    string? Found = null,
    string? Screenshot = null,
    IReadOnlyList<string>? JournalLines = null,
    string? Url = null);
