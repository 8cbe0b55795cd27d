using System.Diagnostics;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>One replay of a contender's compiler command line: wall time and each analyzer assembly's time.</summary>
internal sealed record ReplayReport(double WallSeconds, IReadOnlyDictionary<string, double> AssemblySeconds)
{
    public double SecondsFor(Contender contender) => contender.SecondsIn(AssemblySeconds);
}

/// <summary>The replays of one contender, one per round.</summary>
internal sealed record ReplayRuns(Contender Contender, List<ReplayReport> Reports);

/// <summary>
/// Replays the compiler command line each contender's build recorded, with <c>/parallel-</c>: one thread
/// compiles and analyzers do not compete with compiler threads for the two cores, so an analyzer's
/// reported time is close to the processor time it used. The builds' own figures (compiler and analyzers
/// running concurrently) include time an analyzer callback waited for a core, which on a loaded 2-core
/// machine varies by tens of percent from one build to the next.
/// </summary>
internal static class ReplayBench
{
    public static async Task<IReadOnlyList<ReplayRuns>> RunAsync(
        string workDirectory, IReadOnlyList<BenchProject> projects, IReadOnlyList<Contender> contenders, int rounds, Action<string> progress)
    {
        var replays = Directory.CreateDirectory(Path.Combine(workDirectory, "replay"));
        var commands = new Dictionary<(Contender, BenchProject), (string FileName, string[] Prefix, string ResponseFile)>();
        foreach (var contender in contenders)
        {
            foreach (var project in projects)
            {
                var log = Path.Combine(workDirectory, "logs", project.LogFileName(contender, round: 1));
                var line = File.ReadLines(log).FirstOrDefault(text => text.Contains(" /noconfig ", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"No compiler command line in {log}.");
                var start = line.IndexOf(" /noconfig ", StringComparison.Ordinal);
                var command = line[..start].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var responseFile = Path.Combine(replays.FullName, $"{project.Name}.{contender.Slug}.rsp");
                File.WriteAllText(responseFile, line[(start + 1)..]);
                commands[(contender, project)] = (command[0], command[1..], responseFile);
            }
        }

        var runs = contenders.Select(contender => new ReplayRuns(contender, [])).ToList();
        foreach (var (round, run) in Rotation.Of(runs, rounds))
        {
            var reports = new List<ReplayReport>();
            foreach (var project in projects)
            {
                progress($"replay {round + 1}/{rounds}: compiling {project.Name} with {run.Contender.Name}, one thread");
                var (fileName, prefix, responseFile) = commands[(run.Contender, project)];
                reports.Add(await ReplayAsync(fileName, [.. prefix, "@" + responseFile, "/parallel-"], project.Directory));
            }

            run.Reports.Add(new ReplayReport(
                reports.Sum(report => report.WallSeconds), AnalyzerReport.SumAssemblies(reports.Select(report => report.AssemblySeconds))));
        }

        return runs;
    }

    private static async Task<ReplayReport> ReplayAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var clock = Stopwatch.StartNew();
        var output = await Cli.RunAsync(fileName, workingDirectory, arguments);
        clock.Stop();
        return new ReplayReport(clock.Elapsed.TotalSeconds, AnalyzerReport.ParseAssemblies(output));
    }
}
