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

        var user = await accounts.SignInAsync(Email, Password, cancellationToken);
        if (user is null)
        {
            Errors.Add("That email and password do not match an account. Check them and try again, or create a workspace.");
            return ShowErrors();
        }

        return await SignInAndContinueAsync(user);
    }
}
