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
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal sealed class PleoModel(PleoConnectionService connections) : PageModel
{
    internal ConnectionView Connection { get; private set; } = null!;

    [BindProperty]
    public string? ApiKey { get; set; }

    [BindProperty]
    public Guid? ConfirmCompanySwitch { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Connection = await connections.GetAsync(User.GetTenantId(), cancellationToken);
        if (UnreadableFormGuard.WasRefused(Request))
        {
            Connection = Connection with { Alerts = [MessageCatalogue.WrongFormat, .. Connection.Alerts] };
        }
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        Connection = await connections.SubmitKeyAsync(User.GetTenantId(), ApiKey, ConfirmCompanySwitch, cancellationToken);
        Forget();
        if (Connection.Alerts.Contains(MessageCatalogue.TooManyConnectAttempts))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        Connection = await connections.DisconnectAsync(User.GetTenantId(), cancellationToken);
        return Page();
    }

    /// <summary>Drops the submitted key from the page model and model state before anything renders.</summary>
    private void Forget()
    {
        ApiKey = null;
        ModelState.Clear();
    }
}
