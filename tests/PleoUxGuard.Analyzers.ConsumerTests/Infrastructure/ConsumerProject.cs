namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>The two kinds of application a team adds the analyzer to.</summary>
internal enum ConsumerKind
{
    ConsoleApp,
    RazorPagesApp,
}

/// <summary>How the consumer references the package.</summary>
internal enum AnalyzerReference
{
    /// <summary>`dotnet add package`, as the installation page says: it honours developmentDependency.</summary>
    AddedByCli,

    /// <summary>A plain PackageReference written into the project file.</summary>
    WrittenByHand,
}

/// <summary>The result of building a consumer project: the CLI's result and the PUX lines it printed.</summary>
internal sealed record ConsumerBuild(ConsumerProject Project, CommandResult Command, IReadOnlyList<BuildMessage> Messages)
{
    /// <summary>The diagnostics at a place in the sources.</summary>
    public IReadOnlySet<ReportedDiagnostic> Diagnostics =>
        Messages.Select(message => message.Diagnostic).Where(diagnostic => diagnostic.HasLocation).ToHashSet();

    /// <summary>The diagnostics about the project as a whole, such as PUX000.</summary>
    public IReadOnlyList<BuildMessage> ProjectMessages => Messages.Where(message => !message.Diagnostic.HasLocation).ToList();
}

/// <summary>
/// A throwaway application outside the repository (so none of our build settings leak in) that references
/// the packed analyzer by version, exactly as a team would, and restores it from the local feed next to
/// the normal registry. Its sources come from a template folder under Consumers/.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly string packagesFolder;

    private ConsumerProject(string directory, string name, string packagesFolder)
    {
        Directory = directory;
        Name = name;
        this.packagesFolder = packagesFolder;
    }

    /// <summary>Build and pack default to different configurations; the consumer uses one for both.</summary>
    public const string Configuration = "Debug";

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static async Task<ConsumerProject> CreateAsync(
        string directory,
        ConsumerKind kind,
        AnalyzerReference reference,
        string template,
        PackedPackage package,
        string packagesFolder,
        Func<string, bool>? includeFile = null)
    {
        var name = Path.GetFileName(directory);
        System.IO.Directory.CreateDirectory(directory);
        var templateDirectory = Path.Combine(AppContext.BaseDirectory, "Consumers", template);
        foreach (var source in System.IO.Directory.EnumerateFiles(templateDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = ConsumerPaths.Relative(templateDirectory, source);
            if (includeFile is null || includeFile(relative))
            {
                var target = Path.Combine(directory, relative);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        var handWrittenReference = reference == AnalyzerReference.WrittenByHand
            ? $"""<PackageReference Include="{PackedPackage.Id}" Version="{package.Version}" />"""
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), ProjectXml(kind, handWrittenReference));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(package.Feed));
        var project = new ConsumerProject(directory, name, packagesFolder);
        if (reference == AnalyzerReference.AddedByCli)
        {
            var add = await project.RunAsync(["add", project.ProjectFile, "package", PackedPackage.Id, "--version", package.Version]);
            if (add.ExitCode != 0)
            {
                throw new InvalidOperationException("Adding the package to the consumer failed. " + add.Describe());
            }
        }

        return project;
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public IReadOnlySet<ReportedDiagnostic> ExpectedDiagnostics() => Infrastructure.ExpectedDiagnostics.In(Directory);

    public async Task<ConsumerBuild> BuildAsync(params string[] extraArguments)
    {
        var command = await RunAsync(["build", ProjectFile, "-c", Configuration, "-nologo", "-tl:off", "-nodeReuse:false", "-v:m", .. extraArguments]);
        return new ConsumerBuild(this, command, BuildOutput.ReadPuxMessages(command.Output, Directory));
    }

    public Task<CommandResult> RunAsync(IReadOnlyList<string> arguments) =>
        Dotnet.RunAsync(Directory, arguments, new Dictionary<string, string>
        {
            // Our package is extracted into a folder of this test run only, so a stale copy of the same
            // version in the machine's package cache can never be picked up instead of the fresh pack.
            ["NUGET_PACKAGES"] = packagesFolder,
        });

    private static string ProjectXml(ConsumerKind kind, string analyzerReference)
    {
        var (sdk, registryPackage) = kind switch
        {
            // Configuration.Abstractions for pleouxguard.public_settings, which judges configuration reads.
            ConsumerKind.ConsoleApp => ("Microsoft.NET.Sdk",
                """<PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" /><PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="10.0.0" />"""),
            ConsumerKind.RazorPagesApp => ("Microsoft.NET.Sdk.Web", string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        return $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {analyzerReference}
                {registryPackage}
              </ItemGroup>
            </Project>
            """;
    }

    // No <clear />: the machine's own sources (the normal registry) stay, and the local feed is added.
    private static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="pleouxguard-local" value="{feed}" />
          </packageSources>
        </configuration>
        """;
}
