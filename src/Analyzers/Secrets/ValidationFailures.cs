using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// FluentValidation keeps the value that failed a rule in its <c>ValidationFailure.AttemptedValue</c>: the pasted key,
/// when a rule on a secret member fails (<c>RuleFor(x =&gt; x.ApiKey).Must(LookLikeAPleoKey)</c>). In a compilation with
/// such a rule a failure's <c>AttemptedValue</c> is a secret, read on its own or written with the failure (destructured,
/// serialized: <c>BadRequest(result.Errors)</c>). Where every rule is on other members (amounts, dates, a company id),
/// it is not.
/// </summary>
internal static class ValidationFailures
{
    private const string ResultsNamespace = "FluentValidation.Results";

    public static bool IsFailure(INamedTypeSymbol? type) => FlowTypes.IsNamed(type, "ValidationFailure", ResultsNamespace);

    /// <remarks>Asked of every property read by a body: the name first.</remarks>
    public static bool IsAttemptedValue(IPropertySymbol property) => property.Name == "AttemptedValue" && IsFailure(property.ContainingType);

    /// <summary>Whether the compilation references FluentValidation.</summary>
    public static bool AreReferenced(Compilation compilation) => compilation.FindType(ResultsNamespace + ".ValidationFailure") is not null;

    /// <summary>
    /// Whether a validator of the compilation has a rule on a member named like a secret: <c>RuleFor(x =&gt; x.ApiKey)</c>,
    /// <c>RuleFor(r =&gt; r.Pleo.ApiKey)</c>, <c>RuleForEach(…)</c>. Read from the syntax, without binding: asked once per
    /// compilation, and only when a failure's value is met.
    /// </summary>
    public static bool HaveRuleOnSecret(Compilation compilation, SecretNameMatcher names)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.GetText().ToString().Contains("RuleFor"))
            {
                continue;
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } call
                    && arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax member }
                    && RuleName(call.Expression) is "RuleFor" or "RuleForEach"
                    && names.IsSecretName(member.Name.Identifier.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? RuleName(ExpressionSyntax called) => called switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
