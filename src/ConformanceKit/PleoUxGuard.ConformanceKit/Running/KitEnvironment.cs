using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Browser;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Running;

/// <summary>
/// The browser and the fake Pleo, started once and shared by every flow of a run (and, from xunit, by
/// every test of a collection).
/// </summary>
public sealed class KitEnvironment : IAsyncDisposable
{
    private KitEnvironment(IPlaywright playwright, IBrowser browser, FakePleoServer pleo)
    {
        Playwright = playwright;
        Browser = browser;
        Pleo = pleo;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public FakePleoServer Pleo { get; }

    /// <summary>Starts the fake Pleo and the browser; problems become <see cref="EnvironmentProblemException"/>.</summary>
    public static async Task<KitEnvironment> StartAsync(string? browserPath = null, bool headless = true, FakePleoOptions? pleoOptions = null, CancellationToken cancellationToken = default)
    {
        var choice = new BrowserResolver().Resolve(browserPath);
        FakePleoServer pleo;
        try
        {
            pleo = await FakePleoServer.StartAsync(pleoOptions, cancellationToken);
        }
        catch (FakePleoStartException problem)
        {
            throw new EnvironmentProblemException($"The fake Pleo could not start: {problem.Message}", problem);
        }

        IPlaywright? playwright = null;
        try
        {
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await BrowserLauncher.LaunchAsync(playwright, choice, headless);
            return new KitEnvironment(playwright, browser, pleo);
        }
        catch
        {
            playwright?.Dispose();
            await pleo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Pleo.DisposeAsync();
    }
}
