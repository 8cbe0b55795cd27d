using Microsoft.AspNetCore.Mvc;
using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Pages.Account;

internal sealed class LoginModel(AccountService accounts) : AccountPageModel
{
    public void OnGet() => NoteUnreadableForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Errors.Add("Enter your email and your password to sign in.");
            return ShowErrors();
        }

        var outcome = await accounts.SignInAsync(Email, Password, cancellationToken);
        if (outcome.RetryWithin is { } window)
        {
            Errors.Add($"There have been too many wrong passwords for this email. Wait {Minutes(window)}, then try again.");
            return ShowErrors();
        }

        if (outcome.User is not { } user)
        {
            Errors.Add("That email and password do not match an account. Check them and try again, or create a workspace.");
            return ShowErrors();
        }

        return await SignInAndContinueAsync(user);
    }

    private static string Minutes(TimeSpan window) =>
        window <= TimeSpan.FromMinutes(1) ? "a minute" : $"{Math.Ceiling(window.TotalMinutes):0} minutes";
}
