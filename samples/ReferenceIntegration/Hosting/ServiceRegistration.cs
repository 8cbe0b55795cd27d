using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Pleo;
using PleoUxGuard.ReferenceIntegration.Storage;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>The app's services, one method per area. Options are read when first used, so tests can set them late.</summary>
internal static class ServiceRegistration
{
    public const string SessionCookieName = "PleoUxGuard.Reference.Session";

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var certificate = KeyRingCertificate.Load(configuration, environment.ContentRootPath, out var certificateProblem);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                options.DataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
                options.KeyRingDirectory = string.IsNullOrWhiteSpace(options.KeyRingDirectory)
                    ? Path.Combine(options.DataDirectory, "key-ring")
                    : Path.GetFullPath(options.KeyRingDirectory, environment.ContentRootPath);
            });

        // Checked when the host starts, like every other setting, so the problem reads as one line. Under a name of
        // its own: Data Protection asks for the storage options while the app is built, before that check could say it.
        services.AddOptions<StorageOptions>(KeyRingCertificate.PathKey)
            .Validate(_ => certificateProblem is null, certificateProblem ?? string.Empty)
            .ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // The key ring is kept on disk, so keys encrypted by one run can be read by the next; with a certificate
        // configured, the ring's own keys are encrypted at rest too (R-SEC-1).
        var dataProtection = services.AddDataProtection().SetApplicationName("PleoUxGuard.ReferenceIntegration");
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((options, storage, loggerFactory) =>
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeyRingDirectory!), loggerFactory));
        return services;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<DemoUsers>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionCookieEvents>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                // Every cookie belongs to a server-side session that sign-out ends (SessionCookieEvents).
                options.EventsType = typeof(SessionCookieEvents);
                options.Cookie.Name = SessionCookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        // Every page needs a signed-in user unless it says otherwise (sign-in, sign-up, health).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(WorkspaceClaims.TenantId).Build());
        return services;
    }

    public static IServiceCollection AddPleoConnections(this IServiceCollection services)
    {
        services.AddOptions<PleoOptions>()
            .BindConfiguration(PleoOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (Uri.TryCreate(configuration[PleoOptions.BaseUrlEnvironmentVariable], UriKind.Absolute, out var fromEnvironment))
                {
                    options.BaseUrl = fromEnvironment;
                }

                // The binder appends a configured list to the defaults an array starts with: a configured list replaces them.
                var scopes = configuration.GetSection(PleoOptions.SectionName + ":" + nameof(PleoOptions.RequiredScopes));
                if (scopes.Exists())
                {
                    options.RequiredScopes = scopes.Get<string[]>() ?? [];
                }
            })
            .Validate<IConfiguration>(
                (_, configuration) => configuration[PleoOptions.BaseUrlEnvironmentVariable] is not { Length: > 0 } set
                    || Uri.TryCreate(set, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                $"The environment variable {PleoOptions.BaseUrlEnvironmentVariable} is set but is not an absolute http or https URL; " +
                "set it to Pleo's API address, e.g. https://external.staging.pleo.io, or remove it.")
            .Validate<IConfiguration>(
                // A malformed environment variable has its own message above.
                (options, configuration) => options.BaseUrl is not null || configuration[PleoOptions.BaseUrlEnvironmentVariable] is { Length: > 0 },
                $"No Pleo API base URL is configured. Set the environment variable {PleoOptions.BaseUrlEnvironmentVariable} " +
                "(or the setting Pleo:BaseUrl) to Pleo's API address, e.g. https://external.staging.pleo.io, or start with --demo.")
            .Validate<IConfiguration>(
                (options, configuration) => options.BaseUrl is null or { IsAbsoluteUri: true, Scheme: "http" or "https" }
                    || configuration[PleoOptions.BaseUrlEnvironmentVariable] is { Length: > 0 },
                "The setting Pleo:BaseUrl is not an absolute http or https URL; set it to Pleo's API address, " +
                "e.g. https://external.staging.pleo.io.")
            .Validate(
                // A relative URL has no scheme to ask for: the check above names it.
                options => options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" } plain || plain.IsLoopback,
                "Pleo's API is reached over HTTPS only: the key travels in the Authorization header. Plain http is accepted " +
                "for a loopback address (a local fake Pleo) and nowhere else.")
            .Validate(
                options => options.AttemptTimeout > TimeSpan.Zero && options.AttemptTimeout <= TimeSpan.FromMinutes(5),
                "The setting Pleo:AttemptTimeout must be more than zero and at most 00:05:00 (default 00:00:10).")
            .Validate(
                options => options.RetryDelay >= TimeSpan.Zero && options.RetryDelay <= TimeSpan.FromMinutes(1),
                "The setting Pleo:RetryDelay must be between 00:00:00 and 00:01:00 (default 00:00:01).")
            .ValidateOnStart();
        services.AddOptions<MonitorOptions>()
            .BindConfiguration(MonitorOptions.SectionName)
            .Validate(
                options => options.Interval > TimeSpan.Zero,
                "The setting Monitor:Interval must be more than zero (default 00:05:00).")
            .Validate(
                options => options.PageRecheckAfter >= TimeSpan.Zero,
                "The setting Monitor:PageRecheckAfter must not be negative (default 00:01:00; 00:00:00 re-checks on every visit).")
            .Validate(
                options => options.PageRecheckTimeout > TimeSpan.Zero && options.PageRecheckTimeout <= TimeSpan.FromMinutes(1),
                "The setting Monitor:PageRecheckTimeout must be more than zero and at most 00:01:00 (default 00:00:03).")
            .ValidateOnStart();
        AddAttemptWindow<ConnectAttemptOptions>(services, ConnectAttemptOptions.SectionName);
        AddAttemptWindow<SignInAttemptOptions>(services, SignInAttemptOptions.SectionName);

        services.AddHttpClient(PleoClient.HttpClientName, (provider, client) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<PleoOptions>>().Value.BaseUrl!.ToString();
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
            })
            // HttpClientFactory's own request logging passes the raw request headers to structured log sinks at
            // Trace level (redaction only masks the formatted message), and the Authorization header carries the
            // key. PleoClient logs what is useful instead.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var pleo = provider.GetRequiredService<IOptions<PleoOptions>>().Value;
                resilience.AttemptTimeout.Timeout = pleo.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.Retry.Delay = pleo.RetryDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Constant;
                // Retry what is temporary on Pleo's side (5xx, timeouts, broken connections), never a 429 or a refusal.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result.StatusCode: >= System.Net.HttpStatusCode.InternalServerError } => true,
                    _ => false,
                });
                resilience.TotalRequestTimeout.Timeout = pleo.AttemptTimeout * 2 + pleo.RetryDelay + TimeSpan.FromSeconds(1);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, pleo.AttemptTimeout.Ticks * 2));
            });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PleoClient>();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<ConnectAttemptLimiter>();
        services.AddSingleton<SignInAttemptLimiter>();
        services.AddSingleton<PleoConnectionService>();
        services.AddSingleton<ConnectionMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionMonitor>());
        return services;
    }

    /// <summary>Binds and validates an attempt window (a limit of at least 1, a window of more than zero), checked at start.</summary>
    private static void AddAttemptWindow<TOptions>(IServiceCollection services, string section)
        where TOptions : AttemptWindowOptions, new()
    {
        var defaults = new TOptions();
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .Validate(
                options => options.PermitLimit >= 1,
                $"The setting {section}:PermitLimit must be a whole number of at least 1 (default {defaults.PermitLimit.ToString(CultureInfo.InvariantCulture)}).")
            .Validate(
                options => options.Window > TimeSpan.Zero,
                $"The setting {section}:Window must be more than zero (default {defaults.Window.ToString("c", CultureInfo.InvariantCulture)}).")
            .ValidateOnStart();
    }
}
