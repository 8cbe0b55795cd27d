using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PleoUxGuard.Analyzers;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.CodeFixes;

/// <summary>
/// Fixes for PUX003: a record gets a <c>PrintMembers</c> that prints its secret members masked
/// (<c>ApiKey = ••••abcd</c>); a secret read inside <c>ToString</c> or <c>PrintMembers</c> is masked where it is read.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretInToStringCodeFix))]
[Shared]
public sealed class SecretInToStringCodeFix : SecretCodeFixProvider
{
    public const string PrintMembersKey = "PleoUxGuard.MaskedPrintMembers";
    private const string PrintMembersTitle = "Print the secret masked (generate PrintMembers)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretInToString);

    private protected override string TitleOf(string key) => key == PrintMembersKey ? PrintMembersTitle : base.TitleOf(key);

    private protected override string PrimaryKey => PrintMembersKey;

    private protected override async Task<IReadOnlyList<(string Title, string Key)>> OffersAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await LocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
        {
            return new List<(string, string)>();
        }

        if (RecordOf(located.Node) is not null)
        {
            return new List<(string, string)> { (PrintMembersTitle, PrintMembersKey) };
        }

        return MaskTargetOf(located, diagnostic) is not null
            ? new List<(string, string)> { (SecretFixes.MaskTitle, SecretFixes.MaskKey) }
            : new List<(string, string)>();
    }

    private protected override async Task<(Document Document, bool NeedsMask)?> ApplyAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (await LocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
        {
            return null;
        }

        if (key == SecretFixes.MaskKey)
        {
            return Mask(document, located, diagnostic);
        }

        var (root, model, node) = located;
        if (key != PrintMembersKey || RecordOf(node) is not { } record
            || model.GetDeclaredSymbol(record, cancellationToken) is not { } type
            || type.GetMembers("PrintMembers").Any(member => !member.IsImplicitlyDeclared))
        {
            // Fix All visits every secret member of a record; the first visit wrote PrintMembers for all of them.
            return null;
        }

        var compilation = model.Compilation;
        var secrets = SecretModel.For(compilation, document.Project.AnalyzerOptions, record.SyntaxTree);
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(PrintMembers(type, secrets, out var needsMask))!
            .WithAdditionalAnnotations(Formatter.Annotation);
        // Only what the fix writes is formatted (the method and new braces); the record's other members and trivia stay as written.
        var semicolon = record.SemicolonToken;
        var beforeSemicolon = semicolon.GetPreviousToken();
        var withBody = semicolon.IsKind(SyntaxKind.SemicolonToken)
            ? record.ReplaceToken(beforeSemicolon, beforeSemicolon.WithTrailingTrivia(default(SyntaxTriviaList)))
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithAdditionalAnnotations(Formatter.Annotation))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken)
                    .WithTrailingTrivia(semicolon.LeadingTrivia.AddRange(semicolon.TrailingTrivia))
                    .WithAdditionalAnnotations(Formatter.Annotation))
            : record;
        var newRecord = withBody.AddMembers(method);
        var newRoot = root.ReplaceNode(record, newRecord);
        var formatted = await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (formatted, needsMask);
    }

    private static RecordDeclarationSyntax? RecordOf(SyntaxNode node) =>
        node is PropertyDeclarationSyntax or ParameterSyntax or VariableDeclaratorSyntax || node.Parent is PropertyDeclarationSyntax
            ? node.FirstAncestorOrSelf<RecordDeclarationSyntax>()
            : null;

    /// <summary>The members the compiler would print, in order, with every secret one masked.</summary>
    private static string PrintMembers(INamedTypeSymbol type, SecretModel secrets, out bool needsMask)
    {
        needsMask = false;
        var derived = type.BaseType is { IsRecord: true };
        var modifiers = derived ? "protected override" : type.IsSealed || type.IsValueType ? "private" : "protected virtual";
        var body = new StringBuilder();
        if (derived)
        {
            body.AppendLine("if (base.PrintMembers(builder)) { builder.Append(\", \"); }");
        }

        var separator = string.Empty;
        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                // An override is printed by the base record's PrintMembers, which this one calls first.
                IPropertySymbol { IsStatic: false, IsIndexer: false, IsOverride: false, GetMethod: not null, DeclaredAccessibility: Accessibility.Public } property
                    when property.Name != "EqualityContract" => property.Type,
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public } field => field.Type,
                _ => null,
            };
            if (memberType is null)
            {
                continue;
            }

            // A member named by a keyword (@event) is printed as "event = ", and read as @event.
            var identifier = SyntaxFacts.GetKeywordKind(member.Name) == SyntaxKind.None ? member.Name : "@" + member.Name;
            string value;
            if (!secrets.IsSecret(member))
            {
                value = identifier;
            }
            else if (memberType.SpecialType == SpecialType.System_String)
            {
                value = "SecretMask.LastFour(" + identifier + ")";
                needsMask = true;
            }
            else
            {
                value = "\"••••\"";
            }

            body.Append("builder.Append(\"").Append(separator).Append(member.Name).Append(" = \").Append(").Append(value).AppendLine(");");
            separator = ", ";
        }

        body.AppendLine(separator.Length > 0 ? "return true;" : "return false;");
        return $"{modifiers} bool PrintMembers(System.Text.StringBuilder builder)\n{{\n{body}}}\n";
    }
}
