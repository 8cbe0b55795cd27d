using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.AnalyzerCost.Corpus;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>One build's time in our method-body actions, per round, and the diagnostics they reported in the last.</summary>
internal sealed record BodyByBodyRuns(string Build, List<double> Milliseconds, int Diagnostics);

/// <summary>
/// Two builds of our analyzers, side by side body by body: every method body of the generated corpus is bound
/// once, then each round hands each body to both builds' body actions in turn (the order alternating from body to
/// body), each right after a walk of the body's operations, as the analysis driver calls the actions right after
/// building them. Only the time inside the actions is counted.
/// </summary>
/// <remarks>
/// Why: the builds and replays time a whole compile, whose noise on this machine (a few percent from run to run,
/// more between processes) hides a change of a few percent in our rules. Here both builds meet the same load
/// within microseconds of each other, so their ratio holds to about a percent (the same build against itself
/// reads 1.00 ± 0.01). It measures our code, not the driver's cost of calling it: a change in how many actions
/// we register, or in our symbol actions, needs the replays.
/// </remarks>
internal static class BodyByBodyBench
{
    private const int WarmUpRounds = 2;

    public static async Task<IReadOnlyList<BodyByBodyRuns>> RunAsync(
        GeneratedCorpus corpus, string workDirectory, IReadOnlyList<(string Name, string Assembly)> builds, int rounds, Action<string> progress)
    {
        var compilation = CorpusCompilation.Create(CorpusCompilation.Parse(corpus), ReferenceAssemblies.Net10WithAspNetCore());
        CorpusCompilation.EnsureCompiles(compilation);
        var options = new AnalyzerOptions([]);
        progress("body by body: binding every method body");
        var bodies = await BodiesAsync(compilation, options);

        var copies = Path.Combine(workDirectory, "body-by-body-loads");
        if (Directory.Exists(copies))
        {
            Directory.Delete(copies, recursive: true);
        }

        var actions = builds.Select((build, index) => BlockActions(build.Assembly, Path.Combine(copies, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), compilation, options)).ToList();
        var diagnostics = new int[builds.Count];
#pragma warning disable CS0618 // The obsolete constructor is the point: the actions are called without the driver, whose cost this measurement leaves out.
        var contexts = actions.Select((_, build) => bodies
            .Select(body => new OperationBlockAnalysisContext(body.Blocks, body.Owner, compilation, options, _ => diagnostics[build]++, _ => true, CancellationToken.None))
            .ToArray()).ToList();
#pragma warning restore CS0618

        var milliseconds = builds.Select(_ => new List<double>()).ToList();
        var ticks = new long[builds.Count];
        for (var round = 0; round < WarmUpRounds + rounds; round++)
        {
            progress(round < WarmUpRounds ? $"body by body: warm-up round {round + 1}/{WarmUpRounds}" : $"body by body: round {round - WarmUpRounds + 1}/{rounds}");
            Array.Clear(ticks);
            Array.Clear(diagnostics);

            // Each round starts from a clean heap, so no build inherits the other's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            for (var body = 0; body < bodies.Length; body++)
            {
                for (var turn = 0; turn < builds.Count; turn++)
                {
                    var build = (body + round) % 2 == 0 ? turn : builds.Count - 1 - turn;
                    Touch(bodies[body].Blocks);
                    var context = contexts[build][body];
                    var start = Stopwatch.GetTimestamp();
                    foreach (var action in actions[build])
                    {
                        action(context);
                    }

                    ticks[build] += Stopwatch.GetTimestamp() - start;
                }
            }

            if (round >= WarmUpRounds)
            {
                for (var build = 0; build < builds.Count; build++)
                {
                    milliseconds[build].Add(ticks[build] * 1000.0 / Stopwatch.Frequency);
                }
            }
        }

        return builds.Select((build, index) => new BodyByBodyRuns(build.Name, milliseconds[index], diagnostics[index])).ToList();
    }

    /// <summary>The bodies the driver hands to block actions (one thread, so in a fixed order), with their operation trees built.</summary>
    private static async Task<ImmutableArray<Body>> BodiesAsync(Compilation compilation, AnalyzerOptions options)
    {
        var recorder = new BodyRecorder();
        await compilation.WithAnalyzers([recorder], new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        return [.. recorder.Bodies];
    }

    /// <summary>Reads every operation of the body, as building it does, so each build finds it equally at hand.</summary>
    private static void Touch(ImmutableArray<IOperation> blocks)
    {
        var pending = new Stack<IOperation>(blocks);
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The method-body actions our analyzers register, from a copy of the build in a load context of its own.</summary>
    private static Action<OperationBlockAnalysisContext>[] BlockActions(string assemblyPath, string copyDirectory, Compilation compilation, AnalyzerOptions options)
    {
        Directory.CreateDirectory(copyDirectory);
        var copy = Path.Combine(copyDirectory, Path.GetFileName(assemblyPath));
        File.Copy(assemblyPath, copy);
        Type[] types;
        try
        {
            types = new AssemblyLoadContext("body-by-body " + copyDirectory).LoadFromAssemblyPath(copy).GetTypes();
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or System.Reflection.ReflectionTypeLoadException)
        {
            throw new InvalidOperationException($"{assemblyPath} cannot be loaded here ({exception.GetType().Name}: {exception.Message}).", exception);
        }

        var host = new ActionRecorder(compilation, options);
        foreach (var type in types.Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null))
        {
            ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).Initialize(host);
        }

        foreach (var start in host.StartActions)
        {
            start(host.Start);
        }

        return host.Start.BlockActions.Count > 0
            ? [.. host.Start.BlockActions]
            : throw new InvalidOperationException($"{assemblyPath} registers no method-body action: not a build of our analyzers?");
    }

    private sealed record Body(ImmutableArray<IOperation> Blocks, ISymbol Owner);

    /// <summary>Keeps each body the driver builds (never reports: handed to CompilationWithAnalyzers directly).</summary>
    private sealed class BodyRecorder : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public List<Body> Bodies { get; } = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

        public override void Initialize(AnalysisContext context)
        {
            // Allowed to run concurrently, as every analyzer should be, but RunAsync analyses with concurrentAnalysis
            // off, so the bodies come in the same order every run; the lock only guards against a host that does not.
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.RegisterOperationBlockAction(block =>
            {
                lock (Bodies)
                {
                    Bodies.Add(new Body(block.OperationBlocks, block.OwningSymbol));
                }
            });
        }
    }

    /// <summary>
    /// Stands in for the driver's analysis context: keeps the compilation-start and method-body actions, which are
    /// what is measured, and drops the rest (symbol, syntax and additional-file actions run once per declaration
    /// or file, not per body).
    /// </summary>
    private sealed class ActionRecorder(Compilation compilation, AnalyzerOptions options) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = [];

        public StartRecorder Start { get; } = new(compilation, options);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Start.BlockActions.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }
    }

    private sealed class StartRecorder(Compilation compilation, AnalyzerOptions options) : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<Action<OperationBlockAnalysisContext>> BlockActions { get; } = [];

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => BlockActions.Add(action);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }
    }
}
