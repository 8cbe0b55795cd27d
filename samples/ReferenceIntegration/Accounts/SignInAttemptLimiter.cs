using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Hosting;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>How many wrong passwords an email may be given per window. Section <c>SignInAttempts</c>.</summary>
internal sealed class SignInAttemptOptions : AttemptWindowOptions
{
    public const string SectionName = "SignInAttempts";

    public SignInAttemptOptions()
    {
        PermitLimit = 5;
        Window = TimeSpan.FromMinutes(5);
    }
}

/// <summary>
/// Wrong passwords per email (any case), so nobody can guess a workspace's password at speed. Only failures count:
/// someone who signs in and out all day is never held back.
/// </summary>
internal sealed class SignInAttemptLimiter(IOptions<SignInAttemptOptions> options)
    : AttemptLimiter<string>(options.Value, StringComparer.OrdinalIgnoreCase);
