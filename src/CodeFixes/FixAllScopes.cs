using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PleoUxGuard.CodeFixes;

/// <summary>What the fix-all providers that rewrite a document at once share: the documents of a scope.</summary>
internal static class FixAllScopes
{
    public static IEnumerable<FixAllScope> Supported { get; } = new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public static IEnumerable<Document> Documents(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document when context.Document is not null => new[] { context.Document },
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(project => project.Documents),
        _ => Enumerable.Empty<Document>(),
    };
}
