using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PleoUxGuard.Analyzers.Analysis;

namespace PleoUxGuard.CodeFixes.Secrets;

/// <summary>
/// The shape of the secret fixes: each offers some actions (by equivalence key) and applies one to one
/// diagnostic of a document. Fix All applies them document by document, last diagnostic first, then adds
/// the SecretMask helper once per project (to the first document that needs it) when any applied fix needs it.
/// </summary>
public abstract class SecretCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => new SecretFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (title, key) in await OffersAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(context.Document, new[] { diagnostic }, key, cancellationToken), key),
                    diagnostic);
            }
        }
    }

    /// <summary>The title of the action with this equivalence key, which Fix All repeats.</summary>
    private protected virtual string TitleOf(string key) => key switch
    {
        SecretFixes.MaskKey => SecretFixes.MaskTitle,
        SecretFixes.RemoveKey => SecretFixes.RemoveTitle,
        _ => key,
    };

    /// <summary>The fix Fix All repeats when it is given no equivalence key.</summary>
    private protected virtual string PrimaryKey => SecretFixes.MaskKey;

    /// <summary>The actions that apply to this diagnostic: (title, equivalence key).</summary>
    private protected abstract Task<IReadOnlyList<(string Title, string Key)>> OffersAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>
    /// The changed document (this one, or another one of the solution, such as the file declaring a member) and
    /// whether it now calls the SecretMask helper; null when the action does not apply.
    /// </summary>
    private protected abstract Task<(Document Document, bool NeedsMask)?> ApplyAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken);

    /// <summary>The diagnostic's node, with the document's root and semantic model.</summary>
    private protected static async Task<(SyntaxNode Root, SemanticModel Model, SyntaxNode Node)?> LocateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null
            ? null
            : (root, model, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
    }

    /// <summary>
    /// What the mask fix replaces, and the secret it masks (<see cref="SecretFixes.MaskTarget"/>); null when the
    /// diagnostic's expression holds more than the secret (a text built around it, an object's JSON), whose own last four
    /// masking would keep.
    /// </summary>
    private protected static (ExpressionSyntax Replaced, ExpressionSyntax Secret)? MaskTargetOf((SyntaxNode Root, SemanticModel Model, SyntaxNode Node) located, Diagnostic diagnostic, bool partial = false) =>
        diagnostic.Properties.ContainsKey(SecretSinkAnalysis.HoldsMoreThanSecretProperty) ? null : SecretFixes.MaskTarget(located.Node, located.Model, partial);

    /// <summary>The document with the secret at the diagnostic wrapped in <c>SecretMask.LastFour(…)</c>, or null when it cannot be masked.</summary>
    private protected static (Document Document, bool NeedsMask)? Mask(Document document, (SyntaxNode Root, SemanticModel Model, SyntaxNode Node) located, Diagnostic diagnostic, bool partial = false) =>
        MaskTargetOf(located, diagnostic, partial) is { } target
            ? (document.WithSyntaxRoot(SecretFixes.ReplaceKeepingName(located.Root, target.Replaced, SecretMaskHelper.Call(target.Secret))), true)
            : null;

    internal async Task<Solution> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var needsMask = new HashSet<DocumentId>();
        var solution = document.Project.Solution;
        var documentId = document.Id;
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
        {
            var current = solution.GetDocument(documentId);
            var applied = current is null ? null : await ApplyAsync(current, diagnostic, key, cancellationToken).ConfigureAwait(false);
            if (applied is { } result)
            {
                solution = result.Document.Project.Solution;
                if (result.NeedsMask)
                {
                    needsMask.Add(result.Document.Id);
                }
            }
        }

        foreach (var masked in needsMask)
        {
            solution = await SecretMaskHelper.EnsureAsync(solution, masked, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private sealed class SecretFixAllProvider : FixAllProvider
    {
        private readonly SecretCodeFixProvider _provider;

        public SecretFixAllProvider(SecretCodeFixProvider provider) => _provider = provider;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllScopes.Supported;

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            FixAllScopes.ActionAsync(fixAllContext, _provider.PrimaryKey, _provider.TitleOf, FixAllAsync);

        private async Task<Solution> FixAllAsync(FixAllContext context, string key, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            foreach (var document in FixAllScopes.Documents(context))
            {
                var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                var current = solution.GetDocument(document.Id);
                if (current is not null)
                {
                    solution = await _provider.FixAsync(current, diagnostics, key, cancellationToken).ConfigureAwait(false);
                }
            }

            return solution;
        }
    }
}
