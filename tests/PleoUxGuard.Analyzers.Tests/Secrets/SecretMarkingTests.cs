using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// Where a marking that makes a secret can come from when the compliance attributes are not referenced: the
/// project itself, or a library it references. Names alone decide only where no marking can exist.
/// </summary>
public sealed class SecretMarkingTests
{
    private const string Usage = """
        using Microsoft.Extensions.Logging;

        class Connector
        {
            void Connect(ILogger logger, Settings settings, Vault vault, string plain)
            {
                logger.LogInformation("{A}", {|PUX001:settings.Value|});
                logger.LogInformation("{A}", {|PUX001:vault|});
                logger.LogInformation("{A}", plain);
            }
        }
        """;

    [Fact]
    public async Task An_attribute_the_project_declares_marks_a_secret_without_the_compliance_attributes()
    {
        var source = Usage + """

            [System.AttributeUsage(System.AttributeTargets.All)]
            sealed class SensitiveAttribute : System.Attribute { }

            record Settings([Sensitive] string Value);

            [Sensitive]
            sealed class Vault { }
            """;

        await RunAsync(source);
    }

    [Fact]
    public async Task An_attribute_a_referenced_library_declares_marks_a_secret()
    {
        var library = await LibraryAsync("""
            namespace Acme.Markings
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class SensitiveDataAttribute : System.Attribute { }
            }
            """);
        var source = Usage + """

            record Settings([Acme.Markings.SensitiveData] string Value);

            [Acme.Markings.SensitiveData]
            sealed class Vault { }
            """;

        await RunAsync(source, library);
    }

    [Fact]
    public async Task A_configured_attribute_a_referenced_library_declares_marks_a_secret()
    {
        var library = await LibraryAsync("""
            namespace Acme.Markings
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class ClassifiedAttribute : System.Attribute { }
            }
            """);
        var source = Usage + """

            record Settings([Acme.Markings.Classified] string Value);

            [Acme.Markings.Classified]
            sealed class Vault { }
            """;

        await RunAsync(source, library, "pleouxguard.secret_attributes = Acme.Markings.Classified\n");
    }

    [Fact]
    public async Task A_configured_attribute_of_the_framework_marks_a_secret()
    {
        const string source = """
            using System.ComponentModel;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                [PasswordPropertyText] public string Code { get; set; } = "";
                public string Label { get; set; } = "";

                void Connect(ILogger logger)
                {
                    logger.LogInformation("{A}", {|PUX001:Code|});
                    logger.LogInformation("{A}", Label);
                }
            }
            """;

        await RunAsync(source, editorConfig: "pleouxguard.secret_attributes = PasswordPropertyText\n");
    }

    [Fact]
    public async Task No_Microsoft_assembly_declares_an_attribute_with_a_built_in_secret_name_so_their_type_names_are_not_read_for_them()
    {
        var references = await TestReferences.Default.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Probe", references: references);
        var attribute = compilation.GetTypeByMetadataName("System.Attribute");

        var microsofts = references.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
            .Where(assembly => SecretModel.IsMicrosofts(assembly.Identity)).ToList();
        Assert.Contains(microsofts, assembly => assembly.Identity.Name == "System.Runtime");
        Assert.Contains(microsofts, assembly => assembly.Identity.Name == "Microsoft.AspNetCore.Mvc.Core");
        Assert.DoesNotContain(microsofts, assembly => assembly.Identity.Name == "Serilog");
        var names = SecretModel.BuiltInAttributes.SelectMany(name => new[] { name, name + "Attribute" }).ToHashSet();
        var declaring = from assembly in microsofts
                        from type in TypesOf(assembly.GlobalNamespace)
                        where names.Contains(type.Name) && DerivesFrom(type, attribute)
                        select type.ToDisplayString();
        Assert.Empty(declaring);
    }

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceSymbol @namespace) =>
        @namespace.GetTypeMembers().Concat(@namespace.GetNamespaceMembers().SelectMany(TypesOf));

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task A_configured_secret_type_is_a_secret_without_any_attribute()
    {
        var source = """
            using Microsoft.Extensions.Logging;

            namespace Acme.Vault { sealed class SecretValue { } }

            class Connector
            {
                void Connect(ILogger logger, Acme.Vault.SecretValue value, object other)
                {
                    logger.LogInformation("{A}", {|PUX001:value|});
                    logger.LogInformation("{A}", {|PUX001:Fetch()|});
                    logger.LogInformation("{A}", other);
                    logger.LogInformation("{A}", Describe());
                }

                // Neither name says secret: the result's type alone decides.
                Acme.Vault.SecretValue Fetch() => new();

                object Describe() => "";
            }
            """;

        await RunAsync(source, editorConfig: "pleouxguard.secret_types = Acme.Vault.SecretValue\n");
    }

    [Fact]
    public async Task Without_any_marking_names_alone_decide()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            record Settings(string Value, string ApiKey);

            class Connector
            {
                void Connect(ILogger logger, Settings settings, string clientSecret)
                {
                    logger.LogInformation("{A}", settings.Value);
                    logger.LogInformation("{A}", {|PUX001:settings.ApiKey|});
                    logger.LogInformation("{A}", {|PUX001:clientSecret|});
                }
            }
            """;

        await RunAsync(source);
    }

    private static async Task RunAsync(string source, MetadataReference? library = null, string? editorConfig = null)
    {
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, OnlyPux001>.Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.WithoutCompliance,
        };
        if (library is not null)
        {
            test.TestState.AdditionalReferences.Add(library);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        await test.RunAsync();
    }

    /// <summary>A library compiled against the same references as the test project, referenced as metadata.</summary>
    private static Task<MetadataReference> LibraryAsync(string source) =>
        TestLibraries.CompileAsync("Acme.Markings", source, TestReferences.WithoutCompliance);
}
