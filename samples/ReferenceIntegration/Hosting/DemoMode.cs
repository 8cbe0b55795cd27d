using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Pleo;
using PleoUxGuard.ReferenceIntegration.Storage;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>
/// <c>--demo</c>: when no Pleo is configured, start the embedded fake Pleo (API and install simulator) on
/// loopback, seed the demo users, and print where to go and how to sign in.
/// </summary>
internal static class DemoMode
{
    public const string Switch = "--demo";

    private const string DefaultDemoUrl = "http://127.0.0.1:5080";

    public static bool IsRequested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>The arguments without <c>--demo</c>, which the configuration's command-line parser would misread.</summary>
    public static string[] WithoutSwitch(string[] args) => [.. args.Where(arg => arg != Switch)];

    /// <summary>Starts the fake Pleo unless a real one is configured; null when one is.</summary>
    public static async Task<FakePleoServer?> StartFakePleoAsync(WebApplicationBuilder builder)
    {
        builder.Configuration[DatabaseInitializer.SeedDemoUsersKey] = "true";
        if (!string.IsNullOrWhiteSpace(builder.Configuration[PleoOptions.BaseUrlEnvironmentVariable])
            || !string.IsNullOrWhiteSpace(builder.Configuration[PleoOptions.SectionName + ":BaseUrl"]))
        {
            return null;
        }

        var appUrl = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (appUrl is null)
        {
            appUrl = DefaultDemoUrl;
            builder.WebHost.UseUrls(appUrl);
        }

        var fakePleo = await FakePleoServer.StartAsync(new FakePleoOptions
        {
            ApplicationName = "Reference Integration",
            IntegrationUrl = new Uri(new Uri(appUrl.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)), "integrations/pleo"),
        });
        builder.Configuration[PleoOptions.SectionName + ":BaseUrl"] = fakePleo.BaseUrl.ToString();
        return fakePleo;
    }

    public static void PrintWelcome(WebApplication app, FakePleoServer fakePleo)
    {
        var appUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultDemoUrl;
        Console.WriteLine();
        Console.WriteLine("PleoUxGuard reference integration: demo");
        Console.WriteLine($"  1. Open      {appUrl.TrimEnd('/')}/integrations/pleo");
        Console.WriteLine($"  2. Sign in   {DemoUsers.SignInHint}");
        Console.WriteLine($"               or create your own workspace at {appUrl.TrimEnd('/')}/Account/Register");
        Console.WriteLine($"  3. Get a key from the fake Pleo's install simulator: {fakePleo.InstallUrl}");
        Console.WriteLine("     (Allow, then copy the key it shows once, and paste it into the connection page)");
        Console.WriteLine($"  Fake Pleo API: {fakePleo.BaseUrl}   Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
