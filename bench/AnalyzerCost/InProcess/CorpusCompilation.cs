using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PleoUxGuard.AnalyzerCost.Corpus;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>The generated corpus compiled in process, as every in-process measurement compiles it.</summary>
internal static class CorpusCompilation
{
    public static ImmutableArray<SyntaxTree> Parse(GeneratedCorpus corpus)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        return Directory.GetFiles(corpus.Directory, "*.cs").Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToImmutableArray();
    }

    public static CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, IReadOnlyList<MetadataReference> references) => CSharpCompilation.Create(
        "Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Stops the measurement when the corpus does not compile here: analysing broken code measures nothing real.</summary>
    public static void EnsureCompiles(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The corpus does not compile in process: {errors.Count} errors, first: {errors[0]}");
        }
    }
}
