using System.Text.RegularExpressions;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;
using Xunit.Abstractions;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class HtmlReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pux-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_failure_shows_its_requirement_evidence_and_rerun_command_in_one_self_contained_file()
    {
        var screenshot = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5, 6 };
        Directory.CreateDirectory(Path.Combine(_folder, "screenshots"));
        File.WriteAllBytes(Path.Combine(_folder, "screenshots", "a.png"), screenshot);
        var failure = new CheckObservation(
            CheckCatalogue.Err1.Id,
            "invalid-key",
            "clicked Connect",
            Outcome.Fail,
            "The message is generic.",
            new Evidence("<script>alert('found')</script>", "screenshots/a.png", ["12:00:00.000 GET /v1/introspect key ••••abcd (k1) in AuthorizationHeader -> 401"], "http://127.0.0.1/connect"));
        var flow = new FlowResult("invalid-key", "Connect with an invalid key", FlowStatus.Completed, TimeSpan.FromSeconds(1), [new FlowStep("clicked Connect", TimeSpan.FromSeconds(1), "Connection failed")], [failure]);
        var result = RunResult.From("r1", "my-integration", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), [flow], []);

        var html = HtmlReporter.Write(result, _folder, "pleo-uxguard run --profile p.json");

        Assert.Contains("R-ERR-1", html, StringComparison.Ordinal);
        Assert.Contains(CheckCatalogue.Err1.RequirementText, html, StringComparison.Ordinal);
        Assert.Contains("pleo-uxguard run --profile p.json --flow invalid-key", html, StringComparison.Ordinal);
        Assert.Contains("pleo-uxguard run --profile p.json --check UXK-ERR-1", html, StringComparison.Ordinal);
        Assert.Contains("GET /v1/introspect key ••••abcd (k1)", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(screenshot), html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;found&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void A_screenshot_path_outside_the_report_folder_is_never_read()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_folder)!, $"outside-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(outside, [1, 2, 3]);
        try
        {
            var failure = new CheckObservation(CheckCatalogue.Save3.Id, "connect-valid", "s", Outcome.Fail, "d", new Evidence("x", "../" + Path.GetFileName(outside)));
            var flow = new FlowResult("connect-valid", "t", FlowStatus.Completed, TimeSpan.Zero, [], [failure]);

            var html = HtmlReporter.Write(RunResult.From("r", "i", DateTimeOffset.UnixEpoch, TimeSpan.Zero, [flow], []), _folder);

            Assert.DoesNotContain("data:image", html, StringComparison.Ordinal);
            Assert.Contains("is not in the report folder", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }
}

/// <summary>The HTML report of a real run against a leaking page: evidence embedded, the key nowhere.</summary>
[Collection(KitCollection.Name)]
public sealed class HtmlReportRunTests : IDisposable
{
    private readonly KitFixture _kit;
    private readonly ITestOutputHelper _output;
    private readonly string _folder = Directory.CreateTempSubdirectory("pux-html-run-").FullName;

    public HtmlReportRunTests(KitFixture kit, ITestOutputHelper output)
    {
        _kit = kit;
        _output = output;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_report_of_a_leaking_page_embeds_masked_screenshots_and_traces_failed_flows_and_never_holds_a_key()
    {
        var result = await ConformanceRunner.RunAsync(
            _kit.ProfileWith([Fault.LeakAttribute, Fault.ShowsLastSix], stepSeconds: 10),
            _kit.Environment,
            new RunOptions { Flows = ["connect-valid", "invalid-key"], OutputDirectory = _folder });
        _output.WriteLine(ConsoleReporter.Summary(result));

        var written = ReportWriter.WriteAll(result, _folder);

        var html = File.ReadAllText(Assert.Single(written, path => path.EndsWith(HtmlReporter.FileName, StringComparison.Ordinal)));
        Assert.Equal(Verdict.Failed, result["UXK-VIS-1"].Verdict);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("--flow connect-valid", html, StringComparison.Ordinal);
        var failed = result.Flows.Single(flow => flow.Flow == "connect-valid");
        var passed = result.Flows.Single(flow => flow.Flow == "invalid-key");
        Assert.True(File.Exists(Path.Combine(_folder, failed.Trace!)), "the failed flow's trace is written");
        Assert.Contains("holds only fake keys", html, StringComparison.Ordinal);
        Assert.All(failed.Steps, step => Assert.True(File.Exists(Path.Combine(_folder, step.Screenshot!))));
        Assert.Contains("data:image/jpeg;base64,", html, StringComparison.Ordinal);
        Assert.Null(passed.Trace);
        Assert.All(passed.Steps, step => Assert.Null(step.Screenshot));
        var text = Regex.Replace(html, "data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", string.Empty);
        foreach (var key in MintedKeys())
        {
            Assert.DoesNotContain(key, html, StringComparison.Ordinal);
            for (var start = 0; start + 8 <= key.Length; start++)
            {
                Assert.DoesNotContain(key.Substring(start, 8), text, StringComparison.Ordinal);
            }
        }
    }

    private IEnumerable<string> MintedKeys() =>
        _kit.Environment.Pleo.Journal.All
            .Select(entry => entry.KeyId)
            .OfType<string>()
            .Distinct()
            .Select(id => _kit.Environment.Pleo.Keys.Find(id)?.Value)
            .OfType<string>();
}
