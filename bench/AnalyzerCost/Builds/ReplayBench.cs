using System.Diagnostics;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>One replay of a contender's compiler command line: wall time and each analyzer assembly's time.</summary>
internal sealed record ReplayReport(double WallSeconds, IReadOnlyDictionary<string, double> AssemblySeconds)
{
    public double SecondsFor(Contender contender) => contender.SecondsIn(AssemblySeconds);
}

/// <summary>
/// The replays of one contender, one per round: of the corpus, and of one small file compiled with each
/// project's references, options and analyzers (<see cref="OneFile"/>), measured in the same round.
/// </summary>
internal sealed record ReplayRuns(Contender Contender, List<ReplayReport> Reports, List<ReplayReport> OneFileReports);

/// <summary>
/// Replays the compiler command line each contender's build recorded, with <c>/parallel-</c>: the compiler
/// binds and emits on one thread instead of one per core, so far fewer threads compete with the analyzer
/// callbacks (which the driver still runs on thread-pool workers beside it) and an analyzer's reported
/// time comes closer to the processor time it used. The builds' own figures (compiler threads on every
/// core) include more time a callback waited for a core, which on a loaded 2-core machine varies by tens
/// of percent from one build to the next.
/// </summary>
/// <remarks>
/// Each compiler process loads and JIT-compiles every analyzer afresh and resolves its symbols once per
/// compilation; a corpus of three small libraries pays that three times. The one-file replays measure that
/// part alone: the same command line with the project's sources replaced by <see cref="OneFile"/>.
/// </remarks>
internal static class ReplayBench
{
    /// <summary>The one source file of the one-file replays: a method body with a log call and an exception, so every analyzer's per-body path runs once.</summary>
    public const string OneFile = """
        namespace PleoUxGuard.AnalyzerCost.OneFile
        {
            public static class Probe
            {
                public static string Describe(string name, int count)
                {
                    if (count < 0)
                    {
                        throw new System.ArgumentOutOfRangeException(nameof(count), "The count cannot be negative.");
                    }

                    System.Console.WriteLine("Describing " + name);
                    return name + ": " + count;
                }
            }
        }
        """;

    /// <summary>The file name of our analyzer assembly in a build or in the package.</summary>
    public const string OurAssemblyFileName = "PleoUxGuard.Analyzers.dll";

    /// <param name="comparedBuild">Another build of our analyzer assembly, replayed with our package's command lines in the same rounds (null for none).</param>
    public static async Task<IReadOnlyList<ReplayRuns>> RunAsync(
        string workDirectory,
        IReadOnlyList<BenchProject> projects,
        IReadOnlyList<Contender> contenders,
        int rounds,
        Action<string> progress,
        string? comparedBuild = null)
    {
        var replays = Directory.CreateDirectory(Path.Combine(workDirectory, "replay"));
        var oneFile = Path.Combine(replays.FullName, "OneFile.cs");
        File.WriteAllText(oneFile, OneFile);
        var commands = new Dictionary<(Contender, BenchProject), (string FileName, string[] Prefix, string ResponseFile, string OneFileResponseFile)>();
        var ours = contenders.Single(contender => contender.IsOurPackage);
        var compared = comparedBuild is null ? null : ours.ComparedWith(comparedBuild);
        foreach (var contender in compared is null ? contenders : [.. contenders, compared])
        {
            foreach (var project in projects)
            {
                // The compared build replays our package's command lines with its own assembly in place of ours.
                var log = Path.Combine(workDirectory, "logs", project.LogFileName(contender == compared ? ours : contender, round: 1));
                var line = File.ReadLines(log).FirstOrDefault(text => text.Contains(" /noconfig ", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"No compiler command line in {log}.");
                var start = line.IndexOf(" /noconfig ", StringComparison.Ordinal);
                var command = line[..start].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var commandLine = contender == compared ? WithAnalyzerAssembly(line[(start + 1)..], comparedBuild!) : line[(start + 1)..];
                var responseFile = ResponseFile(workDirectory, project, contender);
                File.WriteAllText(responseFile, commandLine);
                var oneFileResponseFile = Path.Combine(replays.FullName, $"{project.Name}.{contender.Slug}.one-file.rsp");
                var outputs = Directory.CreateDirectory(Path.Combine(replays.FullName, "one-file", project.Name, contender.Slug)).FullName;
                File.WriteAllText(oneFileResponseFile, OneFileCommandLine(commandLine, project.Directory, oneFile, outputs));
                commands[(contender, project)] = (command[0], command[1..], responseFile, oneFileResponseFile);
            }
        }

        var runs = commands.Keys.Select(key => key.Item1).Distinct().Select(contender => new ReplayRuns(contender, [], [])).ToList();
        foreach (var (round, run) in Rotation.Of(runs, rounds))
        {
            var reports = new List<ReplayReport>();
            var oneFileReports = new List<ReplayReport>();
            foreach (var project in projects)
            {
                progress($"replay {round + 1}/{rounds}: compiling {project.Name} with {run.Contender.Name}, one thread, then one file with its command line");
                var (fileName, prefix, responseFile, oneFileResponseFile) = commands[(run.Contender, project)];
                reports.Add(await ReplayAsync(fileName, [.. prefix, "@" + responseFile, "/parallel-"], project.Directory));
                oneFileReports.Add(await ReplayAsync(fileName, [.. prefix, "@" + oneFileResponseFile, "/parallel-"], project.Directory));
            }

            run.Reports.Add(Sum(reports));
            run.OneFileReports.Add(Sum(oneFileReports));
        }

        return runs;
    }

    /// <summary>Where the command line <paramref name="contender"/>'s build of <paramref name="project"/> recorded is kept for replaying.</summary>
    public static string ResponseFile(string workDirectory, BenchProject project, Contender contender) =>
        Path.Combine(workDirectory, "replay", $"{project.Name}.{contender.Slug}.rsp");

    /// <summary>The command line with our analyzer assembly's <c>/analyzer:</c> argument pointing at <paramref name="assembly"/> instead.</summary>
    internal static string WithAnalyzerAssembly(string commandLine, string assembly)
    {
        var replaced = 0;
        var tokens = Tokens(commandLine).Select(token =>
        {
            var bare = Unquoted(token);
            if (bare.StartsWith("/analyzer:", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetFileName(bare["/analyzer:".Length..]), OurAssemblyFileName, StringComparison.OrdinalIgnoreCase))
            {
                replaced++;
                return Quote("/analyzer:" + assembly);
            }

            return token;
        }).ToList();
        return replaced == 1
            ? string.Join(' ', tokens)
            : throw new InvalidOperationException($"Expected one /analyzer: argument for {OurAssemblyFileName} in our package's command line, found {replaced}.");
    }

    private static ReplayReport Sum(List<ReplayReport> reports) =>
        new(reports.Sum(report => report.WallSeconds), AnalyzerReport.SumAssemblies(reports.Select(report => report.AssemblySeconds)));

    /// <summary>
    /// The recorded command line with its sources and additional files replaced by <paramref name="oneFile"/>
    /// and its outputs sent to <paramref name="outputs"/> (the corpus build's outputs stay as they are).
    /// </summary>
    /// <remarks>MSBuild writes one argument per token and quotes a token holding a space, so splitting on spaces outside quotes gives the arguments back.</remarks>
    internal static string OneFileCommandLine(string commandLine, string projectDirectory, string oneFile, string outputs)
    {
        var kept = new List<string>();
        foreach (var token in Tokens(commandLine))
        {
            var bare = Unquoted(token);
            if (bare.StartsWith("/additionalfile:", StringComparison.OrdinalIgnoreCase)
                || (bare.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(projectDirectory, bare))))
            {
                continue;
            }

            kept.Add(bare.Split(':', 2) switch
            {
                ["/out", var path] => Quote("/out:" + Path.Combine(outputs, Path.GetFileName(path))),
                ["/refout", var path] => Quote("/refout:" + Path.Combine(outputs, "ref-" + Path.GetFileName(path))),
                ["/doc", var path] => Quote("/doc:" + Path.Combine(outputs, Path.GetFileName(path))),
                _ => token,
            });
        }

        kept.Add(Quote(oneFile));
        return string.Join(' ', kept);
    }

    private static string Unquoted(string token) => token.Replace("\"", string.Empty, StringComparison.Ordinal);

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? '"' + argument + '"' : argument;

    private static IEnumerable<string> Tokens(string commandLine)
    {
        var start = -1;
        var quoted = false;
        for (var index = 0; index <= commandLine.Length; index++)
        {
            var end = index == commandLine.Length || (commandLine[index] == ' ' && !quoted);
            if (end)
            {
                if (start >= 0)
                {
                    yield return commandLine[start..index];
                }

                start = -1;
                continue;
            }

            quoted ^= commandLine[index] == '"';
            if (start < 0)
            {
                start = index;
            }
        }
    }

    private static async Task<ReplayReport> ReplayAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var clock = Stopwatch.StartNew();
        var output = await Cli.RunAsync(fileName, workingDirectory, arguments);
        clock.Stop();
        return new ReplayReport(clock.Elapsed.TotalSeconds, AnalyzerReport.ParseAssemblies(output));
    }
}
