using System.Reflection;
using System.Text.Json;
using PleoUxGuard.ConformanceKit.Baselines;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>results.sarif, read back as code scanning reads it: rules, results with a location and a fingerprint, suppressions.</summary>
public sealed class SarifReportTests : IDisposable
{
    // What a key looks like once masked, as every text reaching the results is (the kit masks before it reports).
    private const string MaskedKey = "•••••••• (k1)";

    private readonly string _folder = Directory.CreateTempSubdirectory("pux-sarif-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CheckObservation Look(CheckDefinition check, string flow, Outcome outcome, string detail = "as expected") =>
        new(check.Id, flow, "clicked Connect", outcome, detail, outcome == Outcome.Fail ? new Evidence($"the page showed {MaskedKey}", JournalLines: ["12:00:00.000 GET /v1/introspect key ••••abcd (k1) -> 200"]) : null);

    private static RunResult Run(IReadOnlyList<RunProblem>? problems, params CheckObservation[] looks) =>
        RunResult.From(
            "r1",
            "it",
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromSeconds(2),
            looks.GroupBy(look => look.Flow).Select(flow => new FlowResult(flow.Key, flow.Key, FlowStatus.Completed, TimeSpan.FromSeconds(1), [], flow.ToList())).ToList(),
            problems ?? []);

    private static RunResult FailingRun() => Run(
        null,
        Look(CheckCatalogue.Vis1, "connect-valid", Outcome.Fail, $"The key {MaskedKey} is in the data-key attribute."),
        Look(CheckCatalogue.Vis1, "invalid-key", Outcome.Fail, "A piece of the key is in the page title."),
        Look(CheckCatalogue.Input5, "connect-valid", Outcome.Fail, "The page does not say the key cannot be viewed again."),
        Look(CheckCatalogue.Input1, "connect-valid", Outcome.Pass));

    private static JsonElement Only(JsonElement results, string checkId, string flow) =>
        Assert.Single(results.EnumerateArray(), result => result.GetProperty("ruleId").GetString() == checkId && result.GetProperty("properties").GetProperty("flow").GetString() == flow);

    [Fact]
    public void The_log_is_SARIF_2_1_0_with_the_kit_as_its_tool_and_one_rule_per_check()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Write(FailingRun()));

        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-schema-2.1.0.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var driver = Assert.Single(root.GetProperty("runs").EnumerateArray()).GetProperty("tool").GetProperty("driver");
        Assert.Equal("PleoUxGuard conformance kit", driver.GetProperty("name").GetString());
        Assert.Equal(typeof(SarifReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, driver.GetProperty("version").GetString());
        Assert.EndsWith("docs/conformance-kit.md", driver.GetProperty("informationUri").GetString(), StringComparison.Ordinal);
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(CheckCatalogue.All.Select(check => check.Id), rules.Select(rule => rule.GetProperty("id").GetString()));
        var mustRule = rules[CheckCatalogue.All.ToList().IndexOf(CheckCatalogue.Vis1)];
        Assert.Equal("KeyNeverRetrievable", mustRule.GetProperty("name").GetString());
        Assert.Equal("Key never retrievable", mustRule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("R-VIS-1: ", mustRule.GetProperty("fullDescription").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", mustRule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("R-VIS-1", mustRule.GetProperty("properties").GetProperty("requirement").GetString());
        Assert.Equal("must", mustRule.GetProperty("properties").GetProperty("severity").GetString());
        var shouldRule = rules[CheckCatalogue.All.ToList().IndexOf(CheckCatalogue.Input5)];
        Assert.Equal("warning", shouldRule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("should", shouldRule.GetProperty("properties").GetProperty("severity").GetString());
    }

    [Fact]
    public void A_failed_check_is_one_result_per_flow_at_the_profile_with_a_stable_fingerprint_and_a_passed_check_is_none()
    {
        var profile = Path.Combine(Directory.GetCurrentDirectory(), "ci profiles", "conformance-profile.json");

        var text = SarifReporter.Write(FailingRun(), profile);

        using var sarif = JsonDocument.Parse(text);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(3, results.GetArrayLength());
        Assert.DoesNotContain(results.EnumerateArray(), result => result.GetProperty("ruleId").GetString() == CheckCatalogue.Input1.Id);
        var failed = Only(results, CheckCatalogue.Vis1.Id, "connect-valid");
        Assert.Equal(CheckCatalogue.All.ToList().IndexOf(CheckCatalogue.Vis1), failed.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", failed.GetProperty("level").GetString());
        Assert.Equal($"Key never retrievable (connect-valid): clicked Connect: The key {MaskedKey} is in the data-key attribute.", failed.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(failed.GetProperty("locations").EnumerateArray());
        var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("ci%20profiles/conformance-profile.json", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal("connect-valid", location.GetProperty("logicalLocations")[0].GetProperty("name").GetString());
        Assert.Equal("UXK-VIS-1/connect-valid", failed.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString());
        var observation = Assert.Single(failed.GetProperty("properties").GetProperty("observations").EnumerateArray());
        Assert.Equal("clicked Connect", observation.GetProperty("step").GetString());
        Assert.Equal($"the page showed {MaskedKey}", observation.GetProperty("evidence").GetProperty("found").GetString());
        Assert.False(failed.TryGetProperty("suppressions", out _));
        Assert.Equal("UXK-VIS-1/invalid-key", Only(results, CheckCatalogue.Vis1.Id, "invalid-key").GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString());
        Assert.Equal("warning", Only(results, CheckCatalogue.Input5.Id, "connect-valid").GetProperty("level").GetString());

        // Another run, another day, the same failures: the same fingerprints, so code scanning keeps one alert each.
        var later = FailingRun() with { RunId = "r2", StartedAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        Assert.Equal(Fingerprints(text), Fingerprints(SarifReporter.Write(later, profile)));
    }

    [Fact]
    public void Without_a_profile_a_result_names_its_flow_only()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Write(FailingRun()));

        var location = Only(sarif.RootElement.GetProperty("runs")[0].GetProperty("results"), CheckCatalogue.Vis1.Id, "connect-valid").GetProperty("locations")[0];
        Assert.False(location.TryGetProperty("physicalLocation", out _));
        var logical = Assert.Single(location.GetProperty("logicalLocations").EnumerateArray());
        Assert.Equal("connect-valid", logical.GetProperty("name").GetString());
    }

    [Fact]
    public void A_failure_the_baseline_expects_is_suppressed_externally_with_its_reason()
    {
        var baseline = Baseline.Parse("""{ "expectedFailures": [ { "check": "UXK-VIS-1", "flow": "invalid-key", "reason": "PUX-12, fixed in May" } ] }""", "baseline.json");

        using var sarif = JsonDocument.Parse(SarifReporter.Write(FailingRun().WithBaseline(baseline), "p.json"));

        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        var expected = Only(results, CheckCatalogue.Vis1.Id, "invalid-key");
        var suppression = Assert.Single(expected.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("PUX-12, fixed in May", suppression.GetProperty("justification").GetString());
        Assert.False(Only(results, CheckCatalogue.Vis1.Id, "connect-valid").TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void The_invocation_says_how_the_run_ended_and_why_when_the_kit_could_not_judge()
    {
        using var failed = JsonDocument.Parse(SarifReporter.Write(FailingRun()));
        using var broken = JsonDocument.Parse(SarifReporter.Write(Run([new RunProblem(ProblemKind.Environment, null, "No browser at /nowhere/chromium.")])));

        var invocation = Assert.Single(failed.RootElement.GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(ExitCodes.ConformanceFailures, invocation.GetProperty("exitCode").GetInt32());
        Assert.Equal("1970-01-01T00:00:00.000Z", invocation.GetProperty("startTimeUtc").GetString());
        Assert.Equal("1970-01-01T00:00:02.000Z", invocation.GetProperty("endTimeUtc").GetString());
        var stopped = broken.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(stopped.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(ExitCodes.EnvironmentError, stopped.GetProperty("exitCode").GetInt32());
        var notification = Assert.Single(stopped.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("Environment problem: No browser at /nowhere/chromium.", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Empty(broken.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void The_report_writer_writes_results_sarif_beside_the_other_reports_and_leaves_no_temporary_file()
    {
        var written = ReportWriter.WriteAll(FailingRun(), _folder, profilePath: "conformance-profile.json");

        var path = Assert.Single(written, file => Path.GetFileName(file) == SarifReporter.FileName);
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(3, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal(
            "conformance-profile.json",
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    private static List<string?> Fingerprints(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString())
            .ToList();
    }
}
