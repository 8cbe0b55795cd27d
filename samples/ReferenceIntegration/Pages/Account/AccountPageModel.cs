using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Pages.Account;

/// <summary>What sign-in and sign-up share: the fields, the error list, signing the user in and where to go next.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal abstract class AccountPageModel : PageModel
{
    public const string AfterSignIn = "/integrations/pleo";

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<string> Errors { get; } = [];

    protected async Task<IActionResult> SignInAndContinueAsync(UserAccount user)
    {
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            WorkspaceClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AfterSignIn);
    }

    /// <summary>Re-shows the form with its errors; the password is never sent back.</summary>
    protected IActionResult ShowErrors()
    {
        Password = string.Empty;
        ModelState.Clear();
        return Page();
    }
}
