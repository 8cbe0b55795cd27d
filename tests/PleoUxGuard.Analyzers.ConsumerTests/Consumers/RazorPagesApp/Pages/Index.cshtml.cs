using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RazorPagesConsumer.Pages;

public sealed class IndexModel(IHttpClientFactory httpClientFactory, ILogger<IndexModel> logger) : PageModel
{
    public string Status { get; private set; } = "Not connected";

    public string? ErrorMessage { get; private set; }

    public IActionResult OnGetConnection(string companyId, string apiKey) =>
        new JsonResult(new PleoConnection(companyId, apiKey)); // expect PUX004

    public IActionResult OnGetConnectionView(string companyId, string apiKey) =>
        new JsonResult(new PleoConnectionView(companyId, "••••" + apiKey[^4..]));

    public async Task<IActionResult> OnPostAsync(string apiKey, CancellationToken cancellationToken)
    {
        logger.LogInformation("Connecting with a key of {Length} characters", apiKey.Length);
        logger.LogInformation("Connecting with {ApiKey}", apiKey); // expect PUX001
        logger.LogDebug("Key starts with {Prefix}", apiKey[..8]); // expect PUX005
        logger.LogDebug("Key ends with {Suffix}", apiKey[^4..]);

        var client = httpClientFactory.CreateClient("pleo");
        using var response = await client.GetAsync("https://pleo.example/v1/introspect?key=" + apiKey, cancellationToken); // expect PUX006
        if (!response.IsSuccessStatusCode)
        {
            ModelState.AddModelError(string.Empty, "Authentication failed"); // expect PUX010
            ModelState.AddModelError(nameof(apiKey), $"The key {apiKey} was not accepted."); // expect PUX002
            return Page();
        }

        Response.Cookies.Append("pleo-key", apiKey); // expect PUX007
        Status = "Connected";
        return RedirectToPage();
    }
}
