using System.Xml.Linq;
using PleoUxGuard.ConformanceKit.Baselines;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class BaselineTests
{
    private static CheckObservation Look(CheckDefinition check, string flow, Outcome outcome, string step = "clicked Connect") =>
        new(check.Id, flow, step, outcome, $"{check.Id} {outcome}", outcome == Outcome.Fail ? new Evidence("found") : null);

    private static RunResult Run(params CheckObservation[] looks) =>
        RunResult.From(
            "r1",
            "it",
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromSeconds(1),
            looks.GroupBy(look => look.Flow).Select(flow => new FlowResult(flow.Key, flow.Key, FlowStatus.Completed, TimeSpan.FromSeconds(1), [], flow.ToList())).ToList(),
            []);

    private static Baseline BaselineOf(string entries) => Baseline.Parse($$"""{ "expectedFailures": [ {{entries}} ] }""", "baseline.json");

    private static readonly CheckObservation InvalidKeyMessageFails = Look(CheckCatalogue.Err1, "invalid-key", Outcome.Fail);
    private static readonly CheckObservation CompanyShown = Look(CheckCatalogue.Company1, "connect-valid", Outcome.Pass);

    [Fact]
    public void A_known_failure_does_not_fail_the_run_and_reports_say_it_was_expected()
    {
        var plain = Run(InvalidKeyMessageFails, CompanyShown);
        var result = plain.WithBaseline(BaselineOf("""{ "check": "UXK-ERR-1", "flow": "invalid-key", "reason": "PUX-12, fixed in May" }"""));

        Assert.Equal(ExitCodes.ConformanceFailures, plain.ExitCode);
        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Empty(result.UnexpectedFailures);
        var junit = XDocument.Parse(JUnitReporter.Write(result));
        var skipped = Assert.Single(junit.Descendants("skipped"));
        Assert.Contains("expected failure (baseline: PUX-12, fixed in May)", skipped.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Empty(junit.Descendants("failure"));
        Assert.Contains("UXK-ERR-1      R-ERR-1      must     expected", ConsoleReporter.Summary(result), StringComparison.Ordinal);
        Assert.Contains(" 1 failed (1 expected by the baseline), ", ConsoleReporter.Summary(result), StringComparison.Ordinal);
        Assert.EndsWith("exit code 0.", ConsoleReporter.Summary(result).TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("expected failure", HtmlReporter.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_no_longer_fails_fails_the_run()
    {
        var result = Run(CompanyShown).WithBaseline(BaselineOf("""{ "check": "UXK-COMPANY-1", "reason": "old" }"""));

        Assert.Equal(ExitCodes.ConformanceFailures, result.ExitCode);
        var stale = Assert.Single(result.Baseline!.Stale);
        Assert.Equal(StaleReason.NoLongerFails, stale.Reason);
        Assert.Contains("BASELINE baseline entry UXK-COMPANY-1 no longer fails: remove it", ConsoleReporter.Summary(result), StringComparison.Ordinal);
        Assert.EndsWith("; exit code 1 (stale baseline entry: see BASELINE above).", ConsoleReporter.Summary(result).TrimEnd(), StringComparison.Ordinal);
        Assert.Single(XDocument.Parse(JUnitReporter.Write(result)).Descendants("failure"));
    }

    [Fact]
    public void An_entry_that_matches_no_failing_look_fails_the_run_and_the_failure_stays_unexpected()
    {
        var result = Run(InvalidKeyMessageFails).WithBaseline(BaselineOf("""{ "check": "UXK-ERR-1", "step": "reloaded", "reason": "r" }"""));

        Assert.Equal(ExitCodes.ConformanceFailures, result.ExitCode);
        Assert.Equal(StaleReason.MatchesNothing, Assert.Single(result.Baseline!.Stale).Reason);
        Assert.Equal([InvalidKeyMessageFails], result.UnexpectedFailures);
    }

    [Fact]
    public void An_entry_whose_flow_did_not_run_is_not_judged_so_shards_share_one_baseline()
    {
        var result = Run(CompanyShown).WithBaseline(BaselineOf("""{ "check": "UXK-ERR-1", "flow": "invalid-key", "reason": "r" }"""));

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Single(result.Baseline!.NotJudged);
    }

    [Fact]
    public void Every_unexpected_failure_prints_an_entry_that_pasted_into_a_baseline_makes_the_run_pass()
    {
        var result = Run(InvalidKeyMessageFails, Look(CheckCatalogue.Err3, "invalid-key", Outcome.Fail), CompanyShown);
        var summary = ConsoleReporter.Summary(result);

        var pasted = summary.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("{ \"check\"", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, pasted.Count);
        Assert.Equal(ExitCodes.Passed, result.WithBaseline(BaselineOf(string.Join("\n", pasted))).ExitCode);
    }

    [Fact]
    public void An_entry_without_a_flow_is_judged_only_when_every_flow_that_can_fail_its_check_ran()
    {
        var entry = BaselineOf("""{ "check": "UXK-STATE-1", "reason": "r" }""");
        var allFlows = Flows.FlowCatalogue.All.Select(flow => Look(CheckCatalogue.State1, flow.Id, Outcome.Pass)).ToArray();

        // One shard ran connect-valid, where the state passes; the failure it was written for may be on another.
        var shard = Run(Look(CheckCatalogue.State1, "connect-valid", Outcome.Pass)).WithBaseline(entry);
        var everything = Run(allFlows).WithBaseline(entry);

        Assert.Equal(ExitCodes.Passed, shard.ExitCode);
        Assert.Single(shard.Baseline!.NotJudged);
        Assert.Equal(StaleReason.NoLongerFails, Assert.Single(everything.Baseline!.Stale).Reason);
        Assert.Equal(ExitCodes.ConformanceFailures, everything.ExitCode);
    }

    [Fact]
    public void An_entry_whose_check_now_fails_in_another_flow_is_to_be_corrected_not_removed()
    {
        var result = Run(Look(CheckCatalogue.Err3, "invalid-key", Outcome.Pass), Look(CheckCatalogue.Err3, "missing-permission", Outcome.Fail))
            .WithBaseline(BaselineOf("""{ "check": "UXK-ERR-3", "flow": "invalid-key", "reason": "r" }"""));

        var stale = Assert.Single(result.Baseline!.Stale);
        Assert.Equal(StaleReason.MatchesNothing, stale.Reason);
        Assert.Contains("correct its flow or step", stale.Describe(), StringComparison.Ordinal);
    }

    /// <summary>Looks a flow records beyond its own checks: a missing key field, the rotation's scan of the browser.</summary>
    [Fact]
    public void A_suggested_entry_for_a_failure_a_flow_meets_on_the_way_is_accepted_when_pasted()
    {
        var result = Run(Look(CheckCatalogue.Input1, "invalid-key", Outcome.Fail), Look(CheckCatalogue.Vis2, "rotate-same-company", Outcome.Fail));

        var pasted = BaselineJudgement.SuggestEntries(result.UnexpectedFailures);

        Assert.Equal(2, pasted.Count);
        Assert.Equal(ExitCodes.Passed, result.WithBaseline(BaselineOf(string.Join("\n", pasted))).ExitCode);
    }

    /// <summary>Every flow scans for its keys (after a failure too), so a key-exposure failure of an error flow can be baselined there.</summary>
    [Fact]
    public void An_entry_for_a_key_exposure_in_an_error_flow_is_accepted_and_matches()
    {
        var result = Run(Look(CheckCatalogue.Vis1, "invalid-key", Outcome.Fail, "clicked Connect with an invalid key"), CompanyShown)
            .WithBaseline(BaselineOf("""{ "check": "UXK-VIS-1", "flow": "invalid-key", "reason": "PAY-7: the message shows the key" }"""));

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Single(result.Baseline!.Matched);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "{ \"expectedFailures\": [ ", "not valid JSON at line 1" },
        { "[]", "expected an object with an array 'expectedFailures'" },
        { """{ "expectedFailures": [ { "check": "UXK-NOPE-1", "reason": "r" } ] }""", "expectedFailures[0].check: 'UXK-NOPE-1' is not a check" },
        { """{ "expectedFailures": [ { "check": "UXK-ERR-1" } ] }""", "expectedFailures[0]: 'reason' is missing" },
        { """{ "expectedFailures": [ { "check": "UXK-ERR-1", "flow": "connect-valid", "reason": "r" } ] }""", "flow 'connect-valid' does not judge UXK-ERR-1; flows that do: invalid-key" },
        { """{ "expectedFailures": [ { "check": "UXK-ERR-1", "flow": "nope", "reason": "r" } ] }""", "expectedFailures[0].flow: 'nope' is not a flow" },
        { """{ "expectedFailures": [ { "check": "UXK-ERR-1", "reason": "r", "why": "x" } ] }""", "unknown field 'why'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_baseline_file_gets_one_line_naming_what_to_change(string json, string expected)
    {
        var problem = Assert.Throws<BaselineException>(() => Baseline.Parse(json, "baseline.json"));

        Assert.StartsWith("baseline.json: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }
}
