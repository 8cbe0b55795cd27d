using System.Text.Json;
using System.Text.Json.Serialization;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>The run as JSON: every check with its verdict and observations, every flow with its steps.</summary>
public static class JsonReporter
{
    public const string FileName = "results.json";

    // Shared with the SARIF report, whose observations read as they do in results.json.
    internal static readonly JsonSerializerOptions Options = new()
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
        stoppedFlows = result.StoppedFlows.Select(flow => new { id = flow.Flow, failure = flow.StopFailure }),
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
            flow.Trace,
            steps = flow.Steps.Select(step => new { step.Name, elapsedSeconds = Math.Round(step.Elapsed.TotalSeconds, 2), step.State, step.Screenshot }),
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

    /// <summary>
    /// Reads a results.json back into a run (the flows and their observations; verdicts are judged again), so
    /// shards run on different machines merge into one report.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a results file of this kit; one line saying so.</exception>
    public static RunResult Read(string json, string source)
    {
        ResultsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ResultsFile>(json, Options);
        }
        catch (JsonException problem)
        {
            throw new InvalidDataException($"{source}: not a pleo-uxguard results.json ({problem.Message.Split('.')[0]}).", problem);
        }

        if (file is not { SchemaVersion: 1, Checks: not null, Flows: not null, RunId: not null, Integration: not null })
        {
            throw new InvalidDataException($"{source}: not a pleo-uxguard results.json (schemaVersion 1 with runId, integration, checks and flows).");
        }

        var looks = file.Checks.SelectMany(check => check.Observations ?? []).ToList();
        var flows = file.Flows.Select(flow => new FlowResult(
            flow.Id,
            flow.Title ?? flow.Id,
            flow.Status,
            TimeSpan.FromSeconds(flow.DurationSeconds),
            (flow.Steps ?? []).Select(step => new FlowStep(step.Name, TimeSpan.FromSeconds(step.ElapsedSeconds), step.State, step.Screenshot)).ToList(),
            looks.Where(look => look.Flow == flow.Id).ToList(),
            flow.StopReason,
            flow.StopStep,
            TimeSpan.FromSeconds(flow.StartedAfterSeconds),
            flow.Trace)).ToList();
        return RunResult.From(file.RunId, file.Integration, file.StartedAt, TimeSpan.FromSeconds(file.DurationSeconds), flows, file.Problems ?? []);
    }

    private sealed record ResultsFile(
        int SchemaVersion,
        string? RunId,
        string? Integration,
        DateTimeOffset StartedAt,
        double DurationSeconds,
        IReadOnlyList<CheckRecord>? Checks,
        IReadOnlyList<FlowRecord>? Flows,
        IReadOnlyList<RunProblem>? Problems);

    private sealed record CheckRecord(string Id, IReadOnlyList<CheckObservation>? Observations);

    private sealed record FlowRecord(
        string Id,
        string? Title,
        FlowStatus Status,
        double DurationSeconds,
        double StartedAfterSeconds,
        string? StopStep,
        string? StopReason,
        string? Trace,
        IReadOnlyList<StepRecord>? Steps);

    private sealed record StepRecord(string Name, double ElapsedSeconds, string? State, string? Screenshot);
}
