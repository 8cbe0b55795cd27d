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
    /// its preview). Without a key it repeats <paramref name="primaryKey"/>: <c>dotnet format</c> takes the key from the
    /// first diagnostic's fixes, and a first diagnostic with none (a <c>[LoggerMessage]</c> declaration has no mask)
    /// left the whole rule unfixed.
    /// </summary>
    public static Task<CodeAction?> ActionAsync(FixAllContext context, string primaryKey, Func<string, string> title, Func<FixAllContext, string, CancellationToken, Task<Solution>> fixAll)
    {
        var key = context.CodeActionEquivalenceKey ?? primaryKey;
        return Task.FromResult<CodeAction?>(CodeAction.Create(title(key), cancellationToken => fixAll(context, key, cancellationToken), key));
    }

    public static IEnumerable<FixAllScope> Supported { get; } = new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public static IEnumerable<Document> Documents(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document when context.Document is not null => new[] { context.Document },
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(project => project.Documents),
        _ => Enumerable.Empty<Document>(),
    };
}
