using System.Text;
using PleoUxGuard.ConformanceKit.Baselines;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>The summary table a tester reads in the console or the CI log.</summary>
public static class ConsoleReporter
{
    public static string Summary(RunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine();
        if (result.NothingToRun is { } reason)
        {
            text.AppendLine(reason);
            text.AppendLine($"{result.Integration}: nothing to run; exit code {result.ExitCode}.");
            return text.ToString();
        }

        if (result.StoppedBeforeFlows is not null)
        {
            // No table: every row would repeat the one line below, which is all there is to fix.
            AppendProblems(text, result);
            text.AppendLine();
            text.AppendLine($"{result.Integration}: the run stopped before any flow, so none of the {result.Checks.Count} checks ran; exit code {result.ExitCode}.");
            return text.ToString();
        }

        text.AppendLine($"{"check",-14} {"requirement",-12} {"severity",-8} {"verdict",-8} detail");
        foreach (var check in result.Checks)
        {
            var detail = check.Summary.ReplaceLineEndings(" ");
            if (detail.Length > 110)
            {
                detail = detail[..107] + "...";
            }

            var verdict = result.FailsOnlyAsExpected(check) ? "expected" : Symbol(check.Verdict);
            text.AppendLine($"{check.Check.Id,-14} {check.Check.RequirementId,-12} {check.Check.Severity.ToString().ToLowerInvariant(),-8} {verdict,-8} {detail}");
        }

        foreach (var flow in result.StoppedFlows)
        {
            text.AppendLine($"FAILED {flow.StopFailure}");
        }

        AppendProblems(text, result);
        AppendBaseline(text, result);
        var counts = result.Checks.GroupBy(c => c.Verdict).ToDictionary(g => g.Key, g => g.Count());
        text.AppendLine();
        text.AppendLine($"{result.Integration}: {counts.GetValueOrDefault(Verdict.Passed)} passed, {Failed(result, counts.GetValueOrDefault(Verdict.Failed))}, {counts.GetValueOrDefault(Verdict.Warning)} warnings, {counts.GetValueOrDefault(Verdict.Skipped)} skipped, {counts.GetValueOrDefault(Verdict.NotRun)} not run; {result.Flows.Count} flows ({result.StoppedFlows.Count} stopped) in {result.Duration.TotalSeconds:0.0} s; exit code {result.ExitCode}{ExitReason(result)}.");
        return text.ToString();
    }

    /// <summary>"2 failed (2 expected by the baseline)": with a baseline, failures that do not fail the run say so.</summary>
    private static string Failed(RunResult result, int failed)
    {
        var expected = result.Checks.Count(check => check.Verdict == Verdict.Failed && result.FailsOnlyAsExpected(check));
        return expected == 0 ? $"{failed} failed" : $"{failed} failed ({expected} expected by the baseline)";
    }

    /// <summary>Why the run failed when no check says so: a stale baseline entry.</summary>
    private static string ExitReason(RunResult result) =>
        result.ExitCode == ExitCodes.ConformanceFailures && result.UnexpectedFailures.Count == 0 && result.StoppedFlows.Count == 0
            && result.Baseline is { Stale.Count: > 0 } baseline
            ? $" (stale baseline entr{(baseline.Stale.Count == 1 ? "y" : "ies")}: see BASELINE above)"
            : string.Empty;

    private static void AppendProblems(StringBuilder text, RunResult result)
    {
        foreach (var problem in result.Problems)
        {
            text.AppendLine($"{(problem.Kind == ProblemKind.Profile ? "PROFILE" : "ENVIRONMENT")} {(problem.Flow is null ? string.Empty : $"({problem.Flow}) ")}{problem.Message}");
        }
    }

    private static void AppendBaseline(StringBuilder text, RunResult result)
    {
        if (result.Baseline is { } baseline)
        {
            text.AppendLine($"baseline: {baseline.Matched.Count} entr{(baseline.Matched.Count == 1 ? "y" : "ies")} matched expected failures, {baseline.Stale.Count} stale, {baseline.NotJudged.Count} not judged in this run.");
            foreach (var stale in baseline.Stale)
            {
                text.AppendLine("BASELINE " + stale.Describe());
            }
        }

        var suggestions = BaselineJudgement.SuggestEntries(result.UnexpectedFailures);
        if (suggestions.Count > 0)
        {
            text.AppendLine($"To accept {(suggestions.Count == 1 ? "this failure" : "these failures")} for now, paste into the \"{Baseline.EntriesField}\" list of a baseline file (--baseline FILE):");
            foreach (var line in suggestions)
            {
                text.AppendLine("  " + line);
            }
        }
    }

    private static string Symbol(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Failed => "FAILED",
        Verdict.Warning => "warning",
        Verdict.Skipped => "skipped",
        _ => "not run",
    };
}
