namespace PleoUxGuard.AnalyzerCost.Corpus;

/// <summary>
/// One module of integration-style code (about 280 lines): records, an HttpClient-based client with
/// structured logging, minimal-API endpoints, an MVC controller, a Razor PageModel and a sync worker.
/// Every name carries the module's suffix so modules never collide. A few modules carry the mistakes our
/// rules look for (as real code bases do), so the rules do real work, not only early exits.
/// </summary>
internal static class ModuleTemplate
{
    public const string FileHeader = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        """;

    /// <summary>
    /// The same module for code that never sees a Pleo key (a ledger export, a sync of receipts): the key and its
    /// masked form become an account reference, which no rule treats as a secret. Everything else, the messages
    /// and the mistakes included, stays.
    /// </summary>
    public static string WithoutKey(string module) =>
        module.Replace("MaskedKey", "ShortRef", StringComparison.Ordinal)
            .Replace("ApiKey", "AccountRef", StringComparison.Ordinal)
            .Replace("apiKey", "accountRef", StringComparison.Ordinal);

    public static string Render(string n, bool withMistakes) => Records(n, withMistakes) + Client(n, withMistakes) + Endpoints(n, withMistakes)
        + Controller(n) + Page(n, withMistakes) + Worker(n) + Formatting(n);

    // A clean module's request record prints a masked key; a module with mistakes keeps the compiler's PrintMembers, which prints it whole.
    private static string Records(string n, bool withMistakes) => $$"""
        public sealed record Invoice{{n}}(Guid Id, string Number, decimal Amount, string Currency, DateTimeOffset IssuedAt)
        {
            public bool IsOverdue(DateTimeOffset now) => now - IssuedAt > TimeSpan.FromDays(30);

            public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Number}: {Amount:0.00} {Currency}");
        }

        public sealed record InvoiceLine{{n}}(string Sku, int Quantity, decimal UnitPrice)
        {
            public decimal Total => Quantity * UnitPrice;
        }

        public sealed record Receipt{{n}}(Guid Id, string Merchant, decimal Amount, string Category);

        public sealed record ConnectRequest{{n}}(string CompanyId, [property: JsonIgnore] string ApiKey)
        {
        {{(withMistakes ? "" : """
            private bool PrintMembers(StringBuilder builder)
            {
                builder.Append("CompanyId = ").Append(CompanyId).Append(", ApiKey = ••••").Append(ApiKey[^4..]);
                return true;
            }
        """)}}
        }

        public sealed record ConnectionView{{n}}(string CompanyId, string MaskedKey, DateTimeOffset ConnectedAt);

        public sealed class ExpenseOptions{{n}}
        {
            public string BaseUrl { get; set; } = "https://api.example.test/";

            public string ApiKey { get; set; } = string.Empty;

            public int RetryCount { get; set; } = 3;

            public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        }


        """;

    private static string Client(string n, bool withMistakes) => $$"""
        public sealed class ExpenseClient{{n}}(HttpClient http, ILogger<ExpenseClient{{n}}> logger, IOptions<ExpenseOptions{{n}}> options)
        {
            public async Task<IReadOnlyList<Invoice{{n}}>> GetInvoicesAsync(string companyId, int page, CancellationToken cancellationToken)
            {
                logger.LogInformation("Fetching invoices for {CompanyId}, page {Page}", companyId, page);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/companies/{companyId}/invoices?page={page}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Encode(options.Value.ApiKey));
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Invoice request for {CompanyId} failed with {StatusCode}", companyId, (int)response.StatusCode);
                    return Array.Empty<Invoice{{n}}>();
                }

                var invoices = await response.Content.ReadFromJsonAsync<List<Invoice{{n}}>>(cancellationToken) ?? new List<Invoice{{n}}>();
                var overdue = invoices.Where(invoice => invoice.IsOverdue(DateTimeOffset.UtcNow)).Select(invoice => invoice.Number).ToList();
                if (overdue.Count > 0)
                {
                    logger.LogInformation("{Count} overdue invoices: {Numbers}", overdue.Count, string.Join(", ", overdue));
                }

                return invoices;
            }

            public async Task<bool> UploadReceiptAsync(Receipt{{n}} receipt, CancellationToken cancellationToken)
            {
                for (var attempt = 1; attempt <= options.Value.RetryCount; attempt++)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("v1/receipts", receipt, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        logger.LogDebug("Uploaded receipt {ReceiptId} on attempt {Attempt}", receipt.Id, attempt);
                        return true;
                    }
                    catch (HttpRequestException exception) when (attempt < options.Value.RetryCount)
                    {
                        logger.LogWarning(exception, "Upload of {ReceiptId} failed on attempt {Attempt}", receipt.Id, attempt);
                    }
                }

                return false;
            }

            public async Task<string?> ValidateAsync(string apiKey, CancellationToken cancellationToken)
            {
                {{(withMistakes ? "logger.LogDebug(\"Validating key {ApiKey}\", apiKey);" : "logger.LogDebug(\"Validating a key of {Length} characters\", apiKey.Length);")}}
                using var request = new HttpRequestMessage(HttpMethod.Get, "v1/introspect");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Encode(apiKey));
                using var response = await http.SendAsync(request, cancellationToken);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
            }

            private static string Encode(string apiKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":"));
        }


        """;

    private static string Endpoints(string n, bool withMistakes) => $$"""
        public static class ExpenseEndpoints{{n}}
        {
            public static IEndpointRouteBuilder MapExpenseEndpoints{{n}}(this IEndpointRouteBuilder app)
            {
                var group = app.MapGroup("/api/module{{n}}");
                group.MapGet("/invoices/{companyId}", async (string companyId, int? page, ExpenseClient{{n}} client, CancellationToken cancellationToken) =>
                {
                    var invoices = await client.GetInvoicesAsync(companyId, page ?? 1, cancellationToken);
                    return Results.Ok(invoices.Select(invoice => new { invoice.Number, invoice.Amount, invoice.Currency }));
                });
                group.MapPost("/connect", async (ConnectRequest{{n}} body, ExpenseClient{{n}} client, CancellationToken cancellationToken) =>
                {
                    if (string.IsNullOrWhiteSpace(body.ApiKey))
                    {
                        return Results.BadRequest("The API key field is empty. Paste the key from Pleo's Integrations page.");
                    }

                    var company = await client.ValidateAsync(body.ApiKey, cancellationToken);
                    if (company is null)
                    {
                        return Results.BadRequest({{(withMistakes ? "\"Authentication failed\"" : "\"Pleo did not accept this API key. Check that you copied the whole key, then paste it again.\"")}});
                    }

                    var masked = "••••" + body.ApiKey[^4..];
                    return Results.Ok(new ConnectionView{{n}}(body.CompanyId, masked, DateTimeOffset.UtcNow));
                });
                group.MapDelete("/connect/{companyId}", (string companyId, ILogger<ExpenseClient{{n}}> logger) =>
                {
                    logger.LogInformation("Disconnecting {CompanyId}", companyId);
                    return Results.NoContent();
                });
                return app;
            }
        }


        """;

    private static string Controller(string n) => $$"""
        [ApiController]
        [Route("api/receipts{{n}}")]
        public sealed class ReceiptsController{{n}}(ILogger<ReceiptsController{{n}}> logger) : ControllerBase
        {
            private static readonly Dictionary<Guid, Receipt{{n}}> Store = new();

            [HttpGet("{id:guid}")]
            public ActionResult<Receipt{{n}}> Get(Guid id)
            {
                if (!Store.TryGetValue(id, out var receipt))
                {
                    logger.LogInformation("Receipt {ReceiptId} not found", id);
                    return NotFound();
                }

                return receipt;
            }

            [HttpPost]
            public IActionResult Create(Receipt{{n}} receipt)
            {
                if (receipt.Amount <= 0)
                {
                    ModelState.AddModelError(nameof(receipt.Amount), "Enter an amount greater than zero.");
                    return ValidationProblem(ModelState);
                }

                Store[receipt.Id] = receipt;
                logger.LogInformation("Stored receipt {ReceiptId} from {Merchant}", receipt.Id, receipt.Merchant);
                return CreatedAtAction(nameof(Get), new { id = receipt.Id }, receipt);
            }

            [HttpGet("by-category/{category}")]
            public IEnumerable<Receipt{{n}}> ByCategory(string category) =>
                Store.Values
                    .Where(receipt => string.Equals(receipt.Category, category, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(receipt => receipt.Amount)
                    .Take(50);
        }


        """;

    private static string Page(string n, bool withMistakes) => $$"""
        public sealed class SettingsModel{{n}}(ExpenseClient{{n}} client, ILogger<SettingsModel{{n}}> logger) : PageModel
        {
            [BindProperty]
            public string CompanyId { get; set; } = string.Empty;

            [BindProperty]
            public string ApiKey { get; set; } = string.Empty;

            public string? StatusMessage { get; private set; }

            public void OnGet()
            {
                StatusMessage = "Not connected";
            }

            public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
            {
                if (!ModelState.IsValid)
                {
                    return Page();
                }

                try
                {
                    var company = await client.ValidateAsync(ApiKey, cancellationToken);
                    StatusMessage = company is null
                        ? "Pleo did not accept this API key. Check that you copied the whole key, then paste it again."
                        : "Connected to Pleo for company " + CompanyId;
                }
                catch (HttpRequestException exception)
                {
                    logger.LogWarning(exception, "Pleo could not be reached for {CompanyId}", CompanyId);
                    StatusMessage = {{(withMistakes ? "exception.Message" : "\"Pleo could not be reached. Your settings are unchanged; try again in a minute.\"")}};
                }

                return Page();
            }
        }


        """;

    private static string Worker(string n) => $$"""
        public sealed class SyncWorker{{n}}(ExpenseClient{{n}} client, ILogger<SyncWorker{{n}}> logger)
        {
            public async Task<int> RunOnceAsync(IEnumerable<string> companies, CancellationToken cancellationToken)
            {
                var synced = 0;
                foreach (var companyId in companies)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            var invoices = await client.GetInvoicesAsync(companyId, 1, cancellationToken);
                            synced += invoices.Count;
                            break;
                        }
                        catch (HttpRequestException exception) when (attempt < 3)
                        {
                            logger.LogWarning(exception, "Sync of {CompanyId} failed on attempt {Attempt}", companyId, attempt);
                            await Task.Yield();
                        }
                    }
                }

                logger.LogInformation("Synced {Count} invoices", synced);
                return synced;
            }
        }


        """;

    private static string Formatting(string n) => $$"""
        public static class InvoiceFormatting{{n}}
        {
            public static string Summarise(IReadOnlyCollection<InvoiceLine{{n}}> lines, string currency)
            {
                var builder = new StringBuilder();
                foreach (var line in lines.OrderBy(line => line.Sku, StringComparer.Ordinal))
                {
                    builder.Append(line.Sku).Append(" x").Append(line.Quantity).Append(": ")
                        .Append(line.Total.ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').AppendLine(currency);
                }

                var total = lines.Sum(line => line.Total);
                return builder.Append("Total: ").Append(total.ToString("0.00", CultureInfo.InvariantCulture)).ToString();
            }

            public static string Category(decimal amount) => amount switch
            {
                < 0 => "refund",
                < 50 => "small",
                < 500 => "medium",
                _ => "large",
            };

            public static Dictionary<string, decimal> TotalsByCategory(IEnumerable<Receipt{{n}}> receipts) =>
                receipts.GroupBy(receipt => receipt.Category).ToDictionary(group => group.Key, group => group.Sum(receipt => receipt.Amount));
        }


        """;
}
