using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>Failures carry a screenshot, the text found and the journal; no report ever holds a key, even from a leaking page.</summary>
[Collection(KitCollection.Name)]
public sealed class EvidenceTests(KitFixture kit)
{
    [Fact]
    public async Task A_leaking_page_gets_evidence_that_holds_no_key()
    {
        var keysBefore = kit.Environment.Pleo.Keys.All.Count;
        var output = Path.Combine(Path.GetTempPath(), $"pux-evidence-{Guid.NewGuid():N}");
        try
        {
            var result = await ConformanceRunner.RunAsync(
                kit.ProfileWith([Fault.LeakAttribute, Fault.NoCompanyId], stepSeconds: 6),
                kit.Environment,
                new RunOptions { Flows = ["connect-valid"], OutputDirectory = output });
            ReportWriter.WriteAll(result, output);

            var failure = result["UXK-VIS-1"].Observations.First(o => o.Outcome == Outcome.Fail);
            Assert.NotNull(failure.Evidence?.Screenshot);
            Assert.True(File.Exists(Path.Combine(output, failure.Evidence!.Screenshot!)));
            Assert.Contains(failure.Evidence.JournalLines!, line => line.Contains("/v1/introspect", StringComparison.Ordinal) && line.Contains("AuthorizationHeader", StringComparison.Ordinal));
            Assert.Contains("@data-key", failure.Evidence.Found, StringComparison.Ordinal);

            var reports = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Where(path => !path.EndsWith(".png", StringComparison.Ordinal))
                .Select(File.ReadAllText)
                .ToList();
            Assert.NotEmpty(reports);
            // Pieces of 8: long enough that an embedded screenshot's base64 never holds one by chance.
            foreach (var key in kit.Environment.Pleo.Keys.All.Skip(keysBefore))
            {
                var pieces = Enumerable.Range(0, key.Value.Length - 7).Select(start => key.Value.Substring(start, 8));
                Assert.All(reports, report => Assert.DoesNotContain(pieces, piece => report.Contains(piece, StringComparison.Ordinal)));
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
