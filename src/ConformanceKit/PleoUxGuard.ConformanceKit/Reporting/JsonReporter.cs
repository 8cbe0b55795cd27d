using System.Text.Json;
using System.Text.Json.Serialization;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>The run as JSON: every check with its verdict and observations, every flow with its steps.</summary>
public static class JsonReporter
{
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RunResult result) => JsonSerializer.Serialize(new
    {
        schemaVersion = 1,
        result.RunId,
        result.Integration,
        result.StartedAt,
        durationSeconds = Math.Round(result.Duration.TotalSeconds, 2),
        result.ExitCode,
        checks = result.Checks.Select(check => new
        {
            id = check.Check.Id,
            requirement = check.Check.RequirementId,
            requirementText = check.Check.RequirementText,
            severity = check.Check.Severity,
            title = check.Check.Title,
            verdict = check.Verdict,
            expectedFailure = result.FailsOnlyAsExpected(check) ? true : (bool?)null,
            summary = check.Summary,
            observations = check.Observations,
        }),
        flows = result.Flows.Select(flow => new
        {
            id = flow.Flow,
            flow.Title,
            flow.Status,
            durationSeconds = Math.Round(flow.Duration.TotalSeconds, 2),
            startedAfterSeconds = Math.Round(flow.StartedAfter.TotalSeconds, 2),
            flow.StopStep,
            flow.StopReason,
            steps = flow.Steps.Select(step => new { step.Name, elapsedSeconds = Math.Round(step.Elapsed.TotalSeconds, 2), step.State }),
        }),
        problems = result.Problems,
        baseline = result.Baseline is { } baseline
            ? new
            {
                matched = baseline.Matched,
                stale = baseline.Stale.Select(stale => new { stale.Entry, stale.Reason, message = stale.Describe() }),
                notJudged = baseline.NotJudged,
            }
            : null,
    }, Options);
}
