using PleoUxGuard.Analyzers;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>
/// One analyzer package measured side by side (or the compiler alone, the baseline). Its analyzer time is
/// the sum of the assemblies whose names start with one of the prefixes in the compiler's /reportanalyzer output.
/// </summary>
/// <param name="DisabledRules">Rules switched off for this contender's builds (severity none in a global analyzer config), or null for the package as it ships.</param>
internal sealed record Contender(string Name, string? PackageId, string? Version, IReadOnlyList<string> AssemblyPrefixes, IReadOnlyList<string>? DisabledRules = null)
{
    public static readonly Contender CompilerOnly = new("compiler only (baseline)", null, null, []);

    /// <summary>Our package: the one the targets are about.</summary>
    public const string OurPackageId = "PleoUxGuard.Analyzers";

    /// <summary>The peer target 2 compares us with.</summary>
    public const string RoslynatorPackageId = "Roslynator.Analyzers";

    public bool IsBaseline => PackageId is null;

    /// <summary>Our package as it ships, every rule on: the contender targets 1 and 2 are about.</summary>
    public bool IsOurPackage => PackageId == OurPackageId && DisabledRules is null;

    /// <summary>
    /// Our package with only the rules of the secret-leak issue on (PUX000-PUX007): that bar is its rules'
    /// cost as a share of compile time. Measured alone, not read off the whole package's per-rule rows: the rules
    /// share one walk of each body with the message rules, and whichever rule reaches a body first pays for it.
    /// </summary>
    public bool IsOurSecretRules => PackageId == OurPackageId && DisabledRules is not null;

    /// <summary>Whether this contender's builds run the rule <paramref name="diagnosticId"/>.</summary>
    public bool Runs(string diagnosticId) => DisabledRules is null || !DisabledRules.Contains(diagnosticId, StringComparer.Ordinal);

    /// <summary>The global analyzer config that switches <see cref="DisabledRules"/> off, or null when none is.</summary>
    public string? GlobalConfig => DisabledRules is null
        ? null
        : "is_global = true\n" + string.Concat(DisabledRules.Select(id => $"dotnet_diagnostic.{id}.severity = none\n"));

    /// <summary>
    /// The baseline, our package or the peer target 2 names: the contenders the replays and the one-thread
    /// comparison measure (the slow peers would add tens of minutes per round).
    /// </summary>
    public bool IsInTargets => IsBaseline || PackageId is OurPackageId or RoslynatorPackageId;

    /// <summary>This contender's share of a /reportanalyzer table: the sum of its assemblies' rows.</summary>
    public double SecondsIn(IReadOnlyDictionary<string, double> assemblySeconds) =>
        assemblySeconds.Where(entry => AssemblyPrefixes.Any(prefix => entry.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .Sum(entry => entry.Value);

    public string Slug => IsBaseline
        ? "Baseline"
        : PackageId!.Replace(".", string.Empty, StringComparison.Ordinal) + (DisabledRules is null ? string.Empty : "SecretRules");

    /// <summary>This package with another build of its assembly (replays only; see <see cref="ReplayBench"/>).</summary>
    public Contender ComparedWith(string assembly) =>
        new($"{Name}, the build in {Path.GetDirectoryName(assembly)}", PackageId + ".Compared", Version, AssemblyPrefixes);

    /// <summary>The peers, at the versions the registry serves (see docs/performance.md).</summary>
    public static IReadOnlyList<Contender> All(string ourVersion) =>
    [
        CompilerOnly,
        new(OurPackageId, OurPackageId, ourVersion, ["PleoUxGuard."]),
        new(
            OurPackageId + ", secret-leak rules only (PUX000-PUX007)",
            OurPackageId,
            ourVersion,
            ["PleoUxGuard."],
            [DiagnosticIds.GenericErrorMessage, DiagnosticIds.NoRecoveryAction, DiagnosticIds.RawTechnicalDetail]),
        new(RoslynatorPackageId, RoslynatorPackageId, "5.0.1", ["Roslynator"]),
        new("Meziantou.Analyzer", "Meziantou.Analyzer", "3.0.321", ["Meziantou."]),
        new("SecurityCodeScan.VS2019", "SecurityCodeScan.VS2019", "5.6.7", ["SecurityCodeScan"]),
        new("SonarAnalyzer.CSharp", "SonarAnalyzer.CSharp", "9.32.0.97167", ["SonarAnalyzer"]),
    ];
}
