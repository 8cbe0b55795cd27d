using System.Text.RegularExpressions;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>
/// The diagnostics a consumer project's sources declare they must produce: a line carrying the comment
/// "expect PUXnnn" must be reported with that id, and no other line may be. The expectation sits next to
/// the code it is about, so adding a case to a consumer project needs no change to a test.
/// </summary>
internal static partial class ExpectedDiagnostics
{
    private static readonly string[] SourceExtensions = [".cs", ".cshtml", ".razor"];

    public static IReadOnlySet<ReportedDiagnostic> In(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
            .Where(file => SourceExtensions.Contains(Path.GetExtension(file)) && !IsBuildOutput(projectDirectory, file))
            .SelectMany(file => File.ReadLines(file).SelectMany((text, index) =>
                Marker().Matches(text).Select(match => new ReportedDiagnostic(
                    ConsumerPaths.Relative(projectDirectory, file), index + 1, match.Groups["id"].Value))))
            .ToHashSet();

    private static bool IsBuildOutput(string projectDirectory, string file)
    {
        var first = ConsumerPaths.Relative(projectDirectory, file).Split('/')[0];
        return first is "obj" or "bin";
    }

    [GeneratedRegex(@"expect (?<id>PUX\d{3})")]
    private static partial Regex Marker();
}
