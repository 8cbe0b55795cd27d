using System.Text.Json;
using PleoUxGuard.AnalyzerCost.Builds;

namespace PleoUxGuard.AnalyzerCost.Corpus;

/// <summary>
/// Real public code next to the generated corpus: Json.NET 6.0.8, Apache log4net 1.2.10 and the NUnit 2.6.4
/// framework, the upstream tarballs of Debian's source packages (the only source host this machine reaches),
/// each compiled as it stands by a small project file (RealCode/fetch.sh says what each needs and why).
/// </summary>
internal sealed record RealCodeCorpus(string Directory, IReadOnlyList<BenchProject> Projects, int Files, int Lines)
{
    public static async Task<RealCodeCorpus> FetchAsync(string repository, string directory, Action<string> progress)
    {
        progress("fetching the real-code corpus from Debian's source archive");
        var script = Path.Combine(repository, "bench", "AnalyzerCost", "RealCode", "fetch.sh");
        await Cli.RunAsync("bash", repository, [script, directory]);

        return await ExistingAsync(directory);
    }

    /// <summary>The corpus a fetch left in <paramref name="directory"/> earlier, as it stands (nothing fetched or reset).</summary>
    public static async Task<RealCodeCorpus> ExistingAsync(string directory)
    {
        var projects = new List<BenchProject>();
        var (files, lines) = (0, 0);
        foreach (var project in System.IO.Directory.GetFiles(directory, "*.Bench.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(project)[..^".Bench.csproj".Length];
            projects.Add(new BenchProject(name, Path.GetDirectoryName(project)!, BenchProject.AddingReferenceTo(File.ReadAllText(project))));
            foreach (var source in await CompiledUpstreamFilesAsync(project))
            {
                files++;
                lines += File.ReadLines(source).Count();
            }
        }

        return projects.Count > 0
            ? new RealCodeCorpus(directory, projects, files, lines)
            : throw new InvalidOperationException($"no *.Bench.csproj under {directory}: run the benchmark with --real-code first.");
    }

    /// <summary>The files MSBuild compiles for the project, without the few compatibility files the benchmark adds.</summary>
    private static async Task<IEnumerable<string>> CompiledUpstreamFilesAsync(string project)
    {
        var json = await Cli.DotnetAsync(Path.GetDirectoryName(project)!, "msbuild", project, "-nologo", "-getItem:Compile", "-p:Configuration=Release");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .Where(path => !path.Contains("/bench-compat/", StringComparison.Ordinal))
            .ToList();
    }
}
