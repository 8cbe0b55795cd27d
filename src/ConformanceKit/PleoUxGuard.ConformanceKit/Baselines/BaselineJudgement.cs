using System.Text.Json;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Baselines;

/// <summary>Why a baseline entry fails the run although it is in the file.</summary>
public enum StaleReason
{
    /// <summary>Its check was judged where the entry points and passed: remove the entry.</summary>
    NoLongerFails,

    /// <summary>Its check failed, but no failing look is where the entry points (another flow or step): correct it.</summary>
    MatchesNothing,
}

/// <summary>A baseline entry that fails the run.</summary>
public sealed record StaleEntry(BaselineEntry Entry, StaleReason Reason)
{
    public string Describe() => Reason == StaleReason.NoLongerFails
        ? $"baseline entry {Entry.Describe()} no longer fails: remove it from the baseline file."
        : $"baseline entry {Entry.Describe()} matches no failing look of {Entry.Check} in this run: correct its flow or step, or remove it.";
}

/// <summary>
/// A run held against a baseline: which failures were expected, which entries are stale (they fail the run
/// so baselines cannot rot), which entries this run could not judge (their flows were not selected or
/// stopped first), and the unexpected failures.
/// </summary>
public sealed class BaselineJudgement
{
    private readonly HashSet<CheckObservation> _expected;

    private BaselineJudgement(
        HashSet<CheckObservation> expected,
        IReadOnlyList<BaselineEntry> matched,
        IReadOnlyList<StaleEntry> stale,
        IReadOnlyList<BaselineEntry> notJudged,
        IReadOnlyList<CheckObservation> unexpected)
    {
        _expected = expected;
        Matched = matched;
        Stale = stale;
        NotJudged = notJudged;
        Unexpected = unexpected;
    }

    /// <summary>Entries that matched at least one failing look.</summary>
    public IReadOnlyList<BaselineEntry> Matched { get; }

    public IReadOnlyList<StaleEntry> Stale { get; }

    /// <summary>Entries whose check this run did not judge where they point (a flow not selected, or stopped first).</summary>
    public IReadOnlyList<BaselineEntry> NotJudged { get; }

    /// <summary>Failing looks no entry matches.</summary>
    public IReadOnlyList<CheckObservation> Unexpected { get; }

    /// <summary>Whether a failing look is covered by the baseline.</summary>
    public bool IsExpected(CheckObservation observation) => _expected.Contains(observation);

    /// <summary>The reason of the first entry that matches a look, for reports.</summary>
    public string? ReasonFor(CheckObservation observation) =>
        _expected.Contains(observation) ? Matched.FirstOrDefault(entry => Matches(entry, observation))?.Reason : null;

    public static BaselineJudgement Judge(Baseline baseline, IEnumerable<FlowResult> flows)
    {
        var ran = flows.Select(flow => flow.Flow).ToHashSet(StringComparer.Ordinal);
        var looks = flows.SelectMany(flow => flow.Observations).ToList();
        var expected = new HashSet<CheckObservation>();
        var matched = new List<BaselineEntry>();
        var stale = new List<StaleEntry>();
        var notJudged = new List<BaselineEntry>();
        foreach (var entry in baseline.Entries)
        {
            var inScope = looks.Where(look => look.CheckId == entry.Check && (entry.Flow is null || look.Flow == entry.Flow)).ToList();
            var hits = inScope.Where(look => look.Outcome == Outcome.Fail && Matches(entry, look)).ToList();
            if (hits.Count > 0)
            {
                expected.UnionWith(hits);
                matched.Add(entry);
            }
            else if (inScope.Any(look => look.Outcome == Outcome.Fail))
            {
                stale.Add(new StaleEntry(entry, StaleReason.MatchesNothing));
            }
            else if (inScope.Count > 0 && inScope.All(look => look.Outcome == Outcome.Pass) && AllRan(entry, ran))
            {
                // Failing in another flow than the entry's, the failure moved: the entry needs correcting, not removing.
                var failsElsewhere = looks.Any(look => look.CheckId == entry.Check && look.Outcome == Outcome.Fail);
                stale.Add(new StaleEntry(entry, !failsElsewhere && (entry.Step is null || inScope.Any(look => StepMatches(entry, look))) ? StaleReason.NoLongerFails : StaleReason.MatchesNothing));
            }
            else
            {
                notJudged.Add(entry);
            }
        }

        var unexpected = looks.Where(look => look.Outcome == Outcome.Fail && !expected.Contains(look)).ToList();
        return new BaselineJudgement(expected, matched, stale, notJudged, unexpected);
    }

    /// <summary>
    /// Ready-to-paste baseline entries for failing looks, one per check and flow, as JSON lines with a
    /// reason to fill in.
    /// </summary>
    public static IReadOnlyList<string> SuggestEntries(IEnumerable<CheckObservation> failures) =>
        failures
            .Where(look => look.Outcome == Outcome.Fail)
            .Select(look => (look.CheckId, look.Flow))
            .Distinct()
            .Select(key => "{ " + string.Join(", ",
                Pair("check", key.CheckId),
                Pair("flow", key.Flow),
                Pair("reason", "TODO: why this failure is accepted for now (ticket, date)")) + " },")
            .ToList();

    private static string Pair(string name, string value) => $"\"{name}\": {JsonSerializer.Serialize(value)}";

    /// <summary>
    /// Whether every flow the entry points at ran: an entry without a flow covers each flow that can record its
    /// check, so a shard or a --flow selection that passes it in some of them cannot tell that it no longer fails.
    /// </summary>
    private static bool AllRan(BaselineEntry entry, HashSet<string> ran) =>
        entry.Flow is { } flow ? ran.Contains(flow) : Flows.FlowCatalogue.Recording(entry.Check).All(f => ran.Contains(f.Id));

    private static bool Matches(BaselineEntry entry, CheckObservation look) =>
        look.CheckId == entry.Check && (entry.Flow is null || look.Flow == entry.Flow) && StepMatches(entry, look);

    private static bool StepMatches(BaselineEntry entry, CheckObservation look) =>
        entry.Step is null || look.Step.Contains(entry.Step, StringComparison.OrdinalIgnoreCase);
}
