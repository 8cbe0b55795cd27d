namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ConsumerBuildCollection : ICollectionFixture<ConsumerBuilds>
{
    public const string Name = "Consumer builds";
}

/// <summary>
/// Packs the analyzer once per test run and builds each consumer project at most once, on first use:
/// a real build costs seconds, so many cases share a build and each test reads its part of the result.
/// </summary>
public sealed class ConsumerBuilds : IDisposable
{
    private readonly string runDirectory = Path.Combine(Path.GetTempPath(), "pleouxguard-consumers-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task<PackedPackage>> package;
    private readonly Lazy<Task<ConsumerBuild>> consoleApp;
    private readonly Lazy<Task<ConsumerBuild>> strictConsoleApp;
    private readonly Lazy<Task<ConsumerBuild>> razorPagesApp;
    private readonly Lazy<Task<ConsumerBuild>> ilConsoleApp;

    public ConsumerBuilds()
    {
        package = new(() => PackedPackage.PackAsync(Path.Combine(runDirectory, "feed")));
        consoleApp = new(BuildConsoleAppAsync);
        strictConsoleApp = new(BuildStrictConsoleAppAsync);
        razorPagesApp = new(BuildRazorPagesAppAsync);
        ilConsoleApp = new(BuildILConsoleAppAsync);
    }

    /// <summary>The MSBuild property that keeps the package's IL analyzer where the precompiled one would be chosen.</summary>
    internal const string ILOnlySetting = "-p:PleoUxGuardReadyToRun=false";

    private const string SeverityErrorSetting = "dotnet_diagnostic.PUX001.severity = error";

    /// <summary>The path of the SARIF error log the console app's build writes.</summary>
    internal string ConsoleSarifPath => Path.Combine(runDirectory, "ConsoleConsumer.sarif");

    internal Task<PackedPackage> Package => package.Value;

    /// <summary>The console app with every case that still builds: warnings, SARIF, pragmas, SuppressMessage, options.</summary>
    internal Task<ConsumerBuild> ConsoleApp => consoleApp.Value;

    /// <summary>The console app's Program.cs alone, with PUX001 raised to an error: the build must fail.</summary>
    internal Task<ConsumerBuild> StrictConsoleApp => strictConsoleApp.Value;

    internal Task<ConsumerBuild> RazorPagesApp => razorPagesApp.Value;

    /// <summary>The console app built with the IL analyzer only (<see cref="ILOnlySetting"/>), to compare with the precompiled one.</summary>
    internal Task<ConsumerBuild> ILConsoleApp => ilConsoleApp.Value;

    /// <summary>A fresh console app from the ConsoleApp template (only the files <paramref name="includeFile"/> keeps), not built.</summary>
    internal Task<ConsumerProject> CreateConsoleAppAsync(string name, Func<string, bool>? includeFile = null) =>
        CreateAsync(name, ConsumerKind.ConsoleApp, AnalyzerReference.WrittenByHand, "ConsoleApp", includeFile);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PLEOUXGUARD_KEEP_CONSUMERS") != "1" && Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }

    private async Task<ConsumerProject> CreateAsync(
        string name, ConsumerKind kind, AnalyzerReference reference, string template, Func<string, bool>? includeFile = null) =>
        await ConsumerProject.CreateAsync(
            Path.Combine(runDirectory, name), kind, reference, template, await Package, Path.Combine(runDirectory, "packages"), includeFile);

    private async Task<ConsumerBuild> BuildConsoleAppAsync()
    {
        var project = await CreateAsync("ConsoleConsumer", ConsumerKind.ConsoleApp, AnalyzerReference.AddedByCli, "ConsoleApp");
        // MSBuild reads a comma on the command line as a property separator, hence the escaped %2C.
        return await project.BuildAsync($"-p:ErrorLog={ConsoleSarifPath}%2Cversion=2.1");
    }

    private async Task<ConsumerBuild> BuildStrictConsoleAppAsync()
    {
        var project = await CreateAsync("StrictConsumer", ConsumerKind.ConsoleApp, AnalyzerReference.WrittenByHand, "ConsoleApp", file => file == "Program.cs");
        project.WriteFile(".editorconfig", $"root = true\n\n[*.cs]\n{SeverityErrorSetting}\n");
        return await project.BuildAsync();
    }

    private async Task<ConsumerBuild> BuildILConsoleAppAsync()
    {
        var project = await CreateAsync("ILConsoleConsumer", ConsumerKind.ConsoleApp, AnalyzerReference.AddedByCli, "ConsoleApp");
        return await project.BuildAsync(ILOnlySetting);
    }

    private async Task<ConsumerBuild> BuildRazorPagesAppAsync()
    {
        var project = await CreateAsync("RazorPagesConsumer", ConsumerKind.RazorPagesApp, AnalyzerReference.WrittenByHand, "RazorPagesApp");
        return await project.BuildAsync();
    }
}
