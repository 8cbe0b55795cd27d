using System.Globalization;
using System.Text.RegularExpressions;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>
/// What one `dotnet build -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary` printed: the Csc task's
/// time and the analyzer time of each analyzer assembly (the compiler's /reportanalyzer table).
/// </summary>
/// <param name="AnalyzerErrors">Diagnostics of analyzers reported as errors (their default severity): the build failed and skipped emit.</param>
internal sealed partial record AnalyzerReport(double CscSeconds, IReadOnlyDictionary<string, double> AssemblySeconds, int AnalyzerErrors = 0)
{
    public double SecondsFor(Contender contender) => contender.SecondsIn(AssemblySeconds);

    public static AnalyzerReport Parse(string output)
    {
        var csc = CscSummary().Matches(output);
        if (csc.Count != 1)
        {
            throw new InvalidOperationException($"Expected one Csc line in the task performance summary, found {csc.Count}.");
        }

        var assemblies = ParseAssemblies(output);
        var analyzerErrors = AnalyzerError().Matches(output).Select(match => match.Value).Distinct(StringComparer.Ordinal).Count();
        return new AnalyzerReport(int.Parse(csc[0].Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000.0, assemblies, analyzerErrors);
    }

    /// <summary>One report for several projects built in a row: their compile times and each assembly's times added up.</summary>
    public static AnalyzerReport Sum(IReadOnlyList<AnalyzerReport> reports) =>
        new(reports.Sum(report => report.CscSeconds), SumAssemblies(reports.Select(report => report.AssemblySeconds)), reports.Sum(report => report.AnalyzerErrors));

    /// <summary>Each analyzer assembly's time added up over several /reportanalyzer tables.</summary>
    public static IReadOnlyDictionary<string, double> SumAssemblies(IEnumerable<IReadOnlyDictionary<string, double>> tables)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in tables.SelectMany(table => table))
        {
            sums[entry.Key] = sums.GetValueOrDefault(entry.Key) + entry.Value;
        }

        return sums;
    }

    /// <summary>Each analyzer assembly's time in the compiler's /reportanalyzer table.</summary>
    public static IReadOnlyDictionary<string, double> ParseAssemblies(string output)
    {
        var assemblies = new Dictionary<string, double>(StringComparer.Ordinal);
        var inAnalyzerTable = false;
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains("Total analyzer execution time:", StringComparison.Ordinal))
            {
                inAnalyzerTable = true;
            }
            else if (line.Contains("Total generator execution time:", StringComparison.Ordinal))
            {
                inAnalyzerTable = false;
            }
            else if (inAnalyzerTable && AssemblyLine().Match(line) is { Success: true } match)
            {
                var name = match.Groups["name"].Value;
                assemblies[name] = assemblies.GetValueOrDefault(name) + Seconds(match.Groups["time"].Value);
            }
        }

        return assemblies;
    }

    private static double Seconds(string text) =>
        text.StartsWith('<') ? 0 : double.Parse(text, CultureInfo.InvariantCulture);

    // "file.cs(120,15): error MA0049: …": an analyzer's diagnostic at error severity (MSBuild prints each twice).
    [GeneratedRegex(@"\S+\(\d+,\d+\): error (?!CS)[A-Z]+\d+:[^\[]*", RegexOptions.Multiline)]
    private static partial Regex AnalyzerError();

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscSummary();

    // Assembly rows are indented three spaces after the percentage; the analyzer rows under them six.
    [GeneratedRegex(@"^\s*(?<time><?[0-9.]+)\s+<?\d+ {3}(?<name>[^\s,][^,]*), Version=")]
    private static partial Regex AssemblyLine();
}
