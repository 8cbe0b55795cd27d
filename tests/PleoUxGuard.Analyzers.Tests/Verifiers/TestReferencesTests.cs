using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// Every test compiles against what <see cref="TestReferences"/> resolves, so a resolution that silently leaves out
/// a package turns every test of that library's sinks into a wall of compiler errors. This says which package
/// is missing, once.
/// </summary>
/// <remarks>
/// It happened: with the NuGet client at 7.0.3, a first download into an empty package folder returned only the
/// framework's assemblies (see Directory.Packages.props).
/// </remarks>
public sealed class TestReferencesTests
{
    public static TheoryData<string> DefaultAssemblies() => new()
    {
        "System.Runtime",
        "Microsoft.AspNetCore.Mvc.Core",
        "Microsoft.AspNetCore.Http.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Compliance.Abstractions",
        "Serilog",
        "NLog",
        "log4net",
    };

    [Theory]
    [MemberData(nameof(DefaultAssemblies))]
    public async Task The_default_references_hold_every_package_they_name(string assemblyName)
    {
        var names = await AssemblyNamesAsync(TestReferences.Default);

        Assert.Contains(assemblyName, names);
    }

    [Fact]
    public async Task Without_compliance_means_ASP_NET_Core_without_the_compliance_attributes()
    {
        var names = await AssemblyNamesAsync(TestReferences.WithoutCompliance);

        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", names);
        Assert.DoesNotContain("Microsoft.Extensions.Compliance.Abstractions", names);
    }

    [Fact]
    public async Task Blazor_WebAssembly_means_the_WebAssembly_host_and_its_packages_without_the_ASP_NET_Core_shared_framework()
    {
        var names = await AssemblyNamesAsync(TestReferences.BlazorWebAssembly);

        Assert.Contains("Microsoft.AspNetCore.Components.WebAssembly", names);
        Assert.Contains("Microsoft.AspNetCore.Components.WebAssembly.Authentication", names);
        Assert.Contains("Microsoft.Extensions.Configuration.Binder", names);
        Assert.Contains("Microsoft.Extensions.Options.ConfigurationExtensions", names);
        Assert.Contains("Microsoft.JSInterop", names);
        Assert.Contains("System.Net.Http", names);
        Assert.DoesNotContain("Microsoft.AspNetCore.Http.Abstractions", names);
    }

    private static async Task<HashSet<string>> AssemblyNamesAsync(ReferenceAssemblies referenceAssemblies)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return references
            .OfType<PortableExecutableReference>()
            .Select(reference => Path.GetFileNameWithoutExtension(reference.FilePath!))
            .ToHashSet(StringComparer.Ordinal);
    }
}
