using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// What a project tells Serilog's destructuring (<c>{@Request}</c>) to leave out of a logged object, so a key it
/// hides is not reported: a member marked with Destructurama.Attributed's <c>[NotLogged]</c>, <c>[LogReplaced]</c> or a
/// <c>[LogMasked]</c> that shows at most the last four characters, and a type given its own shape with
/// <c>Destructure.ByTransforming&lt;T&gt;(…)</c> that does not copy a secret member as it is. Each is taken at its word:
/// whether the logger is configured to honour the attributes (<c>Destructure.UsingAttributes()</c>, often in another
/// project) is not checked.
/// </summary>
internal static class LogDestructuring
{
    private const string AttributesNamespace = "Destructurama.Attributed";

    /// <summary>The most characters a mask may show, the last ones, as Pleo's key display does.</summary>
    private const int ShownAtMost = 4;

    /// <summary>Whether a Destructurama attribute of <paramref name="member"/> keeps its value out of the log.</summary>
    public static bool LeavesOut(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || !FlowTypes.IsNamespace(type.ContainingNamespace, AttributesNamespace))
            {
                continue;
            }

            switch (type.Name)
            {
                case "NotLoggedAttribute" or "LogReplacedAttribute":
                    return true;
                case "LogMaskedAttribute":
                    return ShowsAtMostTheLastFour(attribute);
            }
        }

        return false;
    }

    /// <summary><c>[LogMasked]</c> writes <c>***</c>; <c>ShowFirst</c> shows the key's start, and <c>ShowLast</c> over four too much of its end.</summary>
    private static bool ShowsAtMostTheLastFour(AttributeData masked)
    {
        foreach (var argument in masked.NamedArguments)
        {
            if ((argument.Key == "ShowFirst" && argument.Value.Value is int first && first > 0)
                || (argument.Key == "ShowLast" && argument.Value.Value is int last && last > ShownAtMost))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the compilation references Serilog, whose destructuring this is.</summary>
    public static bool AreReferenced(Compilation compilation) => compilation.FindType("Serilog.Configuration.LoggerDestructuringConfiguration") is not null;

    /// <summary>
    /// The names of the types a <c>Destructure.ByTransforming&lt;T&gt;(…)</c> of the compilation gives a shape of their own
    /// (<c>ConnectRequest</c> in <c>ByTransforming&lt;ConnectRequest&gt;(r =&gt; new { r.CompanyId })</c>). Read from the
    /// syntax, without binding, so by the type's name: read once per compilation, on the first object destructured,
    /// and only in a project that references Serilog.
    /// </summary>
    public static ImmutableHashSet<string> TransformedTypeNames(Compilation compilation, SecretNameMatcher secretNames)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.GetText().ToString().Contains("ByTransforming<"))
            {
                continue;
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is GenericNameSyntax { Identifier.ValueText: "ByTransforming", TypeArgumentList.Arguments: { Count: 1 } arguments }
                    && TypeName(arguments[0]) is { } name
                    && !CopiesSecret(node, secretNames))
                {
                    names.Add(name);
                }
            }
        }

        return names.ToImmutable();
    }

    /// <summary>
    /// Whether the transform hands a secret member over as it is (<c>r =&gt; new { r.CompanyId, r.ApiKey }</c>,
    /// <c>r =&gt; r.ApiKey</c>): then it writes the key, and the type is judged as if it had none. A member passed to
    /// anything (<c>KeyMask.LastFour(c.ApiKey)</c>, <c>c.ApiKey[^4..]</c>) is taken as masked.
    /// </summary>
    private static bool CopiesSecret(SyntaxNode transform, SecretNameMatcher names)
    {
        if (transform.Parent?.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
            || arguments[0].Expression is not LambdaExpressionSyntax { ExpressionBody: { } body })
        {
            return false;
        }

        if (IsSecretMember(body, names))
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is AnonymousObjectMemberDeclaratorSyntax member && IsSecretMember(member.Expression, names))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSecretMember(ExpressionSyntax expression, SecretNameMatcher names) =>
        expression is MemberAccessExpressionSyntax access && names.IsSecretName(access.Name.Identifier.ValueText);

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
