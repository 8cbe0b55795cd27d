using PleoUxGuard.AnalyzerCost.Corpus;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>The measurements of one contender: one analyzer report per round.</summary>
internal sealed record ContenderRuns(Contender Contender, List<AnalyzerReport> Reports);

/// <summary>
/// Builds the corpus once per contender per round, with nothing but that contender's package added, and
/// reads the compiler's own analyzer timing. Rounds visit the contenders in a rotated order, so drift in
/// the machine's load spreads over all of them instead of landing on one.
/// </summary>
internal sealed class BuildBench(string workDirectory, GeneratedCorpus corpus, string localFeed)
{
    private string ProjectsDirectory => Path.Combine(workDirectory, "projects");

    private string PackagesDirectory => Path.Combine(workDirectory, "packages");

    public async Task<IReadOnlyList<ContenderRuns>> RunAsync(IReadOnlyList<Contender> contenders, int rounds, Action<string> progress)
    {
        WriteIsolation();
        // A stale copy of our package (same version, older build) must never be restored.
        var ourCache = Path.Combine(PackagesDirectory, "pleouxguard.analyzers");
        if (Directory.Exists(ourCache))
        {
            Directory.Delete(ourCache, recursive: true);
        }

        foreach (var contender in contenders)
        {
            var project = WriteProject(contender);
            progress($"restoring {contender.Name}");
            await Cli.DotnetAsync(ProjectsDirectory, "restore", project, "-nologo", "-tl:off", "-v:q");
        }

        var runs = contenders.Select(contender => new ContenderRuns(contender, [])).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var index = 0; index < runs.Count; index++)
            {
                var run = runs[(index + round) % runs.Count];
                progress($"round {round + 1}/{rounds}: building with {run.Contender.Name}");
                var output = await Cli.DotnetAsync(
                    ProjectsDirectory,
                    "build", ProjectPath(run.Contender), "--no-restore", "--no-incremental", "-c", "Release",
                    "-nologo", "-tl:off", "-nodeReuse:false", "-v:d", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true");
                var logs = Directory.CreateDirectory(Path.Combine(workDirectory, "logs"));
                File.WriteAllText(Path.Combine(logs.FullName, $"{run.Contender.Slug}-round{round + 1}.log"), output);
                run.Reports.Add(AnalyzerReport.Parse(output));
            }
        }

        return runs;
    }

    private string ProjectPath(Contender contender) => Path.Combine(ProjectsDirectory, contender.Slug, contender.Slug + ".csproj");

    private string WriteProject(Contender contender)
    {
        var path = ProjectPath(contender);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var reference = contender.IsBaseline
            ? string.Empty
            : $"""<PackageReference Include="{contender.PackageId}" Version="{contender.Version}" PrivateAssets="all" />""";
        File.WriteAllText(path, $"""
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
            """);
        return path;
    }

    // The work folder may sit inside this repository: keep its build settings, central package versions
    // and .editorconfig away from the benchmark projects and the corpus.
    private void WriteIsolation()
    {
        Directory.CreateDirectory(ProjectsDirectory);
        File.WriteAllText(Path.Combine(workDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(workDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(workDirectory, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(workDirectory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(ProjectsDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
              <packageSources>
                <add key="pleouxguard-local" value="{localFeed}" />
              </packageSources>
            </configuration>
            """);
    }
}
