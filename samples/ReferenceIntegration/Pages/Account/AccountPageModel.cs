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

    /// <summary>Shown when the form reader could not read the posted form (a pasted control character).</summary>
    public const string UnreadableForm = "Some characters in the form could not be read. Type your details again, then submit the form.";

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

    /// <summary>Says so when the page was opened again because its form could not be read (<see cref="Hosting.UnreadableFormGuard"/>).</summary>
    protected void NoteUnreadableForm()
    {
        if (Hosting.UnreadableFormGuard.WasRefused(Request, TempData))
        {
            Errors.Add(UnreadableForm);
        }
    }

    /// <summary>Re-shows the form with its errors; the password is never sent back.</summary>
    protected IActionResult ShowErrors()
    {
        Password = string.Empty;
        ModelState.Clear();
        return Page();
    }
}
