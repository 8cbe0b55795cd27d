using System.Security.Claims;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>A customer workspace (tenant). Everything about a Pleo connection belongs to exactly one.</summary>
internal readonly record struct TenantId(Guid Value)
{
    public static TenantId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>A user of one workspace, as stored.</summary>
internal sealed record UserAccount(Guid Id, TenantId TenantId, string WorkspaceName, string Email, string PasswordHash);

/// <summary>The claims a signed-in user carries; the tenant always comes from here, never from the request.</summary>
internal static class WorkspaceClaims
{
    public const string TenantId = "tenant_id";
    public const string WorkspaceName = "workspace_name";

    /// <summary>The server-side session the cookie belongs to (<see cref="SessionStore"/>), added as the cookie is issued.</summary>
    public const string SessionId = "session_id";

    public static ClaimsPrincipal For(UserAccount user, string authenticationScheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString("D")),
                new Claim(ClaimTypes.Name, user.Email),
                new Claim(TenantId, user.TenantId.ToString()),
                new Claim(WorkspaceName, user.WorkspaceName),
            ],
            authenticationScheme));

    public static TenantId GetTenantId(this ClaimsPrincipal principal) =>
        principal.TryGetTenantId() ?? throw new InvalidOperationException("The signed-in user has no workspace claim.");

    public static TenantId? TryGetTenantId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TenantId), out var id) ? new TenantId(id) : null;

    public static Guid? TryGetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? TryGetSessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionId);

    public static string GetWorkspaceName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(WorkspaceName) ?? string.Empty;
}
