using System.Text.RegularExpressions;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>A PUX diagnostic at a place in a consumer project; File is relative, with '/' separators.</summary>
internal sealed record ReportedDiagnostic(string File, int Line, string Id) : IComparable<ReportedDiagnostic>
{
    public int CompareTo(ReportedDiagnostic? other) =>
        other is null ? 1 : (File, Line, Id).CompareTo((other.File, other.Line, other.Id));

    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>A PUX diagnostic as the build printed it.</summary>
internal sealed record BuildMessage(ReportedDiagnostic Diagnostic, string Severity, string Text);

/// <summary>Reads the PUX lines of `dotnet build` output, in the compiler's "file(line,col): severity id: text" form.</summary>
internal static partial class BuildOutput
{
    public static IReadOnlyList<BuildMessage> ReadPuxMessages(string output, string projectDirectory) =>
        output.Split('\n')
            .Select(line => MessageLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BuildMessage(
                new ReportedDiagnostic(
                    ConsumerPaths.Relative(projectDirectory, match.Groups["file"].Value.Trim()),
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["id"].Value),
                match.Groups["severity"].Value,
                match.Groups["text"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^(?<file>[^(]+)\((?<line>\d+),\d+(?:,\d+,\d+)?\): (?<severity>warning|error) (?<id>PUX\d{3}): (?<text>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex MessageLine();
}

internal static class ConsumerPaths
{
    public static string Relative(string projectDirectory, string path) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
}
