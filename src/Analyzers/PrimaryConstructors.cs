using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PleoUxGuard.Analyzers;

/// <summary>A primary constructor has no body of its own: what it runs that the rules read is its base call.</summary>
internal static class PrimaryConstructors
{
    /// <summary>
    /// The base call (<c>: Exception($"… {value}")</c>) of the type a primary constructor's declaring syntax is, or null
    /// when <paramref name="declaration"/> is no such type or calls no base constructor with arguments.
    /// </summary>
    public static PrimaryConstructorBaseTypeSyntax? BaseCallOf(SyntaxNode declaration) =>
        declaration is TypeDeclarationSyntax { BaseList: { Types.Count: > 0 } bases } && bases.Types[0] is PrimaryConstructorBaseTypeSyntax baseCall
            ? baseCall
            : null;
}
