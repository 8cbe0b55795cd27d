using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.Analyzers.Tests.CodeFixes;

/// <summary>The SecretMask helper the mask fixes write into a file.</summary>
public sealed class SecretMaskHelperTests
{
    [Fact]
    public async Task A_file_compiled_for_several_frameworks_gets_the_helper_every_one_of_them_builds()
    {
        // A project targeting netstandard2.0 and net8.0 is loaded once per framework, the file shared: the fix may run
        // in the C# 12 copy, and the C# 7.3 copy must still build.
        const string path = "/src/Consumer/Connector.cs";
        const string code = "class Connector { string Show(string apiKey) => SecretMask.LastFour(apiKey); }";
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var modern = AddProject(ref solution, "Consumer(net8.0)", LanguageVersion.CSharp12);
        var legacy = AddProject(ref solution, "Consumer(netstandard2.0)", LanguageVersion.CSharp7_3);
        var fixedIn = DocumentId.CreateNewId(modern);
        solution = solution
            .AddDocument(fixedIn, "Connector.cs", SourceText.From(code), filePath: path)
            .AddDocument(DocumentId.CreateNewId(legacy), "Connector.cs", SourceText.From(code), filePath: path);

        var written = (await SecretMaskHelper.EnsureAsync(solution, fixedIn, CancellationToken.None)).GetDocument(fixedIn)!;
        var text = (await written.GetTextAsync()).ToString();

        Assert.Contains("public static string LastFour(string secret)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#nullable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_compiled_with_csharp_8_or_later_only_gets_the_nullable_helper()
    {
        const string code = "class Connector { string Show(string apiKey) => SecretMask.LastFour(apiKey); }";
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var project = AddProject(ref solution, "Consumer", LanguageVersion.CSharp12);
        var document = DocumentId.CreateNewId(project);
        solution = solution.AddDocument(document, "Connector.cs", SourceText.From(code), filePath: "/src/Consumer/Connector.cs");

        var text = (await (await SecretMaskHelper.EnsureAsync(solution, document, CancellationToken.None)).GetDocument(document)!.GetTextAsync()).ToString();

        Assert.Contains("public static string LastFour(string? secret)", text, StringComparison.Ordinal);
    }

    private static ProjectId AddProject(ref Solution solution, string name, LanguageVersion version)
    {
        var id = ProjectId.CreateNewId(name);
        solution = solution
            .AddProject(id, name, "Consumer", LanguageNames.CSharp)
            .WithProjectParseOptions(id, new CSharpParseOptions(version))
            .WithProjectCompilationOptions(id, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReference(id, MetadataReference.CreateFromFile(typeof(object).Assembly.Location));
        return id;
    }
}
