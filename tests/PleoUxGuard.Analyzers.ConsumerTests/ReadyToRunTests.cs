using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>
/// The package's precompiled (ReadyToRun) analyzer: the same assembly with native code for the compiler of
/// the .NET 10 SDK on Linux x64, chosen by build/PleoUxGuard.Analyzers.targets only where that code can run.
/// </summary>
[Collection(ConsumerBuildCollection.Name)]
public sealed class ReadyToRunTests(ConsumerBuilds builds)
{
    internal const string PrecompiledEntry = "build/readytorun/net10.0/linux-x64/PleoUxGuard.Analyzers.dll";
    private const string ILEntry = "analyzers/dotnet/cs/PleoUxGuard.Analyzers.dll";

    // The PE machine of a ReadyToRun image for Linux: AMD64 combined with the Linux marker.
    private const Machine LinuxX64 = (Machine)(0x8664 ^ 0x7B79);

    [Fact]
    public async Task The_precompiled_analyzer_is_the_IL_analyzer_with_native_code_for_linux_x64()
    {
        var package = await builds.Package;

        var il = Describe(package.ReadBytes(ILEntry));
        var precompiled = Describe(package.ReadBytes(PrecompiledEntry));

        Assert.False(il.HasNativeCode, "the IL copy must stay portable");
        Assert.True(precompiled.HasNativeCode, "the precompiled copy must carry a ReadyToRun header");
        Assert.Equal(LinuxX64, precompiled.Machine);
        // The same module (its build id and version), so the compiler loads the same analyzer either way.
        Assert.Equal(il.Mvid, precompiled.Mvid);
        Assert.Equal(il.Version, precompiled.Version);
    }

    [Fact]
    public async Task A_build_by_the_dotnet_10_SDK_on_linux_x64_hands_the_compiler_the_precompiled_copy_and_elsewhere_the_IL_one()
    {
        var project = await builds.CreateConsoleAppAsync("AnalyzerChoice", file => file == "Program.cs");

        var chosen = await OurAnalyzerAsync(project);

        var canRun = OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && Environment.Version.Major == 10;
        Assert.EndsWith(canRun ? PrecompiledEntry : ILEntry, chosen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConsumerBuilds.ILOnlySetting)]
    [InlineData("-p:NETCoreSdkPortableRuntimeIdentifier=win-x64")]
    [InlineData("-p:NETCoreSdkPortableRuntimeIdentifier=linux-arm64")]
    [InlineData("-p:BundledNETCoreAppTargetFrameworkVersion=9.0")]
    public async Task The_opt_out_another_platform_or_another_runtime_keeps_the_IL_copy(string setting)
    {
        var project = await builds.CreateConsoleAppAsync("AnalyzerChoice" + new string(setting.Where(char.IsLetterOrDigit).ToArray()), file => file == "Program.cs");

        var chosen = await OurAnalyzerAsync(project, setting);

        Assert.EndsWith(ILEntry, chosen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_precompiled_and_the_IL_analyzer_report_the_same_diagnostics_on_the_console_app()
    {
        var precompiled = await builds.ConsoleApp;
        var il = await builds.ILConsoleApp;

        Assert.NotEmpty(precompiled.Diagnostics);
        Assert.Equal(il.Diagnostics.Order(), precompiled.Diagnostics.Order());
        Assert.Equal(
            il.ProjectMessages.Select(message => message.Text).Order(),
            precompiled.ProjectMessages.Select(message => message.Text).Order());
    }

    /// <summary>The full path of the PleoUxGuard.Analyzers assembly the build passes to the compiler.</summary>
    private static async Task<string> OurAnalyzerAsync(ConsumerProject project, params string[] settings)
    {
        var result = await project.RunAsync(["msbuild", project.ProjectFile, "-restore", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nologo", "-v:q", .. settings]);
        Assert.True(result.ExitCode == 0, result.Describe());
        using var items = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return items.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .Single(path => Path.GetFileName(path) == "PleoUxGuard.Analyzers.dll");
    }

    private static (bool HasNativeCode, Machine Machine, Guid Mvid, Version Version) Describe(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        var metadata = reader.GetMetadataReader();
        return (
            reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0,
            reader.PEHeaders.CoffHeader.Machine,
            metadata.GetGuid(metadata.GetModuleDefinition().Mvid),
            metadata.GetAssemblyDefinition().Version);
    }
}
