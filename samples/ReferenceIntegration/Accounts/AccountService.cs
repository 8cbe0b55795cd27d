using Microsoft.AspNetCore.Identity;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>Sign-up and sign-in checks. Passwords are only ever stored as ASP.NET Core Identity hashes.</summary>
internal sealed partial class AccountService(AccountStore store, IPasswordHasher<UserAccount> hasher, ILogger<AccountService> logger)
{
    public const int MinimumPasswordLength = 8;

    public async Task<UserAccount?> RegisterAsync(string workspaceName, string email, string password, CancellationToken cancellationToken)
    {
        var draft = new UserAccount(Guid.NewGuid(), TenantId.New(), workspaceName.Trim(), email.Trim(), PasswordHash: string.Empty);
        var user = draft with { PasswordHash = hasher.HashPassword(draft, password) };
        if (!await store.TryCreateWorkspaceAsync(user, cancellationToken))
        {
            return null;
        }

        LogWorkspaceCreated(logger, user.TenantId.Value);
        return user;
    }

    /// <summary>The user when the password matches; rehashes old-format hashes on the way.</summary>
    public async Task<UserAccount?> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await store.FindByEmailAsync(email.Trim(), cancellationToken);
        if (user is null)
        {
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.UpdatePasswordHashAsync(user.Id, hasher.HashPassword(user, password), cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {TenantId} created")]
    private static partial void LogWorkspaceCreated(ILogger logger, Guid tenantId);
}
