using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PleoUxGuard.CodeFixes;

/// <summary>What the fix-all providers that rewrite a document at once share: the documents of a scope, and the action.</summary>
internal static class FixAllScopes
{
    /// <summary>
    /// The Fix All action for the context's equivalence key, titled as the fix it repeats (the IDE shows the title in
    /// its preview), or none without a key.
    /// </summary>
    public static Task<CodeAction?> ActionAsync(FixAllContext context, Func<string, string> title, Func<FixAllContext, string, CancellationToken, Task<Solution>> fixAll) =>
        Task.FromResult<CodeAction?>(context.CodeActionEquivalenceKey is { } key
            ? CodeAction.Create(title(key), cancellationToken => fixAll(context, key, cancellationToken), key)
            : null);

    public static IEnumerable<FixAllScope> Supported { get; } = new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public static IEnumerable<Document> Documents(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document when context.Document is not null => new[] { context.Document },
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(project => project.Documents),
        _ => Enumerable.Empty<Document>(),
    };
}
