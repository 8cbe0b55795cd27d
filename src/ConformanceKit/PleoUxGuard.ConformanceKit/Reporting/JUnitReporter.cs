using System.Globalization;
using System.Xml.Linq;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>JUnit XML for CI dashboards: one test case per check, grouped in one suite per requirement family.</summary>
public static class JUnitReporter
{
    public const string FileName = "junit.xml";

    public static string Write(RunResult result)
    {
        var suites = result.Checks
            .Where(check => check.Verdict != Verdict.NotRun)
            .GroupBy(check => check.Check.Id.Split('-')[1])
            .Select(family => new XElement(
                "testsuite",
                new XAttribute("name", $"{result.Integration}.{family.Key}"),
                new XAttribute("tests", family.Count()),
                new XAttribute("failures", family.Count(c => c.Verdict == Verdict.Failed && !result.FailsOnlyAsExpected(c))),
                new XAttribute("skipped", family.Count(c => c.Verdict == Verdict.Skipped || (c.Verdict == Verdict.Failed && result.FailsOnlyAsExpected(c)))),
                family.Select(check => TestCase(result, check))));
        var problems = result.Problems.Select(problem => new XElement(
            "testsuite",
            new XAttribute("name", $"{result.Integration}.setup"),
            new XAttribute("tests", 1),
            new XAttribute("errors", 1),
            new XElement("testcase", new XAttribute("name", problem.Kind + " problem"), new XAttribute("classname", "setup"),
                new XElement("error", new XAttribute("message", problem.Message)))));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "pleo-uxguard"),
            new XAttribute("time", result.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            suites,
            problems,
            StoppedFlowsSuite(result),
            BaselineSuite(result));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), Printable(root)).ToString();
    }

    // Every string written holds the page's text somewhere (stop reasons, details, evidence, problems): characters
    // XML 1.0 cannot hold would make ToString throw and the report be lost, so each attribute and text is made
    // printable here, in one place, whatever element it was put in.
    private static XElement Printable(XElement root)
    {
        foreach (var attribute in root.DescendantsAndSelf().Attributes())
        {
            attribute.Value = PrintableText.Of(attribute.Value);
        }

        foreach (var text in root.DescendantNodes().OfType<XText>())
        {
            text.Value = PrintableText.Of(text.Value);
        }

        return root;
    }

    // A stopped flow fails the run, even when all its checks were judged: one failing test case per stopped flow.
    private static XElement? StoppedFlowsSuite(RunResult result)
    {
        if (result.StoppedFlows is not { Count: > 0 } stopped)
        {
            return null;
        }

        return new XElement(
            "testsuite",
            new XAttribute("name", $"{result.Integration}.flows"),
            new XAttribute("tests", stopped.Count),
            new XAttribute("failures", stopped.Count),
            stopped.Select(flow => new XElement(
                "testcase",
                new XAttribute("name", $"flow {flow.Flow} ran to its end"),
                new XAttribute("classname", "flows"),
                new XElement("failure", new XAttribute("message", flow.StopFailure!), "The flow stopped, so what it had still to do was not tested; the run fails."))));
    }

    // Stale baseline entries fail the run, so a dashboard shows them as failing tests too.
    private static XElement? BaselineSuite(RunResult result)
    {
        if (result.Baseline is not { Stale.Count: > 0 } baseline)
        {
            return null;
        }

        return new XElement(
            "testsuite",
            new XAttribute("name", $"{result.Integration}.baseline"),
            new XAttribute("tests", baseline.Stale.Count),
            new XAttribute("failures", baseline.Stale.Count),
            baseline.Stale.Select(stale => new XElement(
                "testcase",
                new XAttribute("name", "baseline entry " + stale.Entry.Describe()),
                new XAttribute("classname", "baseline"),
                new XElement("failure", new XAttribute("message", stale.Describe()), "reason in the baseline: " + stale.Entry.Reason))));
    }

    private static XElement TestCase(RunResult result, CheckResult check)
    {
        var testCase = new XElement(
            "testcase",
            new XAttribute("name", $"{check.Check.Id} {check.Check.Title} ({check.Check.RequirementId}, {check.Check.Severity.ToString().ToLowerInvariant()})"),
            new XAttribute("classname", check.Check.Id));
        var failures = check.Observations.Where(o => o.Outcome == Outcome.Fail).ToList();
        if (result.FailsOnlyAsExpected(check))
        {
            var reasons = string.Join("; ", failures.Select(result.Baseline!.ReasonFor).Distinct());
            testCase.Add(new XElement("skipped", new XAttribute("message", $"expected failure (baseline: {reasons}): {check.Summary}")));
            return testCase;
        }

        switch (check.Verdict)
        {
            case Verdict.Failed:
                testCase.Add(new XElement("failure", new XAttribute("message", check.Summary), string.Join("\n\n", failures.Select(Describe))));
                break;
            case Verdict.Skipped:
                testCase.Add(new XElement("skipped", new XAttribute("message", check.Summary)));
                break;
            case Verdict.Warning:
                testCase.Add(new XElement("system-out", "WARNING (should): " + check.Summary + "\n\n" + string.Join("\n\n", failures.Select(Describe))));
                break;
        }

        return testCase;
    }

    private static string Describe(CheckObservation observation)
    {
        var lines = new List<string> { $"{observation.Flow} / {observation.Step}: {observation.Detail}" };
        if (observation.Evidence is { } evidence)
        {
            lines.Add("found: " + evidence.Found);
            if (evidence.Url is not null)
            {
                lines.Add("url: " + evidence.Url);
            }

            if (evidence.Screenshot is not null)
            {
                lines.Add("screenshot: " + evidence.Screenshot);
            }

            lines.AddRange((evidence.JournalLines ?? []).Select(line => "journal: " + line));
        }

        return string.Join("\n", lines);
    }
}
