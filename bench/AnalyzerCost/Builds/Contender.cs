namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>
/// One analyzer package measured side by side (or the compiler alone, the baseline). Its analyzer time is
/// the sum of the assemblies whose names start with one of the prefixes in the compiler's /reportanalyzer output.
/// </summary>
internal sealed record Contender(string Name, string? PackageId, string? Version, IReadOnlyList<string> AssemblyPrefixes)
{
    public static readonly Contender CompilerOnly = new("compiler only (baseline)", null, null, []);

    /// <summary>Our package: the one the targets are about.</summary>
    public const string OurPackageId = "PleoUxGuard.Analyzers";

    /// <summary>The peer target 2 compares us with.</summary>
    public const string RoslynatorPackageId = "Roslynator.Analyzers";

    public bool IsBaseline => PackageId is null;

    /// <summary>
    /// The baseline, our package or the peer target 2 names: the contenders the replays and the one-thread
    /// comparison measure (the slow peers would add tens of minutes per round).
    /// </summary>
    public bool IsInTargets => IsBaseline || PackageId is OurPackageId or RoslynatorPackageId;

    /// <summary>This contender's share of a /reportanalyzer table: the sum of its assemblies' rows.</summary>
    public double SecondsIn(IReadOnlyDictionary<string, double> assemblySeconds) =>
        assemblySeconds.Where(entry => AssemblyPrefixes.Any(prefix => entry.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .Sum(entry => entry.Value);

    public string Slug => IsBaseline ? "Baseline" : PackageId!.Replace(".", string.Empty, StringComparison.Ordinal);

    /// <summary>This package with another build of its assembly (replays only; see <see cref="ReplayBench"/>).</summary>
    public Contender ComparedWith(string assembly) =>
        new($"{Name}, the build in {Path.GetDirectoryName(assembly)}", PackageId + ".Compared", Version, AssemblyPrefixes);

    /// <summary>The peers, at the versions the registry serves (see docs/performance.md).</summary>
    public static IReadOnlyList<Contender> All(string ourVersion) =>
    [
        CompilerOnly,
        new(OurPackageId, OurPackageId, ourVersion, ["PleoUxGuard."]),
        new(RoslynatorPackageId, RoslynatorPackageId, "5.0.1", ["Roslynator"]),
        new("Meziantou.Analyzer", "Meziantou.Analyzer", "3.0.321", ["Meziantou."]),
        new("SecurityCodeScan.VS2019", "SecurityCodeScan.VS2019", "5.6.7", ["SecurityCodeScan"]),
        new("SonarAnalyzer.CSharp", "SonarAnalyzer.CSharp", "9.32.0.97167", ["SonarAnalyzer"]),
    ];
}
