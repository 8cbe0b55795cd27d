using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Browser;

/// <summary>Starts Chromium through Playwright with the flags a closed CI network needs.</summary>
public static class BrowserLauncher
{
    /// <summary>
    /// Without these, Chromium keeps trying to reach Google's services on a machine with no network,
    /// which slows start-up and fills the log; the sandbox cannot start as root in containers.
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments = new[]
    {
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
    };

    /// <summary>Launches the chosen browser; a launch failure becomes an environment problem with advice.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, BrowserChoice choice, bool headless = true)
    {
        if (!headless && OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            // Chromium would only say that it closed; the cause is that there is no screen to open a window on.
            throw new EnvironmentProblemException("--headed needs a display, and this machine has none (DISPLAY is not set): run it on a desktop, under xvfb-run, or without --headed.");
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = choice.ExecutablePath,
                Headless = headless,
                Args = Arguments,

                // Ctrl+C reaches every process of the terminal's group: the kit stops the browser itself, in order,
                // rather than Playwright's driver closing it under the flows.
                HandleSIGINT = false,
                HandleSIGTERM = false,
                HandleSIGHUP = false,
            });
        }
        catch (PlaywrightException exception)
        {
            var firstLine = exception.Message.Split('\n', 2)[0].Trim();
            throw new EnvironmentProblemException(
                $"The browser from the {choice.Source} could not be started ({firstLine}). {BrowserResolver.InstallAdvice}",
                exception);
        }
    }
}
