using Microsoft.AspNetCore.Mvc;
using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Pages.Account;

/// <summary>Self-service sign-up: a new workspace (tenant) with its first user, signed in at once.</summary>
internal sealed class RegisterModel(AccountService accounts) : AccountPageModel
{
    public const int MaxFieldLength = 200;

    [BindProperty]
    public string WorkspaceName { get; set; } = string.Empty;

    public void OnGet() => NoteUnreadableForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(WorkspaceName) || WorkspaceName.Length > MaxFieldLength)
        {
            Errors.Add($"Enter a workspace name of up to {MaxFieldLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Length > MaxFieldLength || !Email.Contains('@', StringComparison.Ordinal))
        {
            Errors.Add("Enter your email address, for example name@example.com.");
        }

        if (Password.Length < AccountService.MinimumPasswordLength || Password.Length > MaxFieldLength)
        {
            Errors.Add($"Choose a password of at least {AccountService.MinimumPasswordLength} characters.");
        }

        if (Errors.Count > 0)
        {
            return ShowErrors();
        }

        var user = await accounts.RegisterAsync(WorkspaceName, Email, Password, cancellationToken);
        if (user is null)
        {
            Errors.Add("An account with this email already exists. Sign in instead, or use another email address.");
            return ShowErrors();
        }

        return await SignInAndContinueAsync(user);
    }
}
