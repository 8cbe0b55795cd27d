using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ConformanceKit.Tests.Fixtures;

/// <summary>
/// A small integration that meets every requirement unless told otherwise: each tenant signs in at
/// /login?tenant=…&amp;faults=a,b and gets exactly those faults (see <see cref="Fault"/>). The kit's tests
/// prove each check can fail by running it against one fault at a time.
/// </summary>
public sealed class BrokenIntegration : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _pleo;
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new();

    private BrokenIntegration(WebApplication app, Uri pleoBaseUrl)
    {
        _app = app;
        _pleo = new HttpClient { BaseAddress = pleoBaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<BrokenIntegration> StartAsync(Uri pleoBaseUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        
        var app = builder.Build();
        app.UseWebSockets();
        var fixture = new BrokenIntegration(app, pleoBaseUrl);
        app.MapGet("/login", fixture.Login);
        app.MapGet("/connect", (Delegate)fixture.ShowAsync);
        app.MapPost("/connect", (Delegate)fixture.ConnectAsync);
        app.MapGet("/api/echo", fixture.Echo);
        app.MapGet("/api/status", (Delegate)fixture.StatusAsync);
        app.MapGet("/api/answer", fixture.Answer);
        app.MapGet("/frame", fixture.Frame);
        app.MapGet("/gone", () => Results.Content("<!doctype html><html lang=en><title>Not found</title><h1>This page does not exist</h1>", "text/html", statusCode: 404));
        app.MapGet("/stall", () => Results.Content("<!doctype html><html lang=en><title>stall</title><p id=marker>stall-page-body</p><script>fetch('/api/stall').then(r => { document.getElementById('marker').dataset.headers = '1'; return r.text(); });</script>", "text/html"));
        app.MapGet("/api/stall", StallAsync);
        app.Map("/ws", (Delegate)fixture.SocketAsync);
        await app.StartAsync();
        fixture.BaseUrl = new Uri(app.Urls.Single());
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _pleo.Dispose();
    }

    private IResult Login(HttpContext http)
    {
        var id = http.Request.Query["tenant"].ToString();
        var faults = http.Request.Query["faults"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _tenants[id] = new Tenant(faults.ToHashSet());
        http.Response.Cookies.Append("tenant", id, new CookieOptions { HttpOnly = true });
        return Results.Redirect("/connect");
    }

    private Tenant? TenantOf(HttpContext http) =>
        http.Request.Cookies.TryGetValue("tenant", out var id) && _tenants.TryGetValue(id, out var tenant) ? tenant : null;

    private async Task<IResult> ConnectAsync(HttpContext http)
    {
        if (TenantOf(http) is not { } tenant)
        {
            return Results.Redirect("/login");
        }

        var form = await http.Request.ReadFormAsync();
        var key = form["key"].ToString().Trim();
        var wasConnected = tenant.Status == Status.Connected;
        var wasActionRequired = tenant.Status == Status.ActionRequired;
        tenant.Notice = null;
        if (tenant.Has(Fault.ReplaceDoesNotRestore) && wasActionRequired)
        {
            return Results.Redirect("/connect");
        }

        if (tenant.Has(Fault.RetryNeverAsksPleo) && tenant.Status == Status.Failed)
        {
            return Results.Redirect("/connect");
        }

        if (tenant.Has(Fault.SavesWithoutValidation))
        {
            (tenant.Status, tenant.Key, tenant.Company, tenant.Message) = (Status.Connected, key, null, null);
            return Results.Redirect("/connect");
        }

        if (tenant.Has(Fault.ValidatesInBackground))
        {
            // Answers the post at once and asks Pleo a moment later: the page the redirect loads is older than Pleo's answer.
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                await ValidateAndApplyAsync(null, tenant, key, wasConnected);
            });
            return Results.Redirect("/connect");
        }

        return await ValidateAndApplyAsync(http, tenant, key, wasConnected);
    }

    private async Task<IResult> ValidateAndApplyAsync(HttpContext? http, Tenant tenant, string key, bool wasConnected)
    {
        var (status, company) = await ValidateAsync(key, withoutColon: tenant.Has(Fault.HeaderWithoutColon));
        var failedBefore = tenant.Status is Status.Failed or Status.ActionRequired;
        if (tenant.Has(Fault.KeyInPleoUrl))
        {
            using var _ = await _pleo.GetAsync(new Uri($"v1/companies?api_key={Uri.EscapeDataString(key)}", UriKind.Relative));
        }

        if (status == HttpStatusCode.OK)
        {
            tenant.Rotated = wasConnected;
            tenant.Recovered = failedBefore;
            (tenant.Status, tenant.Key, tenant.Company, tenant.Message) = (Status.Connected, key, company, null);
            if (tenant.Has(Fault.LeakCookie))
            {
                http?.Response.Cookies.Append("pleo", key);
            }

            return Results.Redirect("/connect");
        }

        var message = MessageFor(tenant, status) + (tenant.Has(Fault.EchoesKeyInError) ? $" (API key: {key})" : string.Empty);
        if (wasConnected && tenant.Has(Fault.RotationFailureDisconnectsQuietly))
        {
            // Answers the post itself (no redirect) with the page as it was, then drops the connection.
            tenant.Message = message + " " + MessageCatalogue.RotationKeptPrevious;
            var stale = Page.Render(tenant, updating: false);
            (tenant.Status, tenant.Key, tenant.Company, tenant.Message) = (Status.Failed, null, null, message);
            return Results.Content(stale, "text/html; charset=utf-8");
        }

        if (wasConnected && !tenant.Has(Fault.RotationFailureDisconnects))
        {
            tenant.Message = message + " " + MessageCatalogue.RotationKeptPrevious;
            return Results.Redirect("/connect");
        }

        (tenant.Status, tenant.Key, tenant.Company, tenant.Message) = (Status.Failed, null, null, message);
        return Results.Redirect("/connect");
    }

    private static string MessageFor(Tenant tenant, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized when tenant.Has(Fault.GenericInvalidMessage) => "Authentication failed. Please try again.",
        HttpStatusCode.Unauthorized when tenant.Has(Fault.NoRecoveryAction) => "The API key appears to be invalid.",
        HttpStatusCode.Unauthorized => MessageCatalogue.InvalidKey,
        HttpStatusCode.Forbidden when tenant.Has(Fault.SameMessageForPermission) => MessageCatalogue.InvalidKey,
        HttpStatusCode.Forbidden when tenant.Has(Fault.NoRecoveryAction) => "This API key does not have the permissions this integration needs.",
        HttpStatusCode.Forbidden => MessageCatalogue.MissingPermission,
        _ when tenant.Has(Fault.OutageAsInvalidKey) => MessageCatalogue.InvalidKey,
        _ => MessageCatalogue.PleoUnavailable,
    };

    private async Task<(HttpStatusCode Status, Guid? Company)> ValidateAsync(string key, bool withoutColon = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("v1/introspect", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(withoutColon ? key : key + ":")));
        using var response = await _pleo.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var subject = json.RootElement.GetProperty("data").GetProperty("subjectURN").GetString()!;
        return (HttpStatusCode.OK, Guid.Parse(subject[(subject.LastIndexOf(':') + 1)..]));
    }

    private async Task<IResult> ShowAsync(HttpContext http)
    {
        if (TenantOf(http) is not { } tenant)
        {
            return Results.Redirect("/login");
        }

        if (tenant.Status == Status.Connected && tenant.Company is not null && !tenant.Has(Fault.IgnoresRevocation))
        {
            var (status, _) = await ValidateAsync(tenant.Key!);
            if (status == HttpStatusCode.Unauthorized)
            {
                (tenant.Status, tenant.Message) = (Status.ActionRequired, MessageCatalogue.KeyRevoked);
            }
            else if (status == HttpStatusCode.Forbidden && !tenant.Has(Fault.IgnoresPermissionLoss))
            {
                (tenant.Status, tenant.Message) = (Status.ActionRequired, tenant.Has(Fault.PermissionLossWarnedAsRevoked) ? MessageCatalogue.KeyRevoked : MessageCatalogue.MissingPermission);
            }
        }

        var updating = http.Request.Query.ContainsKey("update");
        return Results.Content(Page.Render(tenant, updating), "text/html; charset=utf-8");
    }

    // Late on purpose: a page that draws its status from here has not drawn it when its load event fires.
    private async Task<IResult> StatusAsync(HttpContext http)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return TenantOf(http) is { } tenant ? Results.Json(new { label = Page.LabelOf(tenant) }) : Results.Unauthorized();
    }

    /// <summary>The status label and the message the page shows now, for a page that polls for its answer.</summary>
    private IResult Answer(HttpContext http) =>
        TenantOf(http) is { } tenant ? Results.Json(new { label = Page.LabelOf(tenant), message = tenant.Message ?? string.Empty }) : Results.Unauthorized();

    private IResult Echo(HttpContext http) =>
        TenantOf(http) is { Key: { } key } tenant && tenant.Faults.Any(f => f.StartsWith("leak-", StringComparison.Ordinal))
            ? Results.Json(new { v = key })
            : Results.Json(new { v = string.Empty });

    /// <summary>Answers its headers and a first chunk, then never finishes the body (until the browser gives up on it).</summary>
    private static async Task StallAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("{\"v\":");
        await http.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The browser cancelled the request.
        }
    }

    /// <summary>
    /// The page's WebSocket: once connected it sends a text frame and a binary frame, with the key when the tenant has
    /// a WebSocket leak and the key's masked ending otherwise; then it reads what the page sends (the typed key) until it closes.
    /// </summary>
    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || TenantOf(http) is not { } tenant)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var key = tenant.Key;
        var shown = key is null ? "not connected" : "••••" + key[^4..];
        var text = tenant.Has(Fault.LeakWebSocketText) && key is not null ? key : shown;
        var packed = tenant.Has(Fault.LeakWebSocketBinary) && key is not null ? key : shown;

        // A SignalR JSON invocation ends with the record separator 0x1E.
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"target\":\"JS.BeginInvokeJS\",\"arguments\":[1,\"pleoCache.remember\",\"[\\\"{text}\\\"]\"]}}\u001e"), WebSocketMessageType.Text, true, http.RequestAborted);

        // blazorpack: a varint length, then a MessagePack array whose strings are str8 (0xD9, length, raw UTF-8 bytes).
        var bytes = Encoding.UTF8.GetBytes(packed);
        byte[] message = [0x95, 0x01, 0x80, 0xC0, 0xD9, (byte)bytes.Length, .. bytes, 0xC3];
        await socket.SendAsync((byte[])[(byte)message.Length, .. message], WebSocketMessageType.Binary, true, http.RequestAborted);

        var buffer = new byte[4096];
        try
        {
            while (!(await socket.ReceiveAsync(buffer, http.RequestAborted)).CloseStatus.HasValue)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The page went away without closing.
        }
    }

    private IResult Frame(HttpContext http) =>
        Results.Content($"<!doctype html><html lang=en><title>frame</title><div data-k=\"{TenantOf(http)?.Key}\">details</div>", "text/html");

    internal enum Status
    {
        NotConnected,
        Connected,
        Failed,
        ActionRequired,
    }

    internal sealed class Tenant(HashSet<string> faults)
    {
        public HashSet<string> Faults { get; } = faults;

        public Status Status { get; set; }

        public string? Key { get; set; }

        public Guid? Company { get; set; }

        public string? Message { get; set; }

        public string? Notice { get; set; }

        public bool Rotated { get; set; }

        /// <summary>The key connected after a failure or a warning.</summary>
        public bool Recovered { get; set; }

        public bool Has(string fault) => Faults.Contains(fault);
    }
}
