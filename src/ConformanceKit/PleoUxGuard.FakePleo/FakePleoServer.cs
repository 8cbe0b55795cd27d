using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// A fake Pleo on loopback: Pleo's API slice, per-key behaviours a test steers through <see cref="Keys"/>
/// (or, out of process, the control API under /_control/), a journal of every request, and an install
/// simulator page at /install.
/// </summary>
public sealed class FakePleoServer : IAsyncDisposable
{
    private const string ControlPrefix = "/_control";
    private const string InstallPrefix = "/install";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly PleoApi _api;
    private readonly ControlApi _control;
    private readonly InstallSimulator _install;
    private int _disposed;

    private FakePleoServer(WebApplication app, FakePleoOptions options)
    {
        _app = app;
        Options = options;
        ControlToken = RandomNumberGenerator.GetString(KeyGenerator.Alphabet, 43);
        Keys = new KeyRegistry([.. options.RequestedScopes], TimeProvider.System);
        Journal = new RequestJournal();
        _api = new PleoApi(Keys, options, Guid.NewGuid(), Guid.NewGuid(), TimeProvider.System);
        _control = new ControlApi(Keys, Journal, ControlToken);
        _install = new InstallSimulator(Keys, options);
    }

    /// <summary>Where the fake listens, e.g. http://127.0.0.1:41234/ (the API is at BaseUrl + "v1/…").</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The install simulator page, BaseUrl + "install".</summary>
    public Uri InstallUrl => new(BaseUrl, "install");

    /// <summary>Guards the out-of-process control API under /_control/ (header X-Control-Token).</summary>
    public string ControlToken { get; }

    public FakePleoOptions Options { get; }

    public KeyRegistry Keys { get; }

    public RequestJournal Journal { get; }

    /// <summary>Starts the fake on 127.0.0.1; throws <see cref="FakePleoStartException"/> when it cannot (port in use, bad options).</summary>
    public static async Task<FakePleoServer> StartAsync(FakePleoOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validated(options ?? new FakePleoOptions());

        // The empty builder reads no appsettings or environment, so a host app's Kestrel settings never leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;

            // Latin-1 lets any header byte through to the fake's own checks, which answer with a JSON error
            // instead of Kestrel's bare 400.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
        });
        var app = builder.Build();
        var server = new FakePleoServer(app, options);
        app.Run(server.DispatchAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException problem) when (IsAddressInUse(problem))
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new FakePleoStartException(
                $"The fake Pleo cannot listen on 127.0.0.1:{options.Port}: the port is already in use. Stop what uses it, or choose another port (0 picks a free one).",
                problem);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return server;
    }

    /// <summary>Stops the server; requests still held by slow or timing-out keys are cancelled first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static FakePleoOptions Validated(FakePleoOptions options)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new FakePleoStartException($"The fake Pleo's port must be between 0 and {IPEndPoint.MaxPort} (0 picks a free one); {options.Port} is not.");
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationName))
        {
            throw new FakePleoStartException("The fake Pleo needs an application name: the install page and /v1/introspect show it.");
        }

        if (options.IntegrationUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new FakePleoStartException($"The integration URL must be an absolute http or https URL; \"{url}\" is not.");
        }

        if (options.RequestedScopes is null || options.RequestedScopes.Length == 0 || options.RequestedScopes.Any(string.IsNullOrWhiteSpace))
        {
            throw new FakePleoStartException("The fake Pleo needs at least one requested scope, none of them blank (e.g. export-jobs:read).");
        }

        return options;
    }

    private static bool IsAddressInUse(Exception problem) =>
        problem is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }
        || problem.GetType().Name == "AddressInUseException"
        || problem.InnerException?.GetType().Name == "AddressInUseException";

    private async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == ControlPrefix || path.StartsWith(ControlPrefix + "/", StringComparison.Ordinal))
        {
            await _control.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        var credentials = BasicCredentials.Read(context.Request.Headers.Authorization);
        var url = UrlKeyScanner.Scan(path + Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty), Keys);
        var headerKey = credentials.Key is { } value ? Keys.StateOfValue(value) : null;

        // The answer is held back until the request is journaled, so a client holding its answer always finds
        // the request in the journal (tests read Journal.All right after a response); written at once, the
        // answer could reach the client first.
        var answer = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        ApiOutcome outcome;
        try
        {
            outcome = await AnswerAsync(context, path, url, credentials, headerKey).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client left (or the server is stopping) while the answer was being written: still a request to journal.
            outcome = new ApiOutcome(JsonResponses.ClientClosedRequest, ErrorCodes.RequestAborted, url.Key ?? headerKey);
        }
        finally
        {
            context.Response.Body = answer;
        }

        Journal.Add(Entry(context, url, credentials, outcome));
        if (held.Length == 0 || outcome.StatusCode == JsonResponses.ClientClosedRequest)
        {
            return;
        }

        try
        {
            await answer.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client left after the request was journaled; there is no one to answer.
        }
    }

    private async Task<ApiOutcome> AnswerAsync(HttpContext context, string path, UrlKeyScanner.Result url, BasicCredentials credentials, KeyState? headerKey)
    {
        if (url.Found)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyInvalid,
                "An API key was sent in the URL. Keys must never appear in a URL: send it in the Authorization header only, and replace the exposed key in Pleo.")
                .ConfigureAwait(false);
            return new ApiOutcome(StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyInvalid, url.Key);
        }

        if (path == InstallPrefix || path.StartsWith(InstallPrefix + "/", StringComparison.Ordinal))
        {
            return await _install.HandleAsync(context).ConfigureAwait(false);
        }

        return await _api.HandleAsync(context, credentials, headerKey, _stopping.Token).ConfigureAwait(false);
    }

    private JournalEntry Entry(HttpContext context, UrlKeyScanner.Result url, BasicCredentials credentials, ApiOutcome outcome)
    {
        string? keyId = outcome.Key?.Key.Id;
        string? fingerprint = outcome.Key?.Key.Fingerprint;
        var location = KeyLocation.None;
        if (url.Found)
        {
            location = KeyLocation.Url;
            fingerprint ??= url.UnregisteredFingerprint;
        }
        else if (credentials.Key is { } presented)
        {
            location = KeyLocation.AuthorizationHeader;
            fingerprint ??= KeyFingerprint.OfUnregistered(presented);
        }

        return new JournalEntry(
            TimeProvider.System.GetUtcNow(),
            context.Request.Method,
            url.RedactedUrl,
            keyId,
            fingerprint,
            location,
            outcome.StatusCode,
            outcome.ErrorCode,
            url.Found,
            credentials.Key is null ? credentials.Problem : null);
    }
}
