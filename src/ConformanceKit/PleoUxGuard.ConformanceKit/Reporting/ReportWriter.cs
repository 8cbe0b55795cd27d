using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>Writes every file report into the output folder; new formats (HTML, SARIF) add one line here.</summary>
public static class ReportWriter
{
    /// <summary>Writes the reports and returns their paths.</summary>
    /// <param name="rerunCommand">The command that ran the suite; the HTML report appends --flow/--check to it.</param>
    /// <param name="profilePath">The profile the run used; the SARIF report's results point at it (<see cref="SarifReporter.Write"/>).</param>
    public static IReadOnlyList<string> WriteAll(RunResult result, string outputDirectory, string? rerunCommand = null, string? profilePath = null)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        Write(Path.Combine(outputDirectory, JsonReporter.FileName), JsonReporter.Write(result), written);
        Write(Path.Combine(outputDirectory, JUnitReporter.FileName), JUnitReporter.Write(result), written);
        Write(Path.Combine(outputDirectory, HtmlReporter.FileName), HtmlReporter.Write(result, outputDirectory, rerunCommand), written);
        Write(Path.Combine(outputDirectory, SarifReporter.FileName), SarifReporter.Write(result, profilePath), written);
        return written;
    }

    private static void Write(string path, string content, List<string> written)
    {
        // Write beside, then move: a crash never leaves a half-written report.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
        written.Add(path);
    }
}
