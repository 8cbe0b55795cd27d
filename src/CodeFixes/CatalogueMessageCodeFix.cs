using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using PleoUxGuard.Analyzers.Messages;
using PleoUxGuard.Shared;

namespace PleoUxGuard.CodeFixes;

/// <summary>
/// Replaces a message (or the raw detail in it) with the catalogue message for a failure kind: one
/// action per kind, the kind the analyzer found most likely first. Where the project compiles the
/// shared catalogue (PleoUxGuard.Shared.MessageCatalogue) the fix refers to its constant; elsewhere
/// it writes the catalogue's text as a literal.
/// </summary>
public abstract class CatalogueMessageCodeFix : CodeFixProvider
{
    /// <summary>Fix All with this key gives every message the kind found most likely for it.</summary>
    public const string MostLikelyKey = "PleoUxGuard.CatalogueMessage.MostLikely";

    private const string CatalogueTypeName = "PleoUxGuard.Shared.MessageCatalogue";

    internal static string KeyFor(FailureKind kind) => "PleoUxGuard.CatalogueMessage." + kind;

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(MessageDiagnosticProperties.NotFixable) || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            FailureKind? likely = diagnostic.Properties.TryGetValue(MessageDiagnosticProperties.FailureKind, out var name)
                && Enum.TryParse<FailureKind>(name, out var parsed)
                ? parsed
                : null;

            // The most likely kind twice: first under the key whose Fix All gives each message its own most likely
            // kind, then among the kinds, under the key whose Fix All gives every message that kind.
            if (likely is { } mostLikely)
            {
                Register(context, diagnostic, mostLikely, " (most likely here)", MostLikelyKey);
            }

            foreach (var kind in MessageCatalogue.AllKinds)
            {
                Register(context, diagnostic, kind, string.Empty, KeyFor(kind));
            }
        }

        return Task.CompletedTask;
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, FailureKind kind, string note, string equivalenceKey) =>
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use the catalogue message for " + MessageCatalogue.Describe(kind) + note,
                cancellationToken => ReplaceAsync(context.Document, diagnostic.AdditionalLocations[0], kind, cancellationToken),
                equivalenceKey),
            diagnostic);

    private static async Task<Document> ReplaceAsync(Document document, Location location, FailureKind kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax message)
        {
            return document;
        }

        var replacement = CatalogueExpression(model.Compilation, kind).WithTriviaFrom(message);
        var catchClause = message.FirstAncestorOrSelf<CatchClauseSyntax>();
        var newRoot = catchClause is null
            ? root.ReplaceNode(message, replacement)
            : root.ReplaceNode(catchClause, WithoutUnusedExceptionName(catchClause.ReplaceNode(message, replacement)));

        // "using PleoUxGuard.Shared;" for the catalogue constant; the simplifier then shortens the name.
        return await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(newRoot), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static CatchClauseSyntax WithoutUnusedExceptionName(CatchClauseSyntax newCatch)
    {

        // Without the raw detail the exception variable may be unused (CS0168): drop its name then.
        if (newCatch.Declaration is { } declaration && declaration.Identifier.ValueText.Length > 0
            && !newCatch.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == declaration.Identifier.ValueText))
        {
            newCatch = newCatch.WithDeclaration(declaration
                .WithType(declaration.Type.WithoutTrailingTrivia())
                .WithIdentifier(default)
                .WithCloseParenToken(declaration.CloseParenToken));
        }

        return newCatch;
    }

    private static ExpressionSyntax CatalogueExpression(Compilation compilation, FailureKind kind)
    {
        var catalogue = compilation.GetTypeByMetadataName(CatalogueTypeName);
        if (catalogue is not null && catalogue.GetMembers(kind.ToString()).Length > 0
            && compilation.IsSymbolAccessibleWithin(catalogue, compilation.Assembly))
        {
            return SyntaxFactory.ParseExpression("global::" + CatalogueTypeName + "." + kind)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(MessageCatalogue.For(kind)));
    }
}
