using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>Turns the observations of all flows into one verdict per check.</summary>
public static class CheckAggregator
{
    /// <summary>
    /// A failed observation decides (failed for must, warning for should); otherwise a skipped one (a flow
    /// stopped before the check could look); otherwise passed. No observation at all: the check's flows
    /// were not selected, or <paramref name="notRunBecause"/> when the run stopped before its flows.
    /// </summary>
    public static IReadOnlyList<CheckResult> Aggregate(IEnumerable<FlowResult> flows, string? notRunBecause = null)
    {
        var observations = flows.SelectMany(flow => flow.Observations).ToList();
        var notRun = notRunBecause ?? "Not run: none of its flows was selected.";
        return CheckCatalogue.All.Select(check => Judge(check, observations.Where(o => o.CheckId == check.Id).ToList(), notRun)).ToList();
    }

    private static CheckResult Judge(CheckDefinition check, IReadOnlyList<CheckObservation> observations, string notRun)
    {
        if (observations.Count == 0)
        {
            return new CheckResult(check, Verdict.NotRun, notRun, observations);
        }

        var failures = observations.Where(o => o.Outcome == Outcome.Fail).ToList();
        if (failures.Count > 0)
        {
            var verdict = check.Severity == Severity.Must ? Verdict.Failed : Verdict.Warning;
            var more = failures.Count > 1 ? $" (and {failures.Count - 1} more)" : string.Empty;
            return new CheckResult(check, verdict, $"{failures[0].Flow}, {failures[0].Step}: {failures[0].Detail}{more}", observations);
        }

        var skips = observations.Where(o => o.Outcome == Outcome.Skip).ToList();
        if (skips.Count > 0)
        {
            return new CheckResult(check, Verdict.Skipped, $"{skips[0].Flow}: {skips[0].Detail}", observations);
        }

        var flows = observations.Select(o => o.Flow).Distinct().Count();
        return new CheckResult(check, Verdict.Passed, $"Passed {observations.Count} look(s) in {flows} flow(s).", observations);
    }
}
