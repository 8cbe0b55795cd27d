using System.Globalization;
using System.Net;
using System.Text;
using PleoUxGuard.ConformanceKit.Baselines;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>
/// One self-contained HTML file a tester opens from a CI artifact: the summary by requirement, every check
/// with its verdict and evidence (screenshots embedded as data URIs, so the file travels alone), every
/// flow's timeline, and the command that reruns only that flow. It reads only the results model, whose
/// texts are masked before they get there, so it can never show a key.
/// </summary>
public static class HtmlReporter
{
    public const string FileName = "report.html";

    private const string ExpectedBadge = "<span class=\"badge expected\">expected failure</span>";

    /// <summary>The rerun command when the caller does not know the profile's path.</summary>
    public const string DefaultRerunCommand = "pleo-uxguard run --profile <your-profile.json>";

    /// <param name="result">The run.</param>
    /// <param name="evidenceDirectory">The output folder that screenshot and trace paths are relative to; null embeds none.</param>
    /// <param name="rerunCommand">The command that ran this suite, to which --flow/--check are appended.</param>
    public static string Write(RunResult result, string? evidenceDirectory = null, string? rerunCommand = null)
    {
        var page = new Page(result, evidenceDirectory, rerunCommand ?? DefaultRerunCommand);
        return page.Render();
    }

    private sealed class Page(RunResult result, string? evidenceDirectory, string rerunCommand)
    {
        private readonly StringBuilder _html = new();

        public string Render()
        {
            _html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
            _html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            _html.Append(CultureInfo.InvariantCulture, $"<title>Conformance report: {E(result.Integration)}</title>");
            _html.Append("<style>").Append(Styles).Append("</style></head><body><main>");
            Header();
            Problems();
            BaselineSection();
            RequirementSummary();
            Checks();
            Flows();
            _html.Append("<footer><p>Every key in this report was minted for this run by the kit's fake Pleo and is masked; ");
            _html.Append("none is a real Pleo key. Screenshots mask the key field.</p></footer>");
            _html.Append("</main></body></html>");
            return _html.ToString();
        }

        private void Header()
        {
            var counts = result.Checks.GroupBy(c => c.Verdict).ToDictionary(g => g.Key, g => g.Count());
            _html.Append(CultureInfo.InvariantCulture, $"<h1>Pleo conformance report: {E(result.Integration)}</h1>");
            _html.Append(CultureInfo.InvariantCulture, $"<p class=\"outcome {(result.ExitCode == ExitCodes.Passed ? "passed" : "failed")}\">{E(OutcomeText(result.ExitCode))} (exit code {result.ExitCode})</p>");
            foreach (var flow in result.StoppedFlows)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<p class=\"stopped\">Failed: <a href=\"#flow-{E(flow.Flow)}\">{E(flow.StopFailure!)}</a></p>");
            }

            _html.Append("<ul class=\"counts\">");
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                _html.Append(CultureInfo.InvariantCulture, $"<li>{Badge(verdict)} {counts.GetValueOrDefault(verdict)}</li>");
            }

            _html.Append("</ul>");
            _html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Run {E(result.RunId)}, started {result.StartedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC, {result.Duration.TotalSeconds:0.0} s, {result.Flows.Count} flow(s).</p>");
            _html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Rerun the whole suite: <code>{E(rerunCommand)}</code></p>");
        }

        private void Problems()
        {
            if (result.Problems.Count == 0)
            {
                return;
            }

            _html.Append("<section class=\"problems\"><h2>Problems that stopped the run</h2><ul>");
            foreach (var problem in result.Problems)
            {
                var what = problem.Kind == ProblemKind.Profile ? "Profile (exit 2): fix the profile" : "Environment (exit 3): fix the machine or the start command";
                _html.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(what)}</strong>{(problem.Flow is null ? string.Empty : $" in flow {E(problem.Flow)}")}: {E(problem.Message)}</li>");
            }

            _html.Append("</ul></section>");
        }

        private string VerdictBadge(CheckResult check) =>
            result.FailsOnlyAsExpected(check) ? ExpectedBadge : Badge(check.Verdict);

        private void BaselineSection()
        {
            var suggestions = BaselineJudgement.SuggestEntries(result.UnexpectedFailures);
            if (result.Baseline is null && suggestions.Count == 0)
            {
                return;
            }

            _html.Append("<section><h2>Baseline (expected failures)</h2>");
            if (result.Baseline is { } baseline)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<p>{baseline.Matched.Count} entr{(baseline.Matched.Count == 1 ? "y" : "ies")} matched expected failures; {baseline.Stale.Count} stale; {baseline.NotJudged.Count} not judged in this run.</p><ul>");
                foreach (var entry in baseline.Matched)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<li>{ExpectedBadge} {E(entry.Describe())}: {E(entry.Reason)}</li>");
                }

                foreach (var stale in baseline.Stale)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<li>{Badge(Verdict.Failed)} {E(stale.Describe())}</li>");
                }

                foreach (var entry in baseline.NotJudged)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<li>{Badge(Verdict.NotRun)} {E(entry.Describe())}: not judged in this run</li>");
                }

                _html.Append("</ul>");
            }

            if (suggestions.Count > 0)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<p>Unexpected failures. To accept them for now, paste into the <code>{Baseline.EntriesField}</code> list of a baseline file and pass it with <code>--baseline FILE</code>:</p>");
                _html.Append(CultureInfo.InvariantCulture, $"<pre>{E(string.Join('\n', suggestions))}</pre>");
            }

            _html.Append("</section>");
        }

        private void RequirementSummary()
        {
            _html.Append("<section><h2>Summary by requirement</h2><table><thead><tr><th>Requirement</th><th>Check</th><th>Severity</th><th>Verdict</th><th>Detail</th></tr></thead><tbody>");
            foreach (var check in result.Checks)
            {
                var definition = check.Check;
                _html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{Css(check.Verdict)}\"><td><strong>{E(definition.RequirementId)}</strong><br><span class=\"req\">{E(definition.RequirementText)}</span></td>");
                _html.Append(CultureInfo.InvariantCulture, $"<td><a href=\"#{E(definition.Id)}\">{E(definition.Id)}</a><br>{E(definition.Title)}</td>");
                _html.Append(CultureInfo.InvariantCulture, $"<td>{E(Lower(definition.Severity))}</td><td>{VerdictBadge(check)}</td><td>{E(check.Summary)}</td></tr>");
            }

            _html.Append("</tbody></table></section>");
        }

        private void Checks()
        {
            // What needs attention first, open; passed checks folded, in catalogue order.
            var ran = result.Checks.Where(c => c.Verdict != Verdict.NotRun).ToList();
            var attention = ran.Where(c => c.Verdict != Verdict.Passed).ToList();
            _html.Append("<section><h2>Checks</h2>");
            if (attention.Count > 0)
            {
                _html.Append("<p>Needs attention: ");
                _html.AppendJoin(", ", attention.Select(c => $"<a href=\"#{E(c.Check.Id)}\">{E(c.Check.Id)}</a>"));
                _html.Append("</p>");
            }

            foreach (var check in attention.Concat(ran.Where(c => c.Verdict == Verdict.Passed)))
            {
                Check(check);
            }

            _html.Append("</section>");
        }

        private void Check(CheckResult check)
        {
            var definition = check.Check;
            var open = check.Verdict == Verdict.Passed ? string.Empty : " open";
            _html.Append(CultureInfo.InvariantCulture, $"<details id=\"{E(definition.Id)}\" class=\"check {Css(check.Verdict)}\"{open}><summary>{VerdictBadge(check)} <strong>{E(definition.Id)}</strong>: {E(definition.Title)} <span class=\"req\">({E(check.Summary)})</span></summary>");
            _html.Append(CultureInfo.InvariantCulture, $"<p>Enforces <strong>{E(definition.RequirementId)}</strong> ({E(Lower(definition.Severity))}): {E(definition.RequirementText)}</p>");
            _html.Append(CultureInfo.InvariantCulture, $"<p class=\"how\">How it is judged: {E(definition.HowJudged)}</p>");
            _html.Append("<p class=\"rerun\">Rerun only this check: ").Append(Command($"--check {definition.Id}"));
            foreach (var flow in check.Observations.Select(o => o.Flow).Distinct())
            {
                _html.Append(" or only flow ").Append(Command($"--flow {flow}"));
            }

            _html.Append("</p>");
            foreach (var observation in check.Observations.Where(o => o.Outcome != Outcome.Pass))
            {
                Observation(observation);
            }

            var passes = check.Observations.Where(o => o.Outcome == Outcome.Pass).ToList();
            if (passes.Count > 0)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<p>{passes.Count} passing look(s):</p><ul>");
                foreach (var pass in passes)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(pass.Flow)}</code>, {E(pass.Step)}: {E(pass.Detail)}</li>");
                }

                _html.Append("</ul>");
            }

            _html.Append("</details>");
        }

        private void Observation(CheckObservation observation)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<div class=\"observation {Css(observation.Outcome)}\"><p><strong>{E(observation.Outcome.ToString())}</strong> in <a href=\"#flow-{E(observation.Flow)}\"><code>{E(observation.Flow)}</code></a>, {E(observation.Step)}: {E(observation.Detail)}</p>");
            if (observation.Evidence is { } evidence)
            {
                if (evidence.Url is not null)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<p>Page: <code>{E(evidence.Url)}</code></p>");
                }

                if (evidence.Found is not null)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<p>Found (key pieces masked):</p><pre>{E(evidence.Found)}</pre>");
                }

                if (evidence.JournalLines is { Count: > 0 } lines)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<p>The fake Pleo's journal for this flow's keys:</p><pre>{E(string.Join('\n', lines))}</pre>");
                }

                if (evidence.Screenshot is not null)
                {
                    Screenshot(evidence.Screenshot, $"{observation.Flow}, {observation.Step}");
                }
            }

            _html.Append("</div>");
        }

        private void Flows()
        {
            _html.Append("<section><h2>Flows</h2>");
            foreach (var flow in result.Flows)
            {
                var failed = flow.Observations.Count(o => o.Outcome == Outcome.Fail);
                var status = flow.Status == FlowStatus.Stopped ? "stopped" : failed > 0 ? "failed" : "passed";
                _html.Append(CultureInfo.InvariantCulture, $"<article id=\"flow-{E(flow.Flow)}\" class=\"flow {status}\"><h3><code>{E(flow.Flow)}</code>: {E(flow.Title)}</h3>");
                _html.Append(CultureInfo.InvariantCulture, $"<p>{E(status)}, {flow.Duration.TotalSeconds:0.0} s, {failed} failed look(s). Rerun only this flow: {Command($"--flow {flow.Flow}")}</p>");
                if (flow.Status == FlowStatus.Stopped)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<p class=\"stopped\">Stopped after \"{E(flow.StopStep ?? string.Empty)}\": {E(flow.StopReason ?? string.Empty)}</p>");
                }

                if (flow.Trace is not null)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<p>Playwright trace: <a href=\"{E(flow.Trace.Replace('\\', '/'))}\">{E(flow.Trace)}</a> (open it with <code>npx playwright show-trace {E(flow.Trace)}</code> or Playwright's online trace viewer). ");
                    _html.Append("It holds only fake keys: the ones the kit's fake Pleo minted for this run, which no real Pleo accepts.</p>");
                }

                _html.Append("<table><thead><tr><th>s</th><th>Step</th><th>State shown</th></tr></thead><tbody>");
                foreach (var step in flow.Steps)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<tr><td>{step.Elapsed.TotalSeconds:0.0}</td><td>{E(step.Name)}");
                    if (step.Screenshot is not null)
                    {
                        _html.Append("<details><summary>screenshot</summary>");
                        Screenshot(step.Screenshot, $"{flow.Flow}, after \"{step.Name}\"");
                        _html.Append("</details>");
                    }

                    _html.Append(CultureInfo.InvariantCulture, $"</td><td>{E(step.State ?? "none or several")}</td></tr>");
                }

                _html.Append("</tbody></table></article>");
            }

            _html.Append("</section>");
        }

        private void Screenshot(string relativePath, string caption)
        {
            if (ReadEvidence(relativePath) is not { } bytes)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<p class=\"missing\">Screenshot {E(relativePath)} is not in the report folder.</p>");
                return;
            }

            var type = relativePath.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) ? "image/jpeg" : "image/png";
            _html.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"Screenshot: {E(caption)} (key field masked)\" src=\"data:{type};base64,{Convert.ToBase64String(bytes)}\"><figcaption>{E(caption)}; key field masked</figcaption></figure>");
        }

        private byte[]? ReadEvidence(string relativePath)
        {
            if (evidenceDirectory is null)
            {
                return null;
            }

            var root = Path.GetFullPath(evidenceDirectory);
            var path = Path.GetFullPath(Path.Combine(root, relativePath));

            // Evidence paths come from a results file that may have been edited or merged; never read outside the folder.
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                return null;
            }

            return File.ReadAllBytes(path);
        }

        private string Command(string arguments) => $"<code>{E(rerunCommand + " " + arguments)}</code>";
    }

    private static string OutcomeText(int exitCode) => exitCode switch
    {
        ExitCodes.Passed => "Every must-check passed",
        ExitCodes.ConformanceFailures => "Conformance failures",
        ExitCodes.ProfileError => "The profile or a locator is wrong",
        _ => "The environment did not start",
    };

    private static string Badge(Verdict verdict) => $"<span class=\"badge {Css(verdict)}\">{VerdictText(verdict)}</span>";

    internal static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Failed => "FAILED",
        Verdict.Warning => "warning",
        Verdict.Skipped => "skipped",
        _ => "not run",
    };

    private static string Css(Verdict verdict) => verdict switch
    {
        Verdict.NotRun => "notrun",
        _ => Lower(verdict),
    };

    private static string Css(Outcome outcome) => Lower(outcome);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Styles = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fff;margin:0}
        main{max-width:1100px;margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.1rem;margin:.2rem 0}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d0d0;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f2f2f2}.req{color:#3d3d3d;font-size:.9em}
        .badge{display:inline-block;white-space:nowrap;padding:.05rem .45rem;border-radius:.3rem;font-weight:600;font-size:.85em;border:1px solid}
        .badge.passed{background:#e6f4ea;color:#0b5323;border-color:#0b5323}.badge.failed{background:#fde7e7;color:#8a1010;border-color:#8a1010}
        .badge.warning{background:#fff4d6;color:#6b4a00;border-color:#6b4a00}.badge.expected{background:#e8eefc;color:#1d3a8a;border-color:#1d3a8a}.badge.skipped,.badge.notrun{background:#eee;color:#333;border-color:#555}
        .outcome{font-size:1.2rem;font-weight:700}.outcome.passed{color:#0b5323}.outcome.failed{color:#8a1010}
        .counts{list-style:none;padding:0;display:flex;gap:1rem}.meta{color:#333}
        article,details.check{border:1px solid #d0d0d0;border-radius:.4rem;padding:.6rem 1rem;margin:.6rem 0}summary{cursor:pointer}
        article.failed,article.stopped,details.failed{border-left:6px solid #8a1010}details.warning{border-left:6px solid #6b4a00}details.skipped{border-left:6px solid #555}
        .observation{border-top:1px dashed #bbb;padding-top:.5rem;margin-top:.5rem}
        pre{background:#f6f6f6;border:1px solid #ddd;padding:.5rem;white-space:pre-wrap;word-break:break-all;max-height:20rem;overflow:auto}
        code{background:#f2f2f2;padding:0 .2rem}img{max-width:100%;border:1px solid #bbb}
        .problems{background:#fde7e7;padding:.5rem 1rem}.stopped,.missing{color:#8a1010}footer{margin-top:2rem;color:#333;font-size:.9em}
        """;
}
