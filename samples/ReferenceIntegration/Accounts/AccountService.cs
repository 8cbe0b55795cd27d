using Microsoft.AspNetCore.Identity;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>Sign-up and sign-in checks. Passwords are only ever stored as ASP.NET Core Identity hashes.</summary>
internal sealed partial class AccountService(AccountStore store, IPasswordHasher<UserAccount> hasher, SignInAttemptLimiter attempts, ILogger<AccountService> logger)
{
    public const int MinimumPasswordLength = 8;

    // What an unknown email's password is checked against, so a sign-in takes as long whether the email has an
    // account or not (the hash costs most of the time). Made on first use: a singleton, so once per process.
    private readonly Lazy<(UserAccount User, string Hash)> _nobody = new(() =>
    {
        var nobody = new UserAccount(Guid.Empty, new TenantId(Guid.Empty), string.Empty, string.Empty, PasswordHash: string.Empty);
        return (nobody, hasher.HashPassword(nobody, Guid.NewGuid().ToString("N")));
    });

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

    /// <summary>
    /// The user when the password matches (rehashing an old-format hash on the way); no user after a wrong email or
    /// password; and, once the email has been given too many wrong passwords in the window, a refusal that checks
    /// nothing, whatever the password.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (attempts.IsSpent(email))
        {
            LogSignInThrottled(logger);
            return SignInOutcome.Throttled(attempts.Window);
        }

        var user = await store.FindByEmailAsync(email, cancellationToken);
        var (account, hash) = user is null ? _nobody.Value : (user, user.PasswordHash);
        var result = hasher.VerifyHashedPassword(account, hash, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            // An unknown email counts too, so the limit says nothing about which emails have an account.
            attempts.TryAcquire(email);
            return SignInOutcome.Refused;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.UpdatePasswordHashAsync(user.Id, hasher.HashPassword(user, password), cancellationToken);
        }

        return SignInOutcome.SignedIn(user);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was refused: too many wrong passwords for that email in the window")]
    private static partial void LogSignInThrottled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {TenantId} created")]
    private static partial void LogWorkspaceCreated(ILogger logger, Guid tenantId);
}

/// <summary>What a sign-in attempt came to: the user, a refusal, or a refusal for too many wrong passwords.</summary>
internal sealed record SignInOutcome(UserAccount? User, TimeSpan? RetryWithin)
{
    public static readonly SignInOutcome Refused = new(null, null);

    public static SignInOutcome SignedIn(UserAccount user) => new(user, null);

    public static SignInOutcome Throttled(TimeSpan window) => new(null, window);
}
