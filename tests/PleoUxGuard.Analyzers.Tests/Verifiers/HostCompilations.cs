using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// One source compiled against the test host's own core libraries, for tests that read symbols or operations
/// directly (no analyzer run, no reference assemblies to resolve).
/// </summary>
internal static class HostCompilations
{
    public static CSharpCompilation Of(string assemblyName, string source)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Enumerable).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
