using System.Text.RegularExpressions;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>
/// A PUX diagnostic at a place in a consumer project; File is relative, with '/' separators. A diagnostic
/// about the project as a whole (such as PUX000 for a bad .editorconfig option) has File "" and Line 0.
/// </summary>
internal sealed record ReportedDiagnostic(string File, int Line, string Id) : IComparable<ReportedDiagnostic>
{
    public int CompareTo(ReportedDiagnostic? other) =>
        other is null ? 1 : (File, Line, Id).CompareTo((other.File, other.Line, other.Id));

    public bool HasLocation => File.Length > 0;

    public override string ToString() => HasLocation ? $"{File}({Line}): {Id}" : $"(project): {Id}";
}

/// <summary>A PUX diagnostic as the build printed it.</summary>
internal sealed record BuildMessage(ReportedDiagnostic Diagnostic, string Severity, string Text);

/// <summary>
/// Reads the PUX lines of `dotnet build` output, in the compiler's "file(line,col): severity id: text" form,
/// or "CSC : severity id: text" for a diagnostic without a location.
/// </summary>
internal static partial class BuildOutput
{
    // MSBuild repeats every warning and error in its closing summary; only the lines before it count.
    private static readonly string[] SummaryStarts = ["Build succeeded.", "Build FAILED."];

    public static IReadOnlyList<BuildMessage> ReadPuxMessages(string output, string projectDirectory) =>
        output.Split('\n')
            .TakeWhile(line => !SummaryStarts.Contains(line.Trim()))
            .Select(line => MessageLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BuildMessage(
                match.Groups["file"].Success
                    ? new ReportedDiagnostic(
                        ConsumerPaths.Relative(projectDirectory, match.Groups["file"].Value.Trim()),
                        int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                        match.Groups["id"].Value)
                    : new ReportedDiagnostic(string.Empty, 0, match.Groups["id"].Value),
                match.Groups["severity"].Value,
                match.Groups["text"].Value))
            .ToList();

    [GeneratedRegex(@"^(?:(?<file>[^(]+)\((?<line>\d+),\d+(?:,\d+,\d+)?\)|\s*CSC ): (?<severity>warning|error) (?<id>PUX\d{3}): (?<text>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex MessageLine();
}

internal static class ConsumerPaths
{
    public static string Relative(string projectDirectory, string path) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
}
