using Microsoft.AspNetCore.Mvc.RazorPages;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;

namespace PleoUxGuard.ReferenceIntegration.Pages;

/// <summary>The workspace overview: where the connection stands, without calling Pleo.</summary>
internal sealed class IndexModel(PleoConnectionService connections) : PageModel
{
    internal PleoConnection Connection { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Connection = await connections.GetStoredAsync(User.GetTenantId(), cancellationToken);
}
