using System.Text.Json;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>One PUX result of a SARIF 2.1 error log, with its rule's help link.</summary>
internal sealed record SarifResult(ReportedDiagnostic Diagnostic, string Level, bool Suppressed, string? HelpUri);

/// <summary>Reads the PUX results the compiler wrote for `-p:ErrorLog=file,version=2.1`.</summary>
internal static class SarifLog
{
    public static IReadOnlyList<SarifResult> ReadPuxResults(string sarifPath, string projectDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            var helpUris = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var rules)
                ? rules.EnumerateArray().ToDictionary(
                    rule => rule.GetProperty("id").GetString()!,
                    rule => rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null)
                : [];

            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("PUX", StringComparison.Ordinal))
                {
                    continue;
                }

                results.Add(new SarifResult(
                    Place(result, id, projectDirectory),
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0,
                    helpUris.GetValueOrDefault(id)));
            }
        }

        return results;
    }

    private static ReportedDiagnostic Place(JsonElement result, string id, string projectDirectory)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
        {
            return new ReportedDiagnostic(string.Empty, 0, id);
        }

        var location = locations[0].GetProperty("physicalLocation");
        var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
        var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        return new ReportedDiagnostic(ConsumerPaths.Relative(projectDirectory, file), line, id);
    }
}
