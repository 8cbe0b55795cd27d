using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Hosting;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Pages.Integrations;

/// <summary>
/// The Pleo connection page: connect, update or replace the key, disconnect. Every handler works on the signed-in
/// user's own tenant; the key is read from the form once, handed to the service and never rendered back.
/// Posts end in a redirect to the page (post/redirect/get), so a reload shows the current state instead of
/// sending the key again; what the attempt has to say travels in TempData (messages, a company id and, for a replaced
/// key, the masked key the page shows; never the key).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal sealed class PleoModel(PleoConnectionService connections) : PageModel
{
    internal ConnectionView Connection { get; private set; } = null!;

    [BindProperty]
    public string? ApiKey { get; set; }

    [BindProperty]
    public Guid? ConfirmCompanySwitch { get; set; }

    [TempData]
    public string? AttemptNotice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Connection = await connections.GetAsync(User.GetTenantId(), cancellationToken);
        if (AttemptNotice is not null && JsonSerializer.Deserialize<Notice>(AttemptNotice) is { } notice)
        {
            // The attempt's messages already include the standing warnings, in the order they should be read.
            // A replacement is confirmed while the key it saved is still the stored one, not after a later submission replaced it.
            var stillStored = notice.Replaced is { } replaced && replaced == new Replacement(Connection.CompanyId, Connection.MaskedKey);
            Connection = Connection with { Alerts = notice.Alerts, CompanySwitchToConfirm = notice.CompanySwitchToConfirm, KeyReplaced = stillStored };
        }

        if (UnreadableFormGuard.WasRefused(Request, TempData))
        {
            // Said as any refused submission is: a standing connection is still active.
            Connection = Connection with { Alerts = [MessageCatalogue.WrongFormat, .. PleoConnectionService.KeptPrevious(Connection.State), .. Connection.Alerts] };
        }
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        var outcome = await connections.SubmitKeyAsync(User.GetTenantId(), ApiKey, ConfirmCompanySwitch, cancellationToken);
        Forget();
        var replaced = outcome.KeyReplaced ? new Replacement(outcome.CompanyId, outcome.MaskedKey) : null;
        AttemptNotice = JsonSerializer.Serialize(new Notice([.. outcome.Alerts], outcome.CompanySwitchToConfirm, replaced));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        await connections.DisconnectAsync(User.GetTenantId(), cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Drops the submitted key from the page model and model state.</summary>
    private void Forget()
    {
        ApiKey = null;
        ModelState.Clear();
    }

    private sealed record Notice(string[] Alerts, Guid? CompanySwitchToConfirm, Replacement? Replaced);

    /// <summary>The connection a replacement saved, as the page shows it: its company and the masked key (last four only).</summary>
    private sealed record Replacement(Guid? CompanyId, string? MaskedKey);
}
