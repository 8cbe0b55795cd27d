using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.AnalyzerCost.Corpus;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>Our analyzers against the compiler's own work on the same code, inside one process.</summary>
internal sealed record InProcessResult(
    double CorpusAnalyzerToCompileTime,
    double CorpusAddedTimeToCompileTime,
    double CorpusEmptyAnalyzerTimeToCompileTime,
    double CorpusAllocationToCompileAllocation,
    long CompileAllocatedBytes,
    double LargeFileAnalyzerToCompileTime,
    double LargeFileEmptyAnalyzerTimeToCompileTime,
    double LargeFileAddedTimeToCompileTime,
    double LargeFileEmptyAnalysisWallToCompileTime,
    double LargeFileAddedTimeToEmptyAnalysisWall,
    IReadOnlyDictionary<string, double> CorpusAnalyzerToCompileTimeByRule,
    IReadOnlyDictionary<string, double> LargeFileAnalyzerToCompileTimeByRule,
    IReadOnlyDictionary<string, int> CorpusDiagnosticsByRule);

/// <summary>
/// Runs our analyzers through CompilationWithAnalyzers, the way the IDE does, on the benchmark's Roslyn (that of
/// the .NET 10 SDK's compiler; our rules are built against 4.8 and run on it as in any build with that SDK):
/// - whole corpus: analyzer time (Roslyn's analyzer telemetry), and the wall time and bytes our run adds
///   to a run of <see cref="DriverOnlyAnalyzer"/> (same actions, empty), each against the compiler's own
///   diagnostics pass over the same corpus (binding every method body);
/// - one large file: the IDE's per-document analysis against the compile of that file's semantic model, with
///   the same calibration against <see cref="DriverOnlyAnalyzer"/> (a document's analysis binds the file again
///   in the analysis's own compilation, whoever the analyzer).
/// Allocations are GC.GetTotalAllocatedBytes deltas. Both analysis runs bind the corpus and carry the
/// driver's bookkeeping, so their difference is what our rules' own code allocates and costs, garbage
/// collections included.
/// </summary>
internal static class InProcessBench
{
    public static async Task<InProcessResult> RunAsync(GeneratedCorpus corpus, int rounds, Action<string> progress)
    {
        var trees = CorpusCompilation.Parse(corpus);
        var references = ReferenceAssemblies.Net10WithAspNetCore();
        var ours = OurAnalyzers();
        ImmutableArray<DiagnosticAnalyzer> driverOnly = [new DriverOnlyAnalyzer()];
        CSharpCompilation Fresh() => CorpusCompilation.Create(trees, references);

        CorpusCompilation.EnsureCompiles(Fresh());

        progress("in process: warming up");
        var warmUp = await AnalyzeAsync(Fresh(), ours);
        await AnalyzeAsync(Fresh(), driverOnly);

        var corpusByRule = new List<Dictionary<string, double>>();
        var largeByRule = new List<Dictionary<string, double>>();
        var corpusTime = new List<double>();
        var corpusAdded = new List<double>();
        var corpusEmpty = new List<double>();
        var corpusAllocation = new List<double>();
        var compileBytes = new List<long>();
        for (var round = 0; round < rounds; round++)
        {
            progress($"in process: corpus round {round + 1}/{rounds}");
            var (compileSeconds, compileAllocated) = Measure(() => Fresh().GetDiagnostics());
            var (ourRun, driverRun) = await AlternatingAsync(round, () => AnalyzeAsync(Fresh(), ours), () => AnalyzeAsync(Fresh(), driverOnly));
            corpusTime.Add(ourRun.AnalyzerSeconds / compileSeconds);
            corpusAdded.Add((ourRun.WallSeconds - driverRun.WallSeconds) / compileSeconds);
            corpusEmpty.Add(driverRun.AnalyzerSeconds / compileSeconds);
            corpusByRule.Add(Relative(ourRun.SecondsByRule, compileSeconds));
            corpusAllocation.Add((double)(ourRun.AllocatedBytes - driverRun.AllocatedBytes) / compileAllocated);
            compileBytes.Add(compileAllocated);
        }

        var largeTime = new List<double>();
        var largeEmpty = new List<double>();
        var largeAdded = new List<double>();
        var largeEmptyWall = new List<double>();
        var largeAddedToEmptyWall = new List<double>();
        var compilation = Fresh();
        compilation.GetDeclarationDiagnostics(); // the IDE has the declarations of the whole project at hand
        var largeTree = trees.Single(tree => tree.FilePath == corpus.LargeFile);
        for (var round = 0; round < Math.Max(rounds, 5); round++)
        {
            progress($"in process: large file round {round + 1}");
            var (compileSeconds, _) = Measure(() => compilation.GetSemanticModel(largeTree).GetDiagnostics());
            var (ourDocument, driverDocument) = await AlternatingAsync(
                round, () => AnalyzeDocumentAsync(compilation, largeTree, ours), () => AnalyzeDocumentAsync(compilation, largeTree, driverOnly));
            var addedWall = ourDocument.WallSeconds - driverDocument.WallSeconds;
            largeTime.Add(ourDocument.AnalyzerSeconds / compileSeconds);
            largeEmpty.Add(driverDocument.AnalyzerSeconds / compileSeconds);
            largeAdded.Add(addedWall / compileSeconds);
            largeEmptyWall.Add(driverDocument.WallSeconds / compileSeconds);
            largeAddedToEmptyWall.Add(addedWall / driverDocument.WallSeconds);
            largeByRule.Add(Relative(ourDocument.SecondsByRule, compileSeconds));
        }

        return new InProcessResult(
            Statistics.Median(corpusTime), Statistics.Median(corpusAdded), Statistics.Median(corpusEmpty), Statistics.Median(corpusAllocation), (long)Statistics.Median(compileBytes.Select(bytes => (double)bytes)),
            Statistics.Median(largeTime),
            Statistics.Median(largeEmpty),
            Statistics.Median(largeAdded),
            Statistics.Median(largeEmptyWall),
            Statistics.Median(largeAddedToEmptyWall),
            MedianByRule(corpusByRule),
            MedianByRule(largeByRule),
            warmUp.DiagnosticsById);
    }

    /// <summary>Our run and the empty analyzer's, in alternating order per round, so neither run always follows the compile pass's garbage.</summary>
    private static async Task<(AnalysisRun Ours, AnalysisRun Driver)> AlternatingAsync(int round, Func<Task<AnalysisRun>> ours, Func<Task<AnalysisRun>> driver)
    {
        if (round % 2 == 0)
        {
            var our = await ours();
            return (our, await driver());
        }

        var driverRun = await driver();
        return (await ours(), driverRun);
    }

    private static Dictionary<string, double> Relative(Dictionary<string, double> seconds, double compileSeconds) =>
        seconds.ToDictionary(entry => entry.Key, entry => entry.Value / compileSeconds, StringComparer.Ordinal);

    private static Dictionary<string, double> MedianByRule(List<Dictionary<string, double>> rounds) =>
        rounds[0].Keys.ToDictionary(rule => rule, rule => Statistics.Median(rounds.Select(round => round[rule])), StringComparer.Ordinal);

    private sealed record AnalysisRun(Dictionary<string, double> SecondsByRule, double WallSeconds, long AllocatedBytes, Dictionary<string, int> DiagnosticsById)
    {
        public double AnalyzerSeconds => SecondsByRule.Values.Sum();
    }

    private static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options());
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var wall = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var byId = diagnostics.GroupBy(diagnostic => diagnostic.Id).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new AnalysisRun(await TelemetrySecondsAsync(withAnalyzers, analyzers), wall, allocated, byId);
    }

    /// <summary>The analyzers' time on one document, as the IDE asks for it, and the wall time of that analysis.</summary>
    private static async Task<AnalysisRun> AnalyzeDocumentAsync(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options());
        var clock = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var wall = clock.Elapsed.TotalSeconds;
        return new AnalysisRun(await TelemetrySecondsAsync(withAnalyzers, analyzers), wall, AllocatedBytes: 0, DiagnosticsById: []);
    }

    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);

    /// <summary>Each analyzer's execution time, by the ids it reports (Roslyn's analyzer telemetry).</summary>
    private static async Task<Dictionary<string, double>> TelemetrySecondsAsync(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var ids = string.Join("/", analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct());
            seconds[ids] = seconds.GetValueOrDefault(ids)
                + (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalSeconds;
        }

        return seconds;
    }

    private static (double Seconds, long AllocatedBytes) Measure(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() =>
        typeof(PleoUxGuard.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
