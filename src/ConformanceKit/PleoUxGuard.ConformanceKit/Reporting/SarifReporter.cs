using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning (GitHub's upload-sarif, Azure DevOps' SARIF viewer): one rule per check, and one
/// result per check and flow where the check failed or warned. Passed checks have no result: GitHub code scanning
/// opens an alert for every result, kind "pass" included. It reads only the results model, whose texts are masked
/// before they get there, and the profile's path (never its content), so it can never hold a key.
/// </summary>
public static class SarifReporter
{
    public const string FileName = "results.sarif";

    public const string ToolName = "PleoUxGuard conformance kit";

    /// <summary>The partial fingerprint's key: versioned, as SARIF asks, in case what it holds ever changes.</summary>
    public const string FingerprintKey = "checkAndFlow/v1";

    // Where the analyzer's help links live too (Descriptors.HelpLinkBase); the checks have no anchors of their own.
    private const string DocumentationUri = "https://github.com/pleouxguard/pleouxguard/blob/main/docs/conformance-kit.md";

    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static readonly IReadOnlyDictionary<string, int> RuleIndex =
        CheckCatalogue.All.Select((check, index) => (check.Id, index)).ToDictionary(rule => rule.Id, rule => rule.index);

    /// <summary>The SARIF log of a run.</summary>
    /// <param name="profilePath">
    /// The profile the run used, as given on the command line: each result points at it, relative to the working
    /// directory (the repository root in CI), since GitHub code scanning rejects a whole file when one result names
    /// no file. Null (a merge without --profile, a library caller that gives none): results name only their flow, which
    /// SARIF viewers show but GitHub does not take.
    /// </param>
    public static string Write(RunResult result, string? profilePath = null)
    {
        var profileUri = profilePath is null ? null : RelativeUri(profilePath);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = Driver() },
            ["invocations"] = new JsonArray(Invocation(result)),
            ["results"] = new JsonArray(Findings(result, profileUri).ToArray<JsonNode?>()),
        };
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(JsonReporter.Options);
    }

    private static JsonObject Driver()
    {
        var version = typeof(SarifReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SarifReporter).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        return new JsonObject
        {
            ["name"] = ToolName,
            ["version"] = version,

            // The informational version carries the commit after '+'; semanticVersion is the release alone.
            ["semanticVersion"] = version.Split('+')[0],
            ["informationUri"] = DocumentationUri,
            ["rules"] = new JsonArray(CheckCatalogue.All.Select(Rule).ToArray<JsonNode?>()),
        };
    }

    private static JsonObject Rule(CheckDefinition check) => new()
    {
        ["id"] = check.Id,
        ["name"] = string.Concat(check.Title.Split(' ', ':', '/').Select(Capitalised)),
        ["shortDescription"] = Text(check.Title),
        ["fullDescription"] = Text($"{check.RequirementId}: {check.RequirementText}"),
        ["help"] = Text($"How the kit judges it: {check.HowJudged}"),
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(check.Severity) },
        ["properties"] = new JsonObject
        {
            ["requirement"] = check.RequirementId,
            ["severity"] = SeverityName(check.Severity),
        },
    };

    private static JsonObject Invocation(RunResult result) => new()
    {
        // A failed check is what the tool is for; only a profile or environment problem stopped it doing its job.
        ["executionSuccessful"] = result.ExitCode is ExitCodes.Passed or ExitCodes.ConformanceFailures,
        ["exitCode"] = result.ExitCode,
        ["startTimeUtc"] = UtcTime(result.StartedAt),
        ["endTimeUtc"] = UtcTime(result.StartedAt + result.Duration),
        ["toolExecutionNotifications"] = new JsonArray(Notifications(result).ToArray<JsonNode?>()),
    };

    // What else decided the exit code, in the words the other reports use: problems, stopped flows, stale baseline entries.
    private static IEnumerable<JsonObject> Notifications(RunResult result) =>
        result.Problems.Select(problem => $"{problem.Kind} problem{(problem.Flow is null ? string.Empty : $" ({problem.Flow})")}: {problem.Message}")
            .Concat(result.StoppedFlows.Select(flow => flow.StopFailure!))
            .Concat(result.Baseline?.Stale.Select(stale => stale.Describe()) ?? [])
            .Select(message => new JsonObject { ["level"] = "error", ["message"] = Text(message) });

    private static IEnumerable<JsonObject> Findings(RunResult result, string? profileUri) =>
        result.Checks
            .Where(check => check.Verdict is Verdict.Failed or Verdict.Warning)
            .SelectMany(check => check.Observations
                .Where(look => look.Outcome == Outcome.Fail)
                .GroupBy(look => look.Flow)
                .Select(flow => Finding(result, check, flow.Key, flow.ToList(), profileUri)));

    private static JsonObject Finding(RunResult result, CheckResult check, string flow, IReadOnlyList<CheckObservation> failures, string? profileUri)
    {
        var finding = new JsonObject
        {
            ["ruleId"] = check.Check.Id,
            ["ruleIndex"] = RuleIndex[check.Check.Id],
            ["level"] = Level(check.Check.Severity),
            ["message"] = Text($"{check.Check.Title} ({flow}): " + string.Join("\n", failures.Select(look => $"{look.Step}: {look.Detail}"))),
            ["locations"] = new JsonArray(Location(flow, profileUri)),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = $"{check.Check.Id}/{flow}" },
            ["properties"] = new JsonObject
            {
                ["flow"] = flow,
                ["requirement"] = check.Check.RequirementId,
                ["observations"] = JsonSerializer.SerializeToNode(failures, JsonReporter.Options),
            },
        };

        // A failure the baseline expects in every look is accepted for now: suppressed, with the baseline's reasons.
        if (result.Baseline is { } baseline && failures.All(baseline.IsExpected))
        {
            finding["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["justification"] = string.Join("; ", failures.Select(baseline.ReasonFor).OfType<string>().Distinct()),
            });
        }

        return finding;
    }

    // The flow is always named; the profile, when known, too: GitHub code scanning needs a file for every result.
    private static JsonObject Location(string flow, string? profileUri)
    {
        var location = new JsonObject();
        if (profileUri is not null)
        {
            location["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = profileUri, ["uriBaseId"] = "%SRCROOT%" },
            };
        }

        location["logicalLocations"] = new JsonArray(new JsonObject { ["name"] = flow, ["kind"] = "flow" });
        location["message"] = Text($"flow {flow}");
        return location;
    }

    // Relative to where the kit was started, with '/' and each segment escaped: a URI reference, as SARIF wants.
    private static string RelativeUri(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    private static string Level(Severity severity) => severity == Severity.Must ? "error" : "warning";

    private static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string UtcTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Text(string text) => new() { ["text"] = text };
}
