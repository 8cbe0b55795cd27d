using System.Xml.Linq;
using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

[Collection(ConsumerBuildCollection.Name)]
public sealed class PackageTests(ConsumerBuilds builds)
{
    [Fact]
    public async Task Package_version_comes_from_the_version_prefix_in_Directory_Build_props()
    {
        var package = await builds.Package;

        var versionPrefix = XDocument.Load(RepositoryRoot.Combine("Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;
        Assert.Equal(versionPrefix, package.Version);
        Assert.Equal($"{PackedPackage.Id}.{versionPrefix}.nupkg", Path.GetFileName(package.NupkgPath));
    }

    [Fact]
    public async Task Analyzer_and_code_fix_assemblies_sit_under_analyzers_dotnet_cs_and_the_precompiled_analyzer_beside_the_build_targets()
    {
        var package = await builds.Package;

        var files = package.Entries().Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || entry.StartsWith("build/", StringComparison.Ordinal)).Order();
        Assert.Equal(
            [
                "analyzers/dotnet/cs/PleoUxGuard.Analyzers.dll",
                "analyzers/dotnet/cs/PleoUxGuard.CodeFixes.dll",
                "build/PleoUxGuard.Analyzers.targets",
                ReadyToRunTests.PrecompiledEntry,
            ],
            files);
    }

    [Fact]
    public async Task Package_is_a_development_dependency_with_no_dependencies_a_license_and_a_readme()
    {
        var package = await builds.Package;

        Assert.Equal("true", package.Metadata("developmentDependency"));
        Assert.Null(package.Metadata("dependencies"));
        Assert.Equal("MIT", package.Metadata("license"));
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(
            File.ReadAllText(RepositoryRoot.Combine("src", "Package", "README.md")),
            package.ReadEntry("README.md"));
    }
}
