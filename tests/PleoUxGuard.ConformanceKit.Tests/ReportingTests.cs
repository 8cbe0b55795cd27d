using System.Text.Json;
using System.Xml.Linq;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class ReportingTests
{
    private static FlowResult Flow(string id, params CheckObservation[] observations) =>
        new(id, id, FlowStatus.Completed, TimeSpan.FromSeconds(1), [], observations);

    private static CheckObservation Look(CheckDefinition check, Outcome outcome) =>
        new(check.Id, "f", "step", outcome, outcome.ToString(), outcome == Outcome.Fail ? new Evidence("found", JournalLines: ["line"]) : null);

    private static RunResult Result(IReadOnlyList<RunProblem>? problems = null, params CheckObservation[] observations) =>
        RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [Flow("f", observations)], problems ?? []);

    [Fact]
    public async Task A_run_whose_output_folder_is_a_file_stops_before_starting_anything_with_exit_2()
    {
        var file = Path.GetTempFileName();
        try
        {
            var profile = Profile.ProfileLoader.Parse("""{ "connectionPage": "/c", "baseUrl": "http://127.0.0.1:1" }""", "p.json", Path.GetTempPath());

            var result = await Running.ConformanceRunner.RunAsync(profile, new Running.RunOptions { OutputDirectory = Path.Combine(file, "sub"), BrowserPath = "/nowhere/chromium" });

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            // A library caller set no command-line option: the folder is named as such.
            Assert.StartsWith($"The output folder {Path.Combine(file, "sub")} cannot be used: {file} is a file, not a folder", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_run_stopped_before_any_flow_says_so_once_in_every_report()
    {
        var problem = new RunProblem(ProblemKind.Environment, null, "The integration exited with code 1 before it answered at http://127.0.0.1:5/.\nIts last output:\n  boom");
        var result = RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [], [problem]);
        const string Reason = "Not run: the run stopped before any flow: The integration exited with code 1 before it answered at http://127.0.0.1:5/.";

        Assert.All(result.Checks, check => Assert.Equal(Reason, check.Summary));
        var console = ConsoleReporter.Summary(result);
        Assert.DoesNotContain("Not run", console, StringComparison.Ordinal);
        Assert.DoesNotContain("requirement", console, StringComparison.Ordinal);
        Assert.Single(console.Split('\n'), line => line.StartsWith("ENVIRONMENT The integration exited with code 1", StringComparison.Ordinal));
        Assert.Contains("the run stopped before any flow", console, StringComparison.Ordinal);
        foreach (var report in new[] { JsonReporter.Write(result), HtmlReporter.Write(result, Path.GetTempPath()) })
        {
            Assert.Contains("the run stopped before any flow", report, StringComparison.Ordinal);
            Assert.DoesNotContain("none of its flows was selected", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_flow_that_stopped_after_all_its_checks_were_judged_fails_the_run_in_every_report()
    {
        // As in the walkthrough: the app crashed in pleo-outage after ERR-6 (a warning) and STATE-1 were judged.
        var stopped = new FlowResult(
            "pleo-outage", "Pleo is down", FlowStatus.Stopped, TimeSpan.FromSeconds(3), [],
            [Look(CheckCatalogue.Err6, Outcome.Fail), Look(CheckCatalogue.State1, Outcome.Pass)],
            "the key could not be typed into the key field within 6 s: it is disabled", "retried once Pleo was back");
        var result = RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [stopped], []);
        const string Failure = "flow pleo-outage stopped after \"retried once Pleo was back\": the key could not be typed into the key field within 6 s: it is disabled";

        Assert.DoesNotContain(result.Checks, check => check.Verdict is Verdict.Failed or Verdict.Skipped);
        Assert.Equal(ExitCodes.ConformanceFailures, result.ExitCode);
        Assert.Contains("FAILED " + Failure, ConsoleReporter.Summary(result), StringComparison.Ordinal);
        var junit = XDocument.Parse(JUnitReporter.Write(result));
        Assert.Contains(junit.Descendants("failure"), failure => failure.Attribute("message")?.Value == Failure);
        using var json = JsonDocument.Parse(JsonReporter.Write(result));
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(Failure, json.RootElement.GetProperty("stoppedFlows")[0].GetProperty("failure").GetString());
        Assert.Contains("Failed: <a href=\"#flow-pleo-outage\">", HtmlReporter.Write(result, Path.GetTempPath()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_stopped_by_a_profile_problem_is_reported_once_as_that_problem()
    {
        const string Problem = "locators.statusRegion: the profile's locator (testId=no-such-status) found no visible element";
        var byProfile = new FlowResult("connect-valid", "Connect", FlowStatus.Stopped, TimeSpan.FromSeconds(3), [], [Look(CheckCatalogue.Input1, Outcome.Pass)], Problem, "opened the connection page");
        var byPage = new FlowResult("invalid-key", "Invalid key", FlowStatus.Stopped, TimeSpan.FromSeconds(3), [], [Look(CheckCatalogue.Err1, Outcome.Pass)], "the page crashed", "submitted the key");
        var result = RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [byProfile, byPage], [new RunProblem(ProblemKind.Profile, "connect-valid", Problem)]);

        Assert.Equal("invalid-key", Assert.Single(result.StoppedFlows).Flow);
        Assert.Equal(ExitCodes.ProfileError, result.ExitCode);
        var console = ConsoleReporter.Summary(result);
        Assert.Single(console.Split('\n'), line => line.Contains(Problem, StringComparison.Ordinal));
        Assert.Contains("FAILED flow invalid-key stopped", console, StringComparison.Ordinal);
        var junit = XDocument.Parse(JUnitReporter.Write(result));
        Assert.Single(junit.Descendants().Attributes("message"), message => message.Value.Contains(Problem, StringComparison.Ordinal));
        Assert.Single(junit.Descendants("testsuite").Single(suite => suite.Attribute("name")?.Value == "it.flows").Descendants("testcase"));
    }

    [Fact]
    public void Page_text_that_XML_cannot_hold_still_makes_every_report()
    {
        // A page's text with a control character and a lone surrogate, in a stop reason and in a failed check's detail and evidence.
        const string Odd = "bad\u0001text\ud800end";
        var stopped = new FlowResult(
            "connect-valid", "Connect", FlowStatus.Stopped, TimeSpan.FromSeconds(3), [],
            [new CheckObservation(CheckCatalogue.Save3.Id, "connect-valid", "step", Outcome.Fail, "The page said " + Odd, new Evidence("found " + Odd, JournalLines: [Odd]))],
            "the page showed " + Odd, "submitted the key");
        var result = RunResult.From("r1", "it", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [stopped], []);

        var junit = XDocument.Parse(JUnitReporter.Write(result));
        Assert.Contains(junit.Descendants("failure"), failure => failure.Attribute("message")?.Value.Contains("the page showed bad.text\uFFFDend", StringComparison.Ordinal) == true);
        Assert.Contains(junit.Descendants("failure"), failure => failure.Value.Contains("found bad.text\uFFFDend", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(JsonReporter.Write(result));
        using var sarif = JsonDocument.Parse(SarifReporter.Write(result));
        Assert.Contains("<html", HtmlReporter.Write(result, Path.GetTempPath()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Verdicts_follow_severity_and_skips()
    {
        var result = Result(null,
            Look(CheckCatalogue.Input1, Outcome.Pass),
            Look(CheckCatalogue.Input1, Outcome.Fail),
            Look(CheckCatalogue.Input5, Outcome.Fail),
            Look(CheckCatalogue.Save1, Outcome.Pass),
            Look(CheckCatalogue.Save1, Outcome.Skip),
            Look(CheckCatalogue.Save3, Outcome.Pass));

        Assert.Equal(Verdict.Failed, result["UXK-INPUT-1"].Verdict);
        Assert.Equal(Verdict.Warning, result["UXK-INPUT-5"].Verdict);
        Assert.Equal(Verdict.Skipped, result["UXK-SAVE-1"].Verdict);
        Assert.Equal(Verdict.Passed, result["UXK-SAVE-3"].Verdict);
        Assert.Equal(Verdict.NotRun, result["UXK-ROT-1"].Verdict);
    }

    [Fact]
    public void Exit_codes_rank_environment_over_profile_over_failures()
    {
        Assert.Equal(ExitCodes.Passed, Result(null, Look(CheckCatalogue.Save3, Outcome.Pass), Look(CheckCatalogue.Input5, Outcome.Fail)).ExitCode);
        Assert.Equal(ExitCodes.ConformanceFailures, Result(null, Look(CheckCatalogue.Save3, Outcome.Fail)).ExitCode);
        Assert.Equal(ExitCodes.ConformanceFailures, Result(null, Look(CheckCatalogue.Save3, Outcome.Skip)).ExitCode);
        Assert.Equal(ExitCodes.ProfileError, Result([new RunProblem(ProblemKind.Profile, "f", "bad")], Look(CheckCatalogue.Save3, Outcome.Fail)).ExitCode);
        Assert.Equal(ExitCodes.EnvironmentError, Result([new RunProblem(ProblemKind.Profile, null, "bad"), new RunProblem(ProblemKind.Environment, null, "no browser")]).ExitCode);
    }

    [Fact]
    public void JUnit_has_one_test_case_per_check_that_ran_with_its_evidence()
    {
        var result = Result(null, Look(CheckCatalogue.Save3, Outcome.Fail), Look(CheckCatalogue.Input1, Outcome.Pass), Look(CheckCatalogue.Save1, Outcome.Skip));

        var xml = XDocument.Parse(JUnitReporter.Write(result));

        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(3, cases.Count);
        var failure = Assert.Single(xml.Descendants("failure"));
        Assert.Contains("journal: line", failure.Value, StringComparison.Ordinal);
        Assert.Single(xml.Descendants("skipped"));
    }

    [Fact]
    public void Json_results_carry_every_check_and_merge_across_shards()
    {
        var first = Result(null, Look(CheckCatalogue.Save3, Outcome.Pass));
        var second = RunResult.From("r1", "it", DateTimeOffset.UnixEpoch.AddSeconds(1), TimeSpan.FromSeconds(2), [Flow("g", Look(CheckCatalogue.Save3, Outcome.Fail))], []);

        var merged = RunResult.Merge([first, second]);
        using var json = JsonDocument.Parse(JsonReporter.Write(merged));

        Assert.Equal(CheckCatalogue.All.Count, json.RootElement.GetProperty("checks").GetArrayLength());
        Assert.Equal(Verdict.Failed, merged["UXK-SAVE-3"].Verdict);
        Assert.Equal(TimeSpan.FromSeconds(3), merged.Duration);
    }
}
