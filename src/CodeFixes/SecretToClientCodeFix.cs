using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using PleoUxGuard.Analyzers;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.CodeFixes;

/// <summary>
/// Fixes for PUX004: put <c>[JsonIgnore]</c> on the secret member a returned object would serialize, or mask
/// a secret that is returned directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretToClientCodeFix))]
[Shared]
public sealed class SecretToClientCodeFix : SecretCodeFixProvider
{
    public const string JsonIgnoreKey = "PleoUxGuard.JsonIgnore";
    private const string JsonIgnoreTitle = "Keep the secret out of JSON ([JsonIgnore])";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretToClient);

    private protected override string TitleOf(string key) => key == JsonIgnoreKey ? JsonIgnoreTitle : base.TitleOf(key);

    private protected override async Task<IReadOnlyList<(string Title, string Key)>> OffersAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.ContainsKey(SecretSinkAnalysis.ExposedMemberProperty))
        {
            return new List<(string, string)> { (JsonIgnoreTitle, JsonIgnoreKey) };
        }

        return await LocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } located
            && MaskTargetOf(located, diagnostic) is not null
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

        var model = located.Model;

        if (key != JsonIgnoreKey
            || !diagnostic.Properties.TryGetValue(SecretSinkAnalysis.ExposedMemberProperty, out var id) || id is null
            || DocumentationCommentId.GetFirstSymbolForDeclarationId(id, model.Compilation) is not { } member
            || member.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        // The member may live in another file; edit that document.
        var declaration = await member.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
        var target = document.Project.Solution.GetDocument(declaration.SyntaxTree);
        if (target is null || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } targetRoot)
        {
            return null;
        }

        // Fix All meets a member once per endpoint returning it; the first visit ignored it already.
        if (SerializedSecrets.IsIgnoredBySystemTextJson(member))
        {
            return null;
        }

        // Only System.Text.Json's own attribute stops it: a Json.NET [JsonIgnore] beside it stays as it is.
        if (member.GetAttributes().FirstOrDefault(SerializedSecrets.IsSystemTextJsonIgnore)?.ApplicationSyntaxReference is { } existing
            && await existing.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is AttributeSyntax conditional
            && conditional.SyntaxTree == declaration.SyntaxTree)
        {
            // A second [JsonIgnore] would be CS0579: drop the condition, so the existing one always ignores.
            var newDocumentRoot = targetRoot.ReplaceNode(conditional, conditional.WithArgumentList(null).WithTriviaFrom(conditional));
            return (target.WithSyntaxRoot(newDocumentRoot), false);
        }

        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName("System.Text.Json.Serialization.JsonIgnore").WithAdditionalAnnotations(Simplifier.Annotation))));
        SyntaxNode? updated = declaration switch
        {
            PropertyDeclarationSyntax property => WithAttributeOnItsOwnLine(property, attribute, targetRoot),
            ParameterSyntax parameter => parameter.AddAttributeLists(attribute
                .WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)))
                .WithTrailingTrivia(SyntaxFactory.Space)),
            VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } => WithAttributeOnItsOwnLine(field, attribute, targetRoot),
            _ => null,
        };
        if (updated is null)
        {
            return null;
        }

        var replaced = declaration is VariableDeclaratorSyntax ? declaration.Parent!.Parent! : declaration;
        var newDocument = target.WithSyntaxRoot(targetRoot.ReplaceNode(replaced, updated));
        newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (newDocument, false);
    }

    /// <summary>
    /// The member with the attribute on a line of its own after its other attributes: the doc comment and blank
    /// lines before the member stay first (an attribute above a doc comment is CS1587), its indentation is kept.
    /// </summary>
    private static MemberDeclarationSyntax WithAttributeOnItsOwnLine(MemberDeclarationSyntax member, AttributeListSyntax attribute, SyntaxNode root)
    {
        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var lineBreak = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.EndOfLine("\n");
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Reverse().TakeWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var line = attribute.WithTrailingTrivia(lineBreak);
        if (member.AttributeLists.Count > 0)
        {
            return member.AddAttributeLists(line.WithLeadingTrivia(indentation));
        }

        var bare = member.WithLeadingTrivia(indentation);
        return bare.WithAttributeLists(bare.AttributeLists.Add(line.WithLeadingTrivia(leading)));
    }
}
