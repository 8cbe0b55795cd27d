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
    public async Task Analyzer_and_code_fix_assemblies_are_the_only_assemblies_and_sit_under_analyzers_dotnet_cs()
    {
        var package = await builds.Package;

        var assemblies = package.Entries().Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order();
        Assert.Equal(
            ["analyzers/dotnet/cs/PleoUxGuard.Analyzers.dll", "analyzers/dotnet/cs/PleoUxGuard.CodeFixes.dll"],
            assemblies);
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
