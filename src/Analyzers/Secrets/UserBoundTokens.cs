using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// Tokens ASP.NET Core makes to be handed to the user's browser: antiforgery tokens go into the page, a header or a
/// cookie, and Identity's email-confirmation, password-reset and change-of-email tokens into the link it emails (as
/// its templates do). They stay secrets everywhere else (a reset token in a log lets whoever reads it take over the
/// account); only the sinks they are made for (page output, URLs, cookies and response headers) do not report them.
/// </summary>
internal static class UserBoundTokens
{
    /// <summary>Whether <paramref name="source"/>, reaching a sink of <paramref name="kind"/>, goes where it is meant to.</summary>
    public static bool GoesWhereMeant(ISymbol? source, SinkKind kind) =>
        kind is SinkKind.Client or SinkKind.Url or SinkKind.Browser && IsUserBound(source);

    private static bool IsUserBound(ISymbol? source) => source switch
    {
        null => false,
        IPropertySymbol { ContainingType: { } owner } when FlowTypes.IsNamed(owner, "AntiforgeryTokenSet", "Microsoft.AspNetCore.Antiforgery") => true,
        IMethodSymbol { ContainingType: { } owner } method =>
            method.Name is "GenerateEmailConfirmationTokenAsync" or "GeneratePasswordResetTokenAsync" or "GenerateChangeEmailTokenAsync"
            && FlowTypes.IsNamed(owner.OriginalDefinition, "UserManager", "Microsoft.AspNetCore.Identity"),
        _ => IsAntiforgeryTokenName(source.Name),
    };

    /// <summary><c>xsrfToken</c>, <c>csrfToken</c>, <c>antiforgeryToken</c>: a token named for the check; a <c>csrfSigningSecret</c> is not one.</summary>
    private static bool IsAntiforgeryTokenName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count < 2 || words[words.Count - 1] is not ("token" or "tokens"))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word is "antiforgery" or "csrf" or "xsrf")
            {
                return true;
            }
        }

        return false;
    }
}
