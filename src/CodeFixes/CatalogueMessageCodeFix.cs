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

    // Not the batch fixer: it merges the fixes' text changes, and drops those whose added using overlaps another
    // one's; nor could it see that no use of a catch variable is left once every message in the catch is fixed.
    public override FixAllProvider GetFixAllProvider() => new CatalogueFixAllProvider();

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!IsFixable(diagnostic))
            {
                continue;
            }

            // The most likely kind twice: first under the key whose Fix All gives each message its own most likely
            // kind, then among the kinds, under the key whose Fix All gives every message that kind.
            if (MostLikely(diagnostic) is { } mostLikely)
            {
                context.RegisterCodeFix(Action(context, diagnostic, mostLikely, " (most likely here)", MostLikelyKey), diagnostic);
                foreach (var kind in MessageCatalogue.AllKinds)
                {
                    context.RegisterCodeFix(Action(context, diagnostic, kind, string.Empty, KeyFor(kind)), diagnostic);
                }

                continue;
            }

            // No kind is likely (a feedback form's "Not found"): the kinds in one group. dotnet format takes the key of
            // the first diagnostic's first action for its whole run; a flat list made that the first kind's, and every
            // message of the run, its own most likely kind or none, got that kind. The group's key (Roslyn joins its
            // actions' keys) names no kind, so the run gives each message its most likely kind and leaves this one.
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use a catalogue message (no failure kind is likely here: choose one)",
                    MessageCatalogue.AllKinds.Select(kind => Action(context, diagnostic, kind, string.Empty, KeyFor(kind))).ToImmutableArray(),
                    isInlinable: false),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static bool IsFixable(Diagnostic diagnostic) =>
        !diagnostic.Properties.ContainsKey(MessageDiagnosticProperties.NotFixable) && diagnostic.AdditionalLocations.Count > 0;

    private static FailureKind? MostLikely(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(MessageDiagnosticProperties.FailureKind, out var name) && Enum.TryParse<FailureKind>(name, out var parsed)
            ? parsed
            : null;

    /// <summary>The kind one of the kinds' keys names, or null for any other key (the most likely key, a group's).</summary>
    private static FailureKind? NamedKind(string key) =>
        MessageCatalogue.AllKinds.Where(kind => KeyFor(kind) == key).Select(kind => (FailureKind?)kind).FirstOrDefault();

    /// <summary>
    /// The kind an action with this equivalence key gives the diagnostic's message, if any: a kind's key gives that
    /// kind; any other key, the most likely one's or the group's of a message with no likely kind (which Roslyn
    /// makes of its actions' keys), each message's most likely kind.
    /// </summary>
    private static FailureKind? KindFor(Diagnostic diagnostic, string key) => NamedKind(key) ?? MostLikely(diagnostic);

    private static CodeAction Action(CodeFixContext context, Diagnostic diagnostic, FailureKind kind, string note, string equivalenceKey) =>
        CodeAction.Create(
            "Use the catalogue message for " + MessageCatalogue.Describe(kind) + note,
            cancellationToken => ReplaceAsync(context.Document, new[] { (diagnostic.AdditionalLocations[0], kind) }, cancellationToken),
            equivalenceKey);

    /// <summary>
    /// The document with every message replaced by the catalogue message of its kind, all at once: then the catch
    /// variables left unused are those no message of the catch uses any more, and the using is added once.
    /// </summary>
    private static async Task<Document> ReplaceAsync(Document document, IEnumerable<(Location Location, FailureKind Kind)> messages, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var (location, kind) in messages)
        {
            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax message && !replacements.ContainsKey(message))
            {
                replacements.Add(message, CatalogueExpression(model.Compilation, kind).WithTriviaFrom(message));
            }
        }

        // A message inside another replaced one (a detail inside its message) goes with the outer one.
        var outermost = replacements.Keys.Where(message => !message.Ancestors().OfType<ExpressionSyntax>().Any(replacements.ContainsKey)).ToList();
        if (outermost.Count == 0)
        {
            return document;
        }

        var catches = outermost.Select(message => message.FirstAncestorOrSelf<CatchClauseSyntax>()).OfType<CatchClauseSyntax>().Distinct().ToList();
        var newRoot = root.ReplaceSyntax(
            outermost.Cast<SyntaxNode>().Concat(catches),
            (original, rewritten) => original is CatchClauseSyntax ? WithoutUnusedExceptionName((CatchClauseSyntax)rewritten) : replacements[(ExpressionSyntax)original],
            Enumerable.Empty<SyntaxToken>(),
            (_, token) => token,
            Enumerable.Empty<SyntaxTrivia>(),
            (_, trivia) => trivia);

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

    /// <summary>Fix All: each document rewritten once, with the kind the equivalence key gives each of its messages.</summary>
    private sealed class CatalogueFixAllProvider : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllScopes.Supported;

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            FixAllScopes.ActionAsync(fixAllContext, MostLikelyKey, Title, FixAllAsync);

        private static string Title(string key) =>
            NamedKind(key) is { } kind
                ? "Use the catalogue message for " + MessageCatalogue.Describe(kind)
                : "Use the catalogue message most likely for each message";

        private static async Task<Solution> FixAllAsync(FixAllContext context, string key, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            foreach (var document in FixAllScopes.Documents(context))
            {
                var messages = (await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    .Where(IsFixable)
                    .Select(diagnostic => (Location: diagnostic.AdditionalLocations[0], Kind: KindFor(diagnostic, key)))
                    .Where(message => message.Kind is not null)
                    .Select(message => (message.Location, message.Kind!.Value))
                    .ToList();
                if (messages.Count > 0)
                {
                    // Each document is rewritten from its own state, then put into the solution that has the others' changes.
                    var fixedDocument = await ReplaceAsync(document, messages, cancellationToken).ConfigureAwait(false);
                    if (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } fixedRoot)
                    {
                        solution = solution.WithDocumentSyntaxRoot(document.Id, fixedRoot);
                    }
                }
            }

            return solution;
        }
    }
}
