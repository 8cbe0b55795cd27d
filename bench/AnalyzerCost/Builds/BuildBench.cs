namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>The measurements of one contender: one analyzer report per round, summed over the corpus's projects.</summary>
internal sealed record ContenderRuns(Contender Contender, List<AnalyzerReport> Reports);

/// <summary>
/// Builds a corpus's projects once per contender per round, with nothing but that contender's package added,
/// and reads the compiler's own analyzer timing. Rounds visit the contenders in a rotated order, so drift in
/// the machine's load spreads over all of them instead of landing on one.
/// </summary>
internal sealed class BuildBench(string workDirectory, IReadOnlyList<BenchProject> projects)
{
    public async Task<IReadOnlyList<ContenderRuns>> RunAsync(IReadOnlyList<Contender> contenders, int rounds, Action<string> progress)
    {
        foreach (var contender in contenders)
        {
            foreach (var project in projects)
            {
                var path = project.PathFor(contender);
                var reference = contender.IsBaseline
                    ? string.Empty
                    : $"""<PackageReference Include="{contender.PackageId}" Version="{contender.Version}" PrivateAssets="all" />""";
                if (contender.GlobalConfig is { } globalConfig)
                {
                    var configPath = Path.ChangeExtension(path, ".globalconfig");
                    File.WriteAllText(configPath, globalConfig);
                    reference += "\n    " + $"""<GlobalAnalyzerConfigFiles Include="{configPath}" />""";
                }

                File.WriteAllText(path, project.Render(reference));
                progress($"restoring {project.Name} for {contender.Name}");
                await Cli.DotnetAsync(project.Directory, "restore", path, "-nologo", "-tl:off", "-v:q");
            }
        }

        var logs = Directory.CreateDirectory(Path.Combine(workDirectory, "logs"));
        var runs = contenders.Select(contender => new ContenderRuns(contender, [])).ToList();
        foreach (var (round, run) in Rotation.Of(runs, rounds))
        {
            var reports = new List<AnalyzerReport>();
            foreach (var project in projects)
            {
                progress($"round {round + 1}/{rounds}: building {project.Name} with {run.Contender.Name}");
                string[] arguments =
                [
                    "build", project.PathFor(run.Contender), "--no-restore", "--no-incremental", "-c", "Release",
                    "-nologo", "-tl:off", "-nodeReuse:false", "-v:d", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true",
                ];
                var (exitCode, output) = await Cli.TryRunAsync("dotnet", project.Directory, arguments);
                File.WriteAllText(Path.Combine(logs.FullName, project.LogFileName(run.Contender, round + 1)), output);

                // A peer may fail a build of real code with its own rules' default error severity (Meziantou's
                // MA0049 on log4net): the compiler still ran every analyzer, only emit was skipped. A compiler
                // error is a broken benchmark.
                var report = AnalyzerReport.Parse(output);
                if (exitCode != 0 && (report.AnalyzerErrors == 0 || output.Contains(": error CS", StringComparison.Ordinal)
                    || (!run.Contender.IsBaseline && report.SecondsFor(run.Contender) == 0)))
                {
                    throw Cli.Failure("dotnet", project.Directory, arguments, exitCode, output);
                }

                reports.Add(report);
            }

            run.Reports.Add(AnalyzerReport.Sum(reports));
        }

        return runs;
    }

    /// <summary>
    /// The work folder may sit inside this repository: keeps its build settings, central package versions and
    /// .editorconfig away from the benchmark projects, gives each project file its own obj/ and bin/ (the
    /// contenders' copies of one project share a folder), and restores from the registry plus our local feed
    /// into a package folder of the benchmark's own.
    /// </summary>
    public static void Isolation(string directory, string localFeed, string packagesDirectory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <BaseIntermediateOutputPath>obj/$(MSBuildProjectName)/</BaseIntermediateOutputPath>
                <BaseOutputPath>bin/$(MSBuildProjectName)/</BaseOutputPath>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesDirectory}" />
              </config>
              <packageSources>
                <add key="pleouxguard-local" value="{localFeed}" />
              </packageSources>
            </configuration>
            """);
    }
}
