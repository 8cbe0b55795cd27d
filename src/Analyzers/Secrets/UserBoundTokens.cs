using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// Tokens ASP.NET Core makes to be handed to the user's browser: antiforgery tokens go into the page, a header or a
/// cookie, and Identity's email-confirmation, password-reset and change-of-email tokens into the link it emails (as
/// its templates do). They stay secrets everywhere else (a reset token in a log lets whoever reads it take over the
/// account); only the sinks they are made for (page output, URLs, cookies and response headers) do not report them.
/// A Blazor WebAssembly app's sign-in access token (<c>AccessToken.Value</c>, from <c>IAccessTokenProvider</c>) is the
/// signed-in user's own, already in their browser and made to be sent in a request header: only the browser's sinks
/// (a request header, JavaScript interop) do not report it; in a URL it ends up in history and server logs.
/// </summary>
internal static class UserBoundTokens
{
    /// <summary>Whether <paramref name="source"/>, reaching a sink of <paramref name="kind"/>, goes where it is meant to.</summary>
    public static bool GoesWhereMeant(ISymbol? source, SinkKind kind) => kind switch
    {
        SinkKind.Client or SinkKind.Url => IsHandedToUser(source),
        SinkKind.Browser => IsHandedToUser(source) || IsSignInAccessToken(source),
        _ => false,
    };

    /// <summary>Whether <paramref name="source"/> is a token made for the user, whichever sinks it is meant for.</summary>
    public static bool IsUserBound(ISymbol? source) => IsHandedToUser(source) || IsSignInAccessToken(source);

    /// <summary><c>AccessToken.Value</c> of Blazor WebAssembly's authentication library.</summary>
    public static bool IsSignInAccessToken(ISymbol? source) =>
        source is IPropertySymbol { Name: "Value", ContainingType: { Name: "AccessToken" } owner }
        && FlowTypes.IsNamespace(owner.ContainingNamespace, "Microsoft.AspNetCore.Components.WebAssembly.Authentication");

    private static bool IsHandedToUser(ISymbol? source) => source switch
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
