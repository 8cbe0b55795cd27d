using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>A library compiled from source in memory, for tests about what a referenced assembly declares.</summary>
internal static class TestLibraries
{
    /// <summary>Azure Key Vault's secret types, as a referenced library: a credential holder the secret model knows by its type.</summary>
    public static Task<MetadataReference> KeyVaultAsync() => CompileAsync("Azure.Security.KeyVault.Secrets", """
        namespace Azure.Security.KeyVault.Secrets
        {
            public class KeyVaultSecret
            {
                public string Name { get; } = "";
                public string Value { get; } = "";
                public SecretProperties Properties { get; } = new();
            }

            public class SecretProperties
            {
                public string Name { get; } = "";
                public System.DateTimeOffset? ExpiresOn { get; }
            }
        }
        """, TestReferences.Default);

    /// <param name="filePath">Where the reference says it was loaded from, for code that goes by an assembly's file name.</param>
    public static async Task<MetadataReference> CompileAsync(string assemblyName, string source, ReferenceAssemblies referenceAssemblies, string? filePath = null)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: filePath);
    }
}
