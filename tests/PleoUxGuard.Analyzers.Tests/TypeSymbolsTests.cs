using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests;

/// <summary>
/// <see cref="TypeSymbols.FindType"/> answers exactly as <c>GetTypeByMetadataName</c> does; it only skips asking
/// every reference when the namespace is missing, and asks the namespace rather than every reference when it is
/// there.
/// </summary>
public sealed class TypeSymbolsTests
{
    private const string Source = """
        namespace Acme.Billing
        {
            public sealed class ApiKeyVault
            {
                public sealed class Entry { }
            }
        }

        public sealed class TopLevel { }
        """;

    public static TheoryData<string> Names() => new()
    {
        "System.Console",
        "System.Collections.Generic.List`1",
        "System.Environment+SpecialFolder",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.AspNetCore.Mvc.ControllerBase",
        "Microsoft.AspNetCore.Mvc.NoSuchType",
        "Serilog.ILogger",
        "NLog.Logger",
        "Acme.Billing.ApiKeyVault",
        "Acme.Billing.ApiKeyVault+Entry",
        "Acme.Billing.ApiKeyVault+Missing",
        "System.Collections.Generic.Dictionary`2+Enumerator",
        "System.Collections.Generic.List`2",
        "System.Collections.Generic.List`x",
        "System.Collections.Generic.List`",
        "System.Collections.Generic.List",
        "Acme.Twice.Shared",
        "Acme.Twice.SourceWins",
        "Acme.Shipping.ApiKeyVault",
        "TopLevel",
        "Nowhere.At.All",
        string.Empty,
        "+Nested",
        "Trailing.",
        ".Leading",
        "Double..Dot",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task With_every_library_referenced_it_finds_what_GetTypeByMetadataName_finds(string metadataName)
    {
        var compilation = await CompileAsync(TestReferences.Default);

        AssertSameAnswer(compilation, metadataName);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Without_ASP_NET_Core_and_the_logging_libraries_it_finds_what_GetTypeByMetadataName_finds(string metadataName)
    {
        var compilation = await CompileAsync(ReferenceAssemblies.Net.Net80);

        AssertSameAnswer(compilation, metadataName);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task With_a_name_declared_twice_it_leaves_the_choice_to_GetTypeByMetadataName(string metadataName)
    {
        // Two libraries declare Acme.Twice.Shared, so GetTypeByMetadataName finds none; the project and a library
        // both declare Acme.Twice.SourceWins, so it finds the project's.
        var twice = """
            namespace Acme.Twice
            {
                public sealed class Shared { }
                public sealed class SourceWins { }
            }
            """;
        var compilation = (await CompileAsync(ReferenceAssemblies.Net.Net80))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme.Twice { public sealed class SourceWins { } }"));
        compilation = compilation.AddReferences(
            await TestLibraries.CompileAsync("First", twice, ReferenceAssemblies.Net.Net80),
            await TestLibraries.CompileAsync("Second", twice, ReferenceAssemblies.Net.Net80));
        Assert.Null(compilation.GetTypeByMetadataName("Acme.Twice.Shared"));
        Assert.True(compilation.GetTypeByMetadataName("Acme.Twice.SourceWins") is { Locations: [{ IsInSource: true }] });

        AssertSameAnswer(compilation, metadataName);
    }

    [Fact]
    public async Task A_type_only_a_reference_under_an_extern_alias_declares_is_found_by_neither()
    {
        var compilation = await CompileAsync(TestReferences.Default);
        var references = compilation.References
            .Select(reference => IsSerilog(reference) ? reference.WithAliases(ImmutableArray.Create("logging")) : reference)
            .ToList();
        var aliased = compilation.WithReferences(references);
        Assert.Equal(1, references.Count(reference => !reference.Properties.Aliases.IsEmpty));

        Assert.NotNull(compilation.FindType("Serilog.ILogger"));

        Assert.Null(aliased.GetTypeByMetadataName("Serilog.ILogger"));
        Assert.Null(aliased.FindType("Serilog.ILogger"));
    }

    [Fact]
    public async Task A_missing_namespace_is_answered_null_even_though_every_reference_is_there()
    {
        var compilation = await CompileAsync(ReferenceAssemblies.Net.Net80);

        Assert.True(compilation.References.Count() > 100);
        Assert.Null(compilation.FindType("Microsoft.AspNetCore.Http.Results"));
        Assert.NotNull(compilation.FindType("System.Net.Http.HttpClient"));
    }

    private static void AssertSameAnswer(Compilation compilation, string metadataName)
    {
        var expected = compilation.GetTypeByMetadataName(metadataName);

        var found = compilation.FindType(metadataName);

        Assert.True(SymbolEqualityComparer.Default.Equals(expected, found), $"{metadataName}: expected {expected?.ToDisplayString() ?? "null"}, found {found?.ToDisplayString() ?? "null"}");
    }

    private static bool IsSerilog(MetadataReference reference) =>
        reference is PortableExecutableReference { FilePath: { } path } && Path.GetFileNameWithoutExtension(path) == "Serilog";

    private static async Task<Compilation> CompileAsync(ReferenceAssemblies referenceAssemblies)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "Probe",
            [CSharpSyntaxTree.ParseText(Source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
