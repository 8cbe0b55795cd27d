using System.Text;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>The summary table a tester reads in the console or the CI log.</summary>
public static class ConsoleReporter
{
    public static string Summary(RunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"{"check",-14} {"requirement",-12} {"severity",-8} {"verdict",-8} detail");
        foreach (var check in result.Checks)
        {
            var detail = check.Summary.ReplaceLineEndings(" ");
            if (detail.Length > 110)
            {
                detail = detail[..107] + "...";
            }

            text.AppendLine($"{check.Check.Id,-14} {check.Check.RequirementId,-12} {check.Check.Severity.ToString().ToLowerInvariant(),-8} {Symbol(check.Verdict),-8} {detail}");
        }

        foreach (var flow in result.Flows.Where(flow => flow.Status == FlowStatus.Stopped))
        {
            text.AppendLine($"flow {flow.Flow} stopped after \"{flow.StopStep}\": {flow.StopReason}");
        }

        foreach (var problem in result.Problems)
        {
            text.AppendLine($"{(problem.Kind == ProblemKind.Profile ? "PROFILE" : "ENVIRONMENT")} {(problem.Flow is null ? string.Empty : $"({problem.Flow}) ")}{problem.Message}");
        }

        var counts = result.Checks.GroupBy(c => c.Verdict).ToDictionary(g => g.Key, g => g.Count());
        text.AppendLine();
        text.AppendLine($"{result.Integration}: {counts.GetValueOrDefault(Verdict.Passed)} passed, {counts.GetValueOrDefault(Verdict.Failed)} failed, {counts.GetValueOrDefault(Verdict.Warning)} warnings, {counts.GetValueOrDefault(Verdict.Skipped)} skipped, {counts.GetValueOrDefault(Verdict.NotRun)} not run; {result.Flows.Count} flows in {result.Duration.TotalSeconds:0.0} s; exit code {result.ExitCode}.");
        return text.ToString();
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
