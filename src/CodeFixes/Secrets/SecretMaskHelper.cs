using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PleoUxGuard.CodeFixes.Secrets;

/// <summary>
/// The one small helper the masking fixes call, <c>SecretMask.LastFour(key)</c> → <c>••••abcd</c>, added to
/// the project as SecretMask.cs the first time a fix needs it.
/// </summary>
internal static class SecretMaskHelper
{
    public const string TypeName = "SecretMask";
    public const string FileName = "SecretMask.cs";

    public const string Source = """
        #nullable enable

        /// <summary>Shows a secret the way Pleo allows: at most its last four characters (••••abcd).</summary>
        internal static class SecretMask
        {
            /// <summary>"••••" and the last four characters; only "••••" for values too short to hide the rest.</summary>
            public static string LastFour(string? secret) =>
                secret is { Length: >= 8 } ? "••••" + secret.Substring(secret.Length - 4) : "••••";
        }

        """;

    /// <summary><c>SecretMask.LastFour(expression)</c>.</summary>
    public static ExpressionSyntax Call(ExpressionSyntax expression) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(TypeName),
                    SyntaxFactory.IdentifierName("LastFour")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression.WithoutTrivia()))))
            .WithTriviaFrom(expression);

    /// <summary>Adds SecretMask.cs to the project unless the compilation already has the helper.</summary>
    public static async Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null)
        {
            return solution;
        }

        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation?.GetTypeByMetadataName(TypeName) is not null)
        {
            return solution;
        }

        return project.AddDocument(FileName, SourceText.From(Source, System.Text.Encoding.UTF8)).Project.Solution;
    }
}
