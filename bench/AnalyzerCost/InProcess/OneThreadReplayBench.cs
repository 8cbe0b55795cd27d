using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.AnalyzerCost.Builds;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>One contender's in-process analysis of every project, one entry per round (seconds, summed over the projects).</summary>
internal sealed record OneThreadRuns(Contender Contender, List<double> AnalyzerSeconds, List<double> CompileSeconds, List<int> Diagnostics);

/// <summary>
/// The recorded compiler command lines, compiled in this process and analysed on one thread: each contender's
/// analyzers (loaded from the paths its command line names) run through <c>CompilationWithAnalyzers</c> with
/// concurrent analysis off, so Roslyn's analyzer telemetry times each callback while nothing else runs.
/// </summary>
/// <remarks>
/// Why beside the replays: <c>/reportanalyzer</c> times each callback by the wall clock while the driver runs
/// callbacks on several thread-pool workers beside the compiler's thread, so on a 2-core machine a callback's
/// time includes the time it waited for a core, and every extra piece of analyzer work also lengthens the
/// callbacks running beside it. Calibrated in replays of the generated corpus: a 10 µs busy wait in each body
/// with a candidate operation raised our reported time by 4.3× the waits' total (docs/performance.md). Here a
/// callback's time is the time it ran (and the garbage collections it met).
/// The compile time it is set against is the same command line compiled in process on one thread: parsed, bound
/// and emitted. Not quite the compile a build runs: no source generators run (neither target contender is one),
/// and no .editorconfig or global config is read (the contenders run with their defaults, as in the benchmark's
/// projects). The host is the benchmark's Roslyn (<see cref="HostRoslyn"/>); a package that ships one build per
/// Roslyn version is loaded from its newest build the host can run.
/// </remarks>
internal static class OneThreadReplayBench
{
    /// <summary>The version of Roslyn this benchmark hosts (the in-process measurements run on it).</summary>
    public static string HostRoslyn { get; } =
        typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Compilation).Assembly.GetName().Version!.ToString();

    private const int WarmUpPasses = 2;

    public static async Task<IReadOnlyList<OneThreadRuns>> RunAsync(
        string workDirectory, IReadOnlyList<BenchProject> projects, IReadOnlyList<Contender> contenders, int rounds, Action<string> progress)
    {
        var measured = contenders.Where(contender => !contender.IsBaseline).ToList();
        var inputs = new Dictionary<(Contender, BenchProject), (CompilationInput Input, ImmutableArray<DiagnosticAnalyzer> Analyzers)>();
        // One load of each contender's assemblies per set of paths, as a compiler server keeps one per analyzer set.
        var loaded = new Dictionary<string, ImmutableArray<DiagnosticAnalyzer>>(StringComparer.Ordinal);

        // Each load's own copies of its files (see ContenderLoadContext), in a folder per load: a load context
        // reads a dependency from its copy when first asked, so no later load may replace it. An earlier run's
        // copies go first.
        var copies = Path.Combine(workDirectory, "in-process-loads");
        if (Directory.Exists(copies))
        {
            Directory.Delete(copies, recursive: true);
        }
        foreach (var project in projects)
        {
            var baseline = CompilationInput.FromResponseFile(ReplayBench.ResponseFile(workDirectory, project, Contender.CompilerOnly), project.Directory);
            foreach (var contender in measured)
            {
                var paths = CompilationInput.AnalyzerPaths(ReplayBench.ResponseFile(workDirectory, project, contender), project.Directory);
                var key = contender.Name + "|" + string.Join("|", paths);
                if (!loaded.TryGetValue(key, out var analyzers))
                {
                    analyzers = ContenderLoadContext.Analyzers(contender, paths, Path.Combine(copies, $"{contender.Slug}-{loaded.Count + 1}"));
                    loaded.Add(key, analyzers);
                }

                var run = WithWarningRules(analyzers, baseline.Options, contender);
                if (run.IsEmpty)
                {
                    throw new InvalidOperationException($"No analyzer of {contender.Name} has a rule that shows as a warning or an error under {project.Name}'s options: nothing to measure.");
                }

                progress($"one thread, in process: {contender.Name} on {project.Name}: {run.Length} of {analyzers.Length} analyzers run (those with a warning or error rule)");
                inputs[(contender, project)] = (baseline, run);
            }
        }

        // Warm-up: each contender's code and the compiler's (emit included) JIT-compiled, each project's references
        // read, before any round counts. Two passes: tiered compilation promotes a hot method only once no new
        // method has been compiled for a while, which during the first pass over a compiler hardly happens. With
        // one pass, the first measured round of the real code was the slowest for both contenders in both runs
        // that showed each round (ours 7.8% and 6.9% of compile time against medians of 2.4% and 3.7%,
        // Roslynator's 78% and 88% against 72% and 69%). The analysis binds every body, so the compile errors
        // are counted from the first pass's compilations.
        var counted = new HashSet<BenchProject>();
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            foreach (var ((_, project), (input, analyzers)) in inputs)
            {
                var compilation = input.Create();
                await AnalyzeAsync(compilation, analyzers);
                if (pass == 0 && counted.Add(project))
                {
                    Compile(input);
                    var errors = compilation.GetDiagnostics().Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
                    if (errors > 0)
                    {
                        progress($"one thread, in process: {project.Name} has {errors} compile errors here (no source generators run); the analyzers still run on what binds");
                    }
                }
            }
        }

        var runs = measured.Select(contender => new OneThreadRuns(contender, [], [], [])).ToList();
        foreach (var (round, run) in Rotation.Of(runs, rounds))
        {
            double analyzer = 0, compile = 0;
            var diagnostics = 0;
            foreach (var project in projects)
            {
                progress($"one thread, in process {round + 1}/{rounds}: {project.Name} with {run.Contender.Name}");
                var (input, analyzers) = inputs[(run.Contender, project)];
                compile += Compile(input);
                var (seconds, reported) = await AnalyzeAsync(input.Create(), analyzers);
                analyzer += seconds;
                diagnostics += reported;
            }

            run.AnalyzerSeconds.Add(analyzer);
            run.CompileSeconds.Add(compile);
            run.Diagnostics.Add(diagnostics);
        }

        return runs;
    }

    /// <summary>The command line compiled on one thread, from its source text to an assembly: the scale each contender's time is given against.</summary>
    private static double Compile(CompilationInput input)
    {
        Settle();
        var clock = Stopwatch.StartNew();
        input.Create(parseAgain: true).Emit(Stream.Null);
        return clock.Elapsed.TotalSeconds;
    }

    /// <returns>The analyzers' time (Roslyn's telemetry) and how many diagnostics they reported.</returns>
    private static async Task<(double Seconds, int Diagnostics)> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        Settle();
        var reported = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var seconds = 0.0;
        foreach (var analyzer in analyzers)
        {
            seconds += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalSeconds;
        }

        return (seconds, reported.Length);
    }

    /// <summary>
    /// The analyzers with a rule that shows as a warning or an error in a build. <c>CompilationWithAnalyzers</c>,
    /// given none of the build's configuration, runs every analyzer, including some a command-line build skips:
    /// Roslynator's <c>UnusedMemberAnalyzer</c> took 0.97 s of its 2.1 s in process and under 1 ms in a
    /// <c>csc</c> replay of the same command line, so with all of them the comparison overstated Roslynator's
    /// time three to four times. A build still runs some analyzers whose rules are only suggestions (Roslynator's
    /// <c>AsyncSuffixAnalyzer</c>, 0.44 s in that replay), so this set understates what a build runs: a ratio to
    /// another package measured on it can only flatter the other package.
    /// </summary>
    /// <remarks>A contender that switches rules off in its builds (<see cref="Contender.DisabledRules"/>) runs here without the analyzers of those rules.</remarks>
    private static ImmutableArray<DiagnosticAnalyzer> WithWarningRules(ImmutableArray<DiagnosticAnalyzer> analyzers, CompilationOptions options, Contender contender) =>
        analyzers.Where(analyzer => analyzer.SupportedDiagnostics.Any(descriptor => ShowsInBuild(descriptor, options) && contender.Runs(descriptor.Id))).ToImmutableArray();

    private static bool ShowsInBuild(DiagnosticDescriptor descriptor, CompilationOptions options)
    {
        if (options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var configured) && configured != ReportDiagnostic.Default)
        {
            return configured is ReportDiagnostic.Warn or ReportDiagnostic.Error;
        }

        return descriptor.IsEnabledByDefault && descriptor.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error;
    }

    /// <summary>The previous run's compilation collected first, so its garbage is not collected during this run's callbacks.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>What a recorded command line compiles: its sources, references and options.</summary>
    private sealed class CompilationInput
    {
        private readonly ImmutableArray<(string Path, SourceText Text)> _sources;
        private readonly CSharpParseOptions _parseOptions;
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CSharpCompilationOptions _options;
        private readonly string _assemblyName;

        private CompilationInput(
            ImmutableArray<(string Path, SourceText Text)> sources, CSharpParseOptions parseOptions, ImmutableArray<MetadataReference> references, CSharpCompilationOptions options, string assemblyName)
        {
            _sources = sources;
            _parseOptions = parseOptions;
            _trees = Parse(sources, parseOptions);
            _references = references;
            // One thread: the compiler's own work is not spread over the cores either.
            _options = options.WithConcurrentBuild(false);
            _assemblyName = assemblyName;
        }

        public CompilationOptions Options => _options;

        /// <param name="parseAgain">Parse the sources again (a whole compile) instead of reusing the trees parsed once.</param>
        public Compilation Create(bool parseAgain = false) =>
            CSharpCompilation.Create(_assemblyName, parseAgain ? Parse(_sources, _parseOptions) : _trees, _references, _options);

        private static ImmutableArray<SyntaxTree> Parse(ImmutableArray<(string Path, SourceText Text)> sources, CSharpParseOptions options) =>
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, options, source.Path)).ToImmutableArray();

        public static CompilationInput FromResponseFile(string responseFile, string directory)
        {
            var arguments = ParseCommandLine(responseFile, directory);
            var missing = arguments.SourceFiles.Select(source => source.Path)
                .Concat(arguments.MetadataReferences.Select(reference => Path.GetFullPath(reference.Reference, directory)))
                .FirstOrDefault(path => !File.Exists(path));
            if (missing is not null)
            {
                throw new InvalidOperationException($"The command line recorded in {responseFile} names {missing}, which is gone (a build output cleaned since?): rerun the benchmark's builds.");
            }

            var sources = arguments.SourceFiles
                .Select(source => (source.Path, SourceText.From(File.ReadAllText(source.Path))))
                .ToImmutableArray();
            var references = arguments.MetadataReferences
                .Select(reference => (MetadataReference)MetadataReference.CreateFromFile(Path.GetFullPath(reference.Reference, directory), reference.Properties))
                .ToImmutableArray();
            return new CompilationInput(sources, arguments.ParseOptions, references, arguments.CompilationOptions, arguments.CompilationName ?? Path.GetFileNameWithoutExtension(arguments.OutputFileName) ?? "Corpus");
        }

        public static IReadOnlyList<string> AnalyzerPaths(string responseFile, string directory) =>
            ParseCommandLine(responseFile, directory).AnalyzerReferences.Select(reference => Path.GetFullPath(reference.FilePath, directory)).ToList();

        private static CSharpCommandLineArguments ParseCommandLine(string responseFile, string directory)
        {
            if (!File.Exists(responseFile))
            {
                throw new InvalidOperationException($"No recorded command line {responseFile}: run the benchmark's builds and replays first.");
            }

            var arguments = CSharpCommandLineParser.Default.Parse(["@" + responseFile], directory, sdkDirectory: null);
            var errors = arguments.Errors.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            return errors.Count == 0
                ? arguments
                : throw new InvalidOperationException($"The recorded command line {responseFile} does not parse: {errors[0].GetMessage()}");
        }
    }

    /// <summary>
    /// Loads one contender's analyzer assemblies apart from the benchmark's own copy of ours; Roslyn and the
    /// framework come from the host, as they do in the compiler.
    /// </summary>
    /// <remarks>
    /// Each contender loads its own copy of the files, as each compiler process loads its own: the runtime uses an
    /// assembly's precompiled (ReadyToRun) code only for the first load of a file, so our secret-rules-only
    /// contender, which names the same file as the whole package, ran JIT-compiled code when it loaded that file
    /// a second time (a probe: 336 of our methods JIT-compiled on a second load of the file, 2 on a load of a copy).
    /// </remarks>
    private sealed class ContenderLoadContext : AssemblyLoadContext
    {
        private readonly Dictionary<string, string> _assemblies;

        private ContenderLoadContext(string name, IEnumerable<string> paths)
            : base(name)
        {
            _assemblies = paths.ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        }

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers(Contender contender, IReadOnlyList<string> recordedPaths, string copyDirectory)
        {
            var paths = OwnCopies(
                recordedPaths.Select(HostablePath).Where(path => !path.Contains(".CodeFixes", StringComparison.OrdinalIgnoreCase)).ToList(),
                copyDirectory);
            var context = new ContenderLoadContext(contender.Name, paths);
            var analyzers = paths
                .Where(path => contender.AssemblyPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .Select(context.LoadFromAssemblyPath)
                .SelectMany(LoadableTypes)
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
                    && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();
            return analyzers.IsEmpty
                ? throw new InvalidOperationException($"No C# analyzer found for {contender.Name} in {string.Join(", ", paths)}.")
                : analyzers;
        }

        /// <summary>Copies of the files in a new folder of this load's; a file name met twice keeps a folder of its own.</summary>
        private static List<string> OwnCopies(IReadOnlyList<string> paths, string directory)
        {
            var copies = new List<string>(paths.Count);
            for (var index = 0; index < paths.Count; index++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(directory, index.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
                var copy = Path.Combine(folder, Path.GetFileName(paths[index]));
                File.Copy(paths[index], copy);
                copies.Add(copy);
            }

            return copies;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && _assemblies.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;

        /// <summary>The same package's build for this host's Roslyn when the recorded one needs a newer compiler.</summary>
        private static string HostablePath(string path)
        {
            var hosted = typeof(Compilation).Assembly.GetName().Version!;
            var parts = path.Split(Path.DirectorySeparatorChar);
            var index = Array.FindIndex(parts, part => part.StartsWith("roslyn", StringComparison.Ordinal) && Version.TryParse(part["roslyn".Length..], out _));
            if (index < 0 || Version.Parse(parts[index]["roslyn".Length..]) <= hosted)
            {
                return path;
            }

            var builds = string.Join(Path.DirectorySeparatorChar, parts[..index]);
            var newestHostable = Directory.GetDirectories(builds, "roslyn*")
                .Select(folder => (Folder: folder, Version: Version.TryParse(Path.GetFileName(folder)["roslyn".Length..], out var version) ? version : null))
                .Where(build => build.Version is not null && build.Version <= hosted)
                .OrderByDescending(build => build.Version)
                .FirstOrDefault();
            var candidate = newestHostable.Folder is null ? null : Path.Combine([newestHostable.Folder, .. parts[(index + 1)..]]);
            return candidate is not null && File.Exists(candidate)
                ? candidate
                : throw new InvalidOperationException($"{path} needs Roslyn {parts[index]["roslyn".Length..]} and its package has no build for Roslyn {hosted.ToString(2)} or older.");
        }

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                // Code-fix and workspace types need assemblies the compiler never loads; the analyzers load.
                return exception.Types.OfType<Type>();
            }
        }
    }
}
