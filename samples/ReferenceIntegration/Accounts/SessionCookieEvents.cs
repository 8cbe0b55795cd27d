using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>
/// Ties every sign-in cookie to a server-side session (<see cref="SessionStore"/>): issuing the cookie starts one
/// and puts its id in the cookie, every request checks it is still there, and signing out deletes it, so a copy of
/// the cookie taken before sign-out is refused afterwards. Other sessions of the same user (another browser) go on.
/// </summary>
internal sealed partial class SessionCookieEvents(SessionStore sessions, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || context.Principal.TryGetUserId() is not { } userId
            || context.Principal.TryGetTenantId() is not { } tenantId)
        {
            throw new InvalidOperationException("A sign-in needs the user and workspace claims of WorkspaceClaims.For.");
        }

        // Signing in again in the same browser replaces its session: the earlier cookie (and any copy of it) ends here.
        if (context.HttpContext.User.TryGetSessionId() is { } earlier)
        {
            await sessions.EndAsync(earlier, CancellationToken.None);
        }

        var id = await sessions.StartAsync(userId, tenantId, context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(WorkspaceClaims.SessionId, id));
    }

    /// <summary>
    /// One lookup by primary key per request, not cached on purpose: a cache would keep a signed-out cookie working
    /// until its entry expired (and, with more than one instance, on those that did not see the sign-out).
    /// </summary>
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.TryGetSessionId() is { } id
            && principal.TryGetUserId() is { } userId
            && principal.TryGetTenantId() is { } tenantId
            && await sessions.IsActiveAsync(id, userId, tenantId, context.HttpContext.RequestAborted))
        {
            return;
        }

        // Signed out (or issued before sessions were recorded): the request goes on as anonymous, and the browser
        // is told to drop the cookie.
        LogSessionRefused(logger);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    /// <summary>The cookie is renewed at most once per half of its lifetime; its session's expiry moves with it.</summary>
    public override async Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.TryGetSessionId() is { } id)
        {
            await sessions.ExtendAsync(id, context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
        }
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        // The request's user is the one its cookie signed in, checked above. The session ends even when the browser
        // stops waiting for the answer: the sign-out is what the user asked for.
        if (context.HttpContext.User.TryGetSessionId() is { } id)
        {
            await sessions.EndAsync(id, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A sign-in cookie was refused: its session has ended (signed out) or it has none")]
    private static partial void LogSessionRefused(ILogger logger);
}
