using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.AnalyzerCost;
using PleoUxGuard.AnalyzerCost.Builds;
using PleoUxGuard.AnalyzerCost.Corpus;
using PleoUxGuard.AnalyzerCost.InProcess;

// The analyzer cost benchmark: see docs/performance.md. Not a test; prints ratios, never a verdict.
const string Usage = """
    usage: dotnet run -c Release --project bench/AnalyzerCost -- [--lines N] [--key-share P] [--rounds N] [--replay-rounds N] [--work DIR] [--peers A,B | --no-peers] [--real-code] [--compare-with DIR] [--no-builds] [--no-in-process] [--one-thread-only] [--body-by-body DIR]
      --lines N          corpus size in lines (default 100000)
      --key-share P      percentage of the generated modules that handle a Pleo key (default 100); the others are the
                         same code with an account reference in its place
      --rounds N         rounds of side-by-side builds (default 3)
      --replay-rounds N  rounds of one-thread replays of the recorded compiler command lines: baseline, PleoUxGuard, Roslynator,
                         then as many rounds of the same command lines analysed in process on one thread (default 3; 0 skips both)
      --work DIR         work folder (default artifacts/bench/analyzer-cost); results.md and results.json land there
      --peers A,B        build only these peers besides the baseline and PleoUxGuard (package ids, e.g. Roslynator.Analyzers)
      --no-peers         build only the baseline and PleoUxGuard (quick check)
      --real-code        also build real public code (Json.NET, log4net, NUnit from Debian's source archive; RealCode/fetch.sh)
      --compare-with DIR also replay our package's command lines with the PleoUxGuard.Analyzers.dll in DIR (another
                         build, e.g. of an earlier commit) in the same rounds: a change's effect, side by side
      --no-builds        skip the command-line builds
      --no-in-process    skip the in-process measurements
      --one-thread-only  only the in-process one-thread analysis of the command lines an earlier run recorded in
                         the work folder (its replay/ folder), --replay-rounds rounds (a quick rerun of that table)
      --body-by-body DIR only this: our method-body actions of this build and of the PleoUxGuard.Analyzers.dll in DIR,
                         side by side body by body over the generated corpus, --rounds rounds (default 12 here); run
                         with DOTNET_TieredCompilation=0 (docs/performance.md)
    """;

var settings = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var index = 0; index < args.Length; index++)
{
    switch (args[index])
    {
        case "--lines" or "--key-share" or "--rounds" or "--replay-rounds" or "--work" or "--peers" or "--compare-with" or "--body-by-body" when index + 1 < args.Length:
            settings[args[index]] = args[++index];
            break;
        case "--no-peers" or "--no-builds" or "--no-in-process" or "--real-code" or "--one-thread-only":
            flags.Add(args[index]);
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option '{args[index]}'\n{Usage}");
            return 2;
    }
}

if (!int.TryParse(settings.GetValueOrDefault("--lines", "100000"), out var lines) || lines < CorpusGenerator.LargeFileMinimumLines
    || !int.TryParse(settings.GetValueOrDefault("--rounds", settings.ContainsKey("--body-by-body") ? "12" : "3"), out var rounds) || rounds < 1
    || !int.TryParse(settings.GetValueOrDefault("--replay-rounds", "3"), out var replayRounds) || replayRounds < 0
    || !int.TryParse(settings.GetValueOrDefault("--key-share", "100"), out var keyShare) || keyShare is < 0 or > 100)
{
    Console.Error.WriteLine($"--lines must be at least {CorpusGenerator.LargeFileMinimumLines}, --rounds at least 1, --replay-rounds at least 0 and --key-share from 0 to 100\n{Usage}");
    return 2;
}

string? comparedBuild = null;
if (settings.TryGetValue("--compare-with", out var compareWith))
{
    comparedBuild = Path.GetFullPath(Path.Combine(compareWith, ReplayBench.OurAssemblyFileName));
    if (!File.Exists(comparedBuild) || replayRounds == 0 || flags.Contains("--no-builds"))
    {
        Console.Error.WriteLine($"--compare-with needs a folder holding {ReplayBench.OurAssemblyFileName} (not found: {comparedBuild}), at least one replay round and the builds\n{Usage}");
        return 2;
    }
}

string? bodyByBodyBuild = null;
if (settings.TryGetValue("--body-by-body", out var bodyByBody))
{
    bodyByBodyBuild = Path.GetFullPath(Path.Combine(bodyByBody, ReplayBench.OurAssemblyFileName));
    if (!File.Exists(bodyByBodyBuild))
    {
        Console.Error.WriteLine($"--body-by-body needs a folder holding {ReplayBench.OurAssemblyFileName} (not found: {bodyByBodyBuild})\n{Usage}");
        return 2;
    }
}

var repository = FindRepository();
var work = Path.GetFullPath(settings.GetValueOrDefault("--work", Path.Combine(repository, "artifacts", "bench", "analyzer-cost")));
// Checked before anything is generated or created: a wrong folder leaves nothing behind.
if (flags.Contains("--one-thread-only"))
{
    if (Contender.All(string.Empty).Where(contender => contender.IsInTargets).Any(contender => !File.Exists(Path.Combine(work, "replay", $"generated.{contender.Slug}.rsp")))
        || !Directory.Exists(Path.Combine(work, "feed")) || Directory.GetFiles(Path.Combine(work, "feed"), "PleoUxGuard.Analyzers.*.nupkg").Length != 1
        || replayRounds == 0)
    {
        Console.Error.WriteLine($"--one-thread-only needs an earlier run's command lines ({work}/replay) and package ({work}/feed), and at least one replay round\n{Usage}");
        return 2;
    }
}

Directory.CreateDirectory(work);
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

try
{
    Progress($"generating a corpus of at least {lines:N0} lines, {keyShare}% of its modules handling a key");
    var corpus = CorpusGenerator.Generate(Path.Combine(work, "corpus"), lines, keyShare);

    var ourRules = typeof(PleoUxGuard.Analyzers.DiagnosticIds).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
        .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
        .Select(descriptor => descriptor.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    if (bodyByBodyBuild is not null)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
        {
            Progress("warning: DOTNET_TieredCompilation is not 0, so the first rounds run code the JIT has not optimised yet");
        }

        var current = typeof(PleoUxGuard.Analyzers.DiagnosticIds).Assembly.Location;
        var runs = await BodyByBodyBench.RunAsync(corpus, work, [("this build", current), ("the build in " + bodyByBody, bodyByBodyBuild)], rounds, Progress);
        var table = Report.BodyByBody(runs);
        File.WriteAllText(Path.Combine(work, "body-by-body.md"), table);
        Console.WriteLine(table);
        return 0;
    }

    var suites = new List<Suite>();
    if (flags.Contains("--one-thread-only"))
    {
        var recorded = Contender.All(PackedVersion(Path.Combine(work, "feed"))).Where(contender => contender.IsInTargets).ToList();
        IReadOnlyList<BenchProject> generated = [new BenchProject("generated", Path.Combine(work, "projects"), reference => GeneratedProject(corpus, reference))];
        suites.Add(new Suite("Generated corpus (command lines recorded earlier)", [], [], await OneThreadReplayBench.RunAsync(work, generated, recorded, replayRounds, Progress)));
        if (flags.Contains("--real-code"))
        {
            var realCode = await RealCodeCorpus.ExistingAsync(Path.Combine(work, "realcode"));
            suites.Add(new Suite("Real code (command lines recorded earlier)", [], [], await OneThreadReplayBench.RunAsync(work, realCode.Projects, recorded, replayRounds, Progress)));
        }
    }
    else if (!flags.Contains("--no-builds"))
    {
        var feed = Path.Combine(work, "feed");
        var packages = Path.Combine(work, "packages");
        Progress("packing PleoUxGuard.Analyzers");
        if (Directory.Exists(feed))
        {
            Directory.Delete(feed, recursive: true);
        }

        await Cli.DotnetAsync(repository, "pack", Path.Combine(repository, "src", "Package", "PleoUxGuard.Analyzers.Package.csproj"),
            "-c", "Release", "-o", feed, "-nologo", "-tl:off", "-v:q");

        // A stale copy of our package (same version, older build) must never be restored.
        if (Directory.Exists(Path.Combine(packages, "pleouxguard.analyzers")))
        {
            Directory.Delete(Path.Combine(packages, "pleouxguard.analyzers"), recursive: true);
        }

        BuildBench.Isolation(work, feed, packages);
        var peers = settings.TryGetValue("--peers", out var named) ? named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var contenders = Contender.All(PackedVersion(feed))
            .Where(contender => contender.IsBaseline || contender.PackageId == Contender.OurPackageId
                || (!flags.Contains("--no-peers") && (peers is null || peers.Contains(contender.PackageId, StringComparer.OrdinalIgnoreCase))))
            .ToList();

        async Task<Suite> MeasureAsync(string title, IReadOnlyList<BenchProject> projects)
        {
            var builds = await new BuildBench(work, projects).RunAsync(contenders, rounds, Progress);
            IReadOnlyList<ReplayRuns> replays = [];
            IReadOnlyList<OneThreadRuns> oneThread = [];
            if (replayRounds > 0)
            {
                var replayed = contenders.Where(contender => contender.IsInTargets).ToList();
                replays = await ReplayBench.RunAsync(work, projects, replayed, replayRounds, Progress, comparedBuild);
                oneThread = await OneThreadReplayBench.RunAsync(work, projects, replayed, replayRounds, Progress);
            }

            return new Suite(title, builds, replays, oneThread);
        }

        var generatedProjects = Directory.CreateDirectory(Path.Combine(work, "projects")).FullName;
        suites.Add(await MeasureAsync(
            Report.Invariant($"Generated corpus: {corpus.Lines:N0} lines in {corpus.Files} files"),
            [new BenchProject("generated", generatedProjects, reference => GeneratedProject(corpus, reference))]));
        if (flags.Contains("--real-code"))
        {
            try
            {
                var realCode = await RealCodeCorpus.FetchAsync(repository, Path.Combine(work, "realcode"), Progress);
                BuildBench.Isolation(realCode.Directory, feed, packages);
                suites.Add(await MeasureAsync(
                    Report.Invariant($"Real code: {realCode.Lines:N0} lines in {realCode.Files} files of {string.Join(", ", realCode.Projects.Select(project => project.Name))}, one build per library, summed per contender and round"),
                    realCode.Projects));
            }
            catch (InvalidOperationException exception)
            {
                // The generated corpus's results stand on their own; say why the second corpus has none.
                Console.Error.WriteLine($"real-code corpus stopped: {exception.Message}");
                suites.Add(new Suite("Real code: not measured (see the error above)", [], [], []));
            }
        }
    }

    var inProcess = flags.Contains("--no-in-process") || flags.Contains("--one-thread-only") ? null : await InProcessBench.RunAsync(corpus, rounds, Progress);

    var markdown = Report.Markdown(corpus, rounds, ourRules, suites, inProcess);
    File.WriteAllText(Path.Combine(work, "results.md"), markdown);
    File.WriteAllText(Path.Combine(work, "results.json"), JsonSerializer.Serialize(
        new
        {
            corpus = new { corpus.Files, corpus.Lines, corpus.LargeFileLines },
            rounds,
            ourRules,
            suites = suites.Select(suite => new
            {
                suite.Title,
                builds = suite.Builds.Select(run => new { contender = run.Contender.Name, reports = run.Reports }),
                replays = suite.Replays.Select(run => new { contender = run.Contender.Name, reports = run.Reports, oneFileReports = run.OneFileReports }),
                oneThread = suite.OneThread.Select(run => new { contender = run.Contender.Name, analyzerSeconds = run.AnalyzerSeconds, compileSeconds = run.CompileSeconds, diagnostics = run.Diagnostics }),
            }),
            inProcess,
        },
        new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine(markdown);
    return 0;
}
catch (InvalidOperationException exception)
{
    Console.Error.WriteLine($"benchmark stopped: {exception.Message}");
    return 1;
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "PleoUxGuard.sln")))
        {
            return directory.FullName;
        }
    }

    throw new UnreachableException("Run the benchmark from a checkout: no PleoUxGuard.sln above " + AppContext.BaseDirectory);
}

// One project for every contender, compiling the corpus against the ASP.NET Core shared framework.
static string GeneratedProject(GeneratedCorpus corpus, string reference) => $"""
    <Project Sdk="Microsoft.NET.Sdk">
      <PropertyGroup>
        <TargetFramework>net10.0</TargetFramework>
        <Nullable>enable</Nullable>
        <ImplicitUsings>disable</ImplicitUsings>
        <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
        <!-- Only the contender's analyzers: the SDK's own code-quality analyzers stay off everywhere. -->
        <EnableNETAnalyzers>false</EnableNETAnalyzers>
      </PropertyGroup>
      <ItemGroup>
        <FrameworkReference Include="Microsoft.AspNetCore.App" />
        <Compile Include="{corpus.Directory}/*.cs" />
        {reference}
      </ItemGroup>
    </Project>
    """;

static string PackedVersion(string feed)
{
    using var archive = ZipFile.OpenRead(Directory.GetFiles(feed, "PleoUxGuard.Analyzers.*.nupkg").Single());
    using var nuspec = archive.GetEntry("PleoUxGuard.Analyzers.nuspec")!.Open();
    return XDocument.Load(nuspec).Descendants().Single(element => element.Name.LocalName == "version").Value;
}
