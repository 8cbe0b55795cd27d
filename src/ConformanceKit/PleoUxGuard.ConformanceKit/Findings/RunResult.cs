using PleoUxGuard.ConformanceKit.Baselines;
using PleoUxGuard.ConformanceKit.Checks;

namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>
/// Everything a run found. Reporters (console, JUnit, JSON, and later HTML) read only this. Runs of
/// different flow subsets (shards) merge by concatenating their flows and problems and aggregating again.
/// </summary>
public sealed record RunResult(
    string RunId,
    string Integration,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<FlowResult> Flows,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<RunProblem> Problems)
{
    /// <summary>The run held against a baseline file, when one was given (<see cref="WithBaseline"/>).</summary>
    public BaselineJudgement? Baseline { get; init; }

    /// <summary>
    /// Why nothing ran, when the selection left this run no flow: a shard of more shards than selected flows.
    /// Such a run passes (the other shards and their merge judge the flows); a run that judged nothing for
    /// any other reason does not.
    /// </summary>
    public string? NothingToRun { get; init; }

    /// <summary>
    /// 0 when every must-check that ran passed or failed only as the baseline expects, no flow stopped and no
    /// baseline entry is stale; 2 for a profile problem; 3 for an environment problem; else 1.
    /// </summary>
    public int ExitCode
    {
        get
        {
            if (Problems.Any(problem => problem.Kind == ProblemKind.Environment))
            {
                return ExitCodes.EnvironmentError;
            }

            if (Problems.Any(problem => problem.Kind == ProblemKind.Profile))
            {
                return ExitCodes.ProfileError;
            }

            if (NothingToRun is not null)
            {
                return ExitCodes.Passed;
            }

            var judged = Checks.Where(check => check.Verdict != Verdict.NotRun).ToList();
            var allMustPassed = judged.Count > 0
                && judged.All(check => check.Check.Severity == Severity.Should || check.Verdict == Verdict.Passed || FailsOnlyAsExpected(check));
            return allMustPassed && StoppedFlows.Count == 0 && Baseline is not { Stale.Count: > 0 } ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
        }
    }

    /// <summary>
    /// The flows that stopped before their last step. Each fails the run, even when every check it listed was judged
    /// before it stopped: what it did not get to do was not tested. A flow stopped by a profile or environment
    /// problem is not among them: that problem names the flow (<see cref="RunProblem.Flow"/>), is reported once
    /// as such, and already decides the exit code.
    /// </summary>
    public IReadOnlyList<FlowResult> StoppedFlows =>
        Flows.Where(flow => flow.Status == FlowStatus.Stopped && !Problems.Any(problem => problem.Flow == flow.Flow)).ToList();

    /// <summary>Holds the run against a baseline: its expected failures no longer fail the run, its stale entries do.</summary>
    public RunResult WithBaseline(Baseline baseline) => this with { Baseline = BaselineJudgement.Judge(baseline, Flows) };

    /// <summary>True when the check failed (or warned) and the baseline expects every one of its failing looks.</summary>
    public bool FailsOnlyAsExpected(CheckResult check) =>
        Baseline is { } baseline
        && check.Verdict is Verdict.Failed or Verdict.Warning
        && check.Observations.Where(look => look.Outcome == Outcome.Fail).All(baseline.IsExpected);

    /// <summary>
    /// The failing looks of failed must-checks that no baseline entry expects: these fail the run. None when a
    /// profile or environment problem stopped it: those are fixed, not baselined.
    /// </summary>
    public IReadOnlyList<CheckObservation> UnexpectedFailures =>
        Checks.Where(check => check.Verdict == Verdict.Failed && Problems.Count == 0)
            .SelectMany(check => check.Observations)
            .Where(look => look.Outcome == Outcome.Fail && Baseline?.IsExpected(look) != true)
            .ToList();

    /// <summary>
    /// Why no flow ran, when a problem stopped the run before any (the environment, the profile); null when flows
    /// ran or the selection left none. Every check then is not run for this reason, not for its selection.
    /// </summary>
    public string? StoppedBeforeFlows => StoppedBeforeFlowsReason(Flows, Problems);

    private static string? StoppedBeforeFlowsReason(IReadOnlyList<FlowResult> flows, IReadOnlyList<RunProblem> problems) =>
        flows.Count == 0 && problems.FirstOrDefault(problem => problem.Flow is null) is { } problem
            ? problem.Message.Split('\n', 2)[0].Trim()
            : null;

    /// <summary>The result for one check id; throws for an unknown id so a typo in a test fails loudly.</summary>
    public CheckResult this[string checkId] =>
        Checks.FirstOrDefault(check => check.Check.Id == checkId)
        ?? throw new KeyNotFoundException($"No check '{checkId}' in this run.");

    /// <summary>Builds a run result from flow results, judging every check in the catalogue.</summary>
    public static RunResult From(
        string runId,
        string integration,
        DateTimeOffset startedAt,
        TimeSpan duration,
        IReadOnlyList<FlowResult> flows,
        IReadOnlyList<RunProblem> problems) =>
        new(runId, integration, startedAt, duration, flows, CheckAggregator.Aggregate(flows, StoppedBeforeFlowsReason(flows, problems) is { } reason ? $"Not run: the run stopped before any flow: {reason}" : null), problems);

    /// <summary>Merges results of shards run apart (different flows, same integration) into one.</summary>
    public static RunResult Merge(IReadOnlyList<RunResult> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(parts));
        }

        var start = parts.Min(part => part.StartedAt);
        var end = parts.Max(part => part.StartedAt + part.Duration);
        return From(
            parts[0].RunId,
            parts[0].Integration,
            start,
            end - start,
            parts.SelectMany(part => part.Flows).ToList(),
            parts.SelectMany(part => part.Problems).ToList());
    }
}
