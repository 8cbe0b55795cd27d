using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace PleoUxGuard.CodeFixes.Secrets;

/// <summary>
/// The one small helper the masking fixes call, <c>SecretMask.LastFour(key)</c> → <c>••••abcd</c>, written at the
/// end of the first fixed document of a project that does not have it yet.
/// </summary>
/// <remarks>
/// The helper is never a new document: dotnet format (MSBuildWorkspace) adds a new document to the project
/// file as a Compile item, which SDK-style projects already include, so the build fails with NETSDK1022.
/// </remarks>
internal static class SecretMaskHelper
{
    public const string TypeName = "SecretMask";

    /// <summary>The helper as C# 7.3 (no nullable annotations, no recursive or relational patterns): netstandard2.0 libraries often stay there.</summary>
    public const string Source = """
        /// <summary>Shows a secret the way Pleo allows: at most its last four characters (••••abcd).</summary>
        internal static class SecretMask
        {
            /// <summary>"••••" and the last four characters; only "••••" for values too short to hide the rest.</summary>
            public static string LastFour(string secret)
            {
                return secret != null && secret.Length >= 8 ? "••••" + secret.Substring(secret.Length - 4) : "••••";
            }
        }

        """;

    /// <summary>
    /// The helper for a document of this language version: from C# 8 its parameter is nullable, so callers with a
    /// nullable key get no warning. The helper is the last thing in its file, so the directive needs no restore.
    /// </summary>
    public static string SourceFor(LanguageVersion version) =>
        version >= LanguageVersion.CSharp8
            ? "#nullable enable\n\n" + Source.Replace("LastFour(string secret)", "LastFour(string? secret)")
            : Source;

    /// <summary><c>SecretMask.LastFour(expression)</c>.</summary>
    public static ExpressionSyntax Call(ExpressionSyntax expression) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(TypeName),
                    SyntaxFactory.IdentifierName("LastFour")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression.WithoutTrivia()))))
            .WithTriviaFrom(expression);

    /// <summary>
    /// The helper's name when the project already has a <c>SecretMask</c> of its own without <c>LastFour</c>: a second
    /// <c>SecretMask</c> would not build (a duplicate type, or calls that bind to the project's class).
    /// </summary>
    public const string FallbackTypeName = "PleoSecretMask";

    /// <summary>
    /// Makes the document's <c>SecretMask</c> calls bind: to the project's helper (with a using for its namespace
    /// when it has one), or to one written at the end of this document when the project has none. When the project
    /// has a <c>SecretMask</c> of its own that cannot mask, the calls and the helper are named
    /// <see cref="FallbackTypeName"/> instead.
    /// </summary>
    public static async Task<Solution> EnsureAsync(Solution solution, DocumentId documentId, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(documentId);
        if (document is null
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return solution;
        }

        var name = TypeName;
        var helper = HelperNamed(compilation, TypeName, cancellationToken, out var clashes);
        if (helper is null && clashes)
        {
            name = FallbackTypeName;
            helper = HelperNamed(compilation, FallbackTypeName, cancellationToken, out _);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var calls = MaskCalls(root, model, cancellationToken);
            document = document.WithSyntaxRoot(root.ReplaceNodes(calls, (original, _) => SyntaxFactory.IdentifierName(FallbackTypeName).WithTriviaFrom(original)));
            root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (helper is null)
        {
            return document.WithSyntaxRoot(WithHelper(root, LowestLanguageVersion(solution, document), name)).Project.Solution;
        }

        if (helper.ContainingNamespace.IsGlobalNamespace)
        {
            return document.Project.Solution;
        }

        // A helper in a namespace (written into a file-scoped namespace): name it in full, then let the
        // simplifier shorten the name and add the using where that is needed.
        var semantics = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var unbound = MaskCalls(root, semantics, cancellationToken).Where(call => call.Identifier.ValueText == name).ToList();
        if (unbound.Count == 0)
        {
            return document.Project.Solution;
        }

        var qualified = SyntaxFactory.ParseTypeName(helper.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var withNames = document.WithSyntaxRoot(root.ReplaceNodes(unbound, (original, _) => qualified.WithTriviaFrom(original)));
        var imported = await ImportAdder.AddImportsAsync(withNames, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (await Simplifier.ReduceAsync(imported, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)).Project.Solution;
    }

    /// <summary>
    /// The project's top-level class <paramref name="name"/> that has <c>LastFour</c>; <paramref name="clashes"/>
    /// says whether a type of that name without it exists.
    /// </summary>
    private static INamedTypeSymbol? HelperNamed(Compilation compilation, string name, CancellationToken cancellationToken, out bool clashes)
    {
        var types = compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>().ToList();
        var helpers = types.Where(type => type.ContainingType is null && !type.GetMembers("LastFour").IsEmpty).ToList();
        clashes = types.Count > helpers.Count;
        return helpers.OrderBy(type => type.ToDisplayString(), System.StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The <c>X</c> of every <c>X.LastFour(…)</c> whose <c>LastFour</c> binds to nothing: the fixes' calls still to be bound.</summary>
    private static List<IdentifierNameSyntax> MaskCalls(SyntaxNode root, SemanticModel? model, CancellationToken cancellationToken) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(name => (name.Identifier.ValueText == TypeName || name.Identifier.ValueText == FallbackTypeName)
                && name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "LastFour" } access && access.Expression == name
                && model?.GetSymbolInfo(access, cancellationToken).Symbol is null)
            .ToList();

    /// <summary>
    /// The lowest C# version the file is compiled with: a project with several target frameworks is loaded once per
    /// framework, each with its own language version, and the helper written into the shared file must build in all.
    /// </summary>
    private static LanguageVersion LowestLanguageVersion(Solution solution, Document document)
    {
        var versions = (document.FilePath is { } path ? solution.GetDocumentIdsWithFilePath(path) : ImmutableArray.Create(document.Id))
            .Select(id => solution.GetDocument(id)?.Project.ParseOptions)
            .OfType<CSharpParseOptions>()
            .Select(options => options.LanguageVersion)
            .ToList();
        return versions.Count == 0 ? LanguageVersion.CSharp7_3 : versions.Min();
    }

    /// <summary>The root with the helper as its last type: in the file-scoped namespace if there is one (nothing may follow it), else after everything.</summary>
    private static CompilationUnitSyntax WithHelper(CompilationUnitSyntax root, LanguageVersion version, string name)
    {
        var text = root.ToFullString();

        // The helper takes the file's line breaks, so a CRLF file does not get mixed ones.
        var lineBreak = text.Contains("\r\n") ? "\r\n" : "\n";
        var helper = SyntaxFactory.ParseCompilationUnit(SourceFor(version).Replace("class " + TypeName, "class " + name).Replace("\r\n", "\n").Replace("\n", lineBreak)).Members.Single();

        // One blank line between the file's last line and the helper, however many line breaks end the file.
        var end = text.Replace("\r", string.Empty).TrimEnd(' ', '\t');
        var breaks = end.EndsWith("\n\n", System.StringComparison.Ordinal) ? 0 : end.EndsWith("\n", System.StringComparison.Ordinal) ? 1 : 2;
        helper = helper.WithLeadingTrivia(helper.GetLeadingTrivia().InsertRange(0, Enumerable.Repeat(SyntaxFactory.EndOfLine(lineBreak), breaks)));
        return root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault() is { } fileScoped
            ? root.ReplaceNode(fileScoped, fileScoped.AddMembers(helper))
            : root.AddMembers(helper);
    }
}
