using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Hosting;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>
/// The reference integration under test, end to end over HTTP: a real fake Pleo on loopback, the app in a
/// WebApplicationFactory pointed at it, a fresh data folder, and every log record at every level captured.
/// Subclasses choose the timing (monitor interval, page re-check age, attempt limit).
/// </summary>
public abstract class ReferenceApp : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<string> _responseBodies = [];
    private WebApplicationFactory<Program>? _factory;

    protected virtual TimeSpan MonitorInterval => TimeSpan.FromHours(1);

    protected virtual TimeSpan PageRecheckAfter => TimeSpan.FromHours(1);

    protected virtual int ConnectAttemptLimit => 20;

    /// <summary>Generous, so a loaded CI machine never turns a slow answer into a retry; short only where a test waits it out.</summary>
    protected virtual TimeSpan PleoAttemptTimeout => TimeSpan.FromSeconds(10);

    protected virtual string Environment => "Development";

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    public FakePleoServer Pleo { get; private set; } = null!;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pleo-ri-tests-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The app has not started.");

    public FakeLogCollector Logs => Factory.Services.GetFakeLogCollector();

    internal ConnectionStore Store => Factory.Services.GetRequiredService<ConnectionStore>();

    internal ConnectionMonitor Monitor => Factory.Services.GetRequiredService<ConnectionMonitor>();

    internal PleoConnectionService Connections => Factory.Services.GetRequiredService<PleoConnectionService>();

    /// <summary>The key a tenant has stored, decrypted the way the app does, or null when none is stored.</summary>
    internal async Task<string?> StoredKeyOfAsync(TenantId tenantId)
    {
        var stored = await Store.GetAsync(tenantId, CancellationToken.None);
        if (stored.ProtectedKey is null)
        {
            return null;
        }

        var header = PleoApiKey.Unprotect(Connections.ProtectorFor(tenantId), stored.ProtectedKey).ToAuthorizationHeader();
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)).TrimEnd(':');
    }

    /// <summary>Every HTML body the app sent to a test browser, for the "never sent to the client" check.</summary>
    public IReadOnlyList<string> ResponseBodies
    {
        get
        {
            lock (_responseBodies)
            {
                return [.. _responseBodies];
            }
        }
    }

    /// <summary>Replaces the app's services, after its own registrations.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Adds to the app's logging, after the fake logger that records every entry.</summary>
    protected virtual void ConfigureLogging(ILoggingBuilder logging)
    {
    }

    /// <summary>Runs before the app starts on <see cref="DataDirectory"/>, which does not exist yet: what an earlier run could have left there.</summary>
    protected virtual Task PrepareDataDirectoryAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareDataDirectoryAsync();
        Pleo = await FakePleoServer.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(Environment);
            builder.UseSetting("Pleo:BaseUrl", Pleo.BaseUrl.ToString());
            builder.UseSetting("Pleo:AttemptTimeout", PleoAttemptTimeout.ToString("c", CultureInfo.InvariantCulture));
            builder.UseSetting("Pleo:RetryDelay", "00:00:00.050");
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
            builder.UseSetting("Monitor:Interval", MonitorInterval.ToString("c", CultureInfo.InvariantCulture));
            builder.UseSetting("Monitor:PageRecheckAfter", PageRecheckAfter.ToString("c", CultureInfo.InvariantCulture));
            builder.UseSetting("ConnectAttempts:PermitLimit", ConnectAttemptLimit.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Accounts:SeedDemoUsers", "false");
            foreach (var (key, value) in ExtraSettings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(ConfigureTestServices);

            // Every level of every category, whatever the app's appsettings filter out.
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders().AddFakeLogging().Services.PostConfigure<LoggerFilterOptions>(filters =>
                {
                    filters.Rules.Clear();
                    filters.MinLevel = LogLevel.Trace;
                });
                ConfigureLogging(logging);
            });
        });
        using var client = _factory.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Pleo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the test host; the OS temp cleaner removes it.
        }
    }

    /// <summary>A new workspace from self-service sign-up, signed in.</summary>
    public async Task<Workspace> SignUpAsync()
    {
        var workspace = NewBrowser();
        await workspace.RegisterAsync();
        return workspace;
    }

    /// <summary>The user of <paramref name="email"/> signed in from a browser of its own.</summary>
    public async Task<Workspace> SignInAsync(string email, string password = Workspace.TestPassword)
    {
        var workspace = NewBrowser(email);
        await workspace.SignInAsync(password);
        return workspace;
    }

    /// <summary>
    /// A GET of <paramref name="path"/> carrying only <paramref name="sessionCookie"/> as the sign-in cookie, as a
    /// copy of the cookie replayed from elsewhere would; redirects are not followed.
    /// </summary>
    public async Task<HttpResponseMessage> GetWithSessionCookieAsync(string path, string sessionCookie)
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", $"{ServiceRegistration.SessionCookieName}={sessionCookie}");
        return await client.SendAsync(request);
    }

    /// <summary>Waits until the fake Pleo has journaled <paramref name="count"/> calls made with the key.</summary>
    public async Task WaitForCallsAsync(MintedKey key, int count)
    {
        var seen = 0;
        await Pleo.Journal.WaitForAsync(entry => entry.KeyId == key.Id && ++seen == count, Patience);
    }

    /// <summary>A browser (following redirects, keeping its cookies where the test can read them) for a user.</summary>
    private Workspace NewBrowser(string? email = null)
    {
        var cookies = new CookieContainer();
        return new Workspace(this, Factory.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)), cookies, email);
    }

    internal void Remember(string body)
    {
        lock (_responseBodies)
        {
            _responseBodies.Add(body);
        }
    }

    internal async Task<TenantId> TenantOfAsync(string email) =>
        (await Factory.Services.GetRequiredService<AccountStore>().FindByEmailAsync(email, CancellationToken.None))!.TenantId;
}
