namespace PleoUxGuard.ConformanceKit.Browser;

/// <summary>Which browser the kit will drive, and how it was found.</summary>
/// <param name="ExecutablePath">The browser binary, or null to let Playwright use its own installed Chromium.</param>
/// <param name="Source">How it was found, for the console and the report.</param>
public sealed record BrowserChoice(string? ExecutablePath, string Source);

/// <summary>
/// The one place that decides which Chromium the kit and its tests use: an explicit option, then the
/// <c>PLEOUXGUARD_BROWSER</c> environment variable, then a system Chromium or Chrome, then the
/// browsers Playwright installed. Nothing found is an environment problem with install advice.
/// </summary>
public sealed class BrowserResolver
{
    public const string EnvironmentVariable = "PLEOUXGUARD_BROWSER";

    private static readonly string[] SystemCandidates =
    {
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/opt/google/chrome/chrome",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    };

    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly Func<string, bool> _directoryExists;
    private readonly Func<string, IEnumerable<string>> _listDirectories;

    public BrowserResolver()
        : this(Environment.GetEnvironmentVariable, File.Exists, Directory.Exists, path => Directory.EnumerateDirectories(path))
    {
    }

    /// <summary>For tests: the environment and file system are passed in.</summary>
    public BrowserResolver(
        Func<string, string?> environment,
        Func<string, bool> fileExists,
        Func<string, bool> directoryExists,
        Func<string, IEnumerable<string>> listDirectories)
    {
        _environment = environment;
        _fileExists = fileExists;
        _directoryExists = directoryExists;
        _listDirectories = listDirectories;
    }

    /// <summary>Advice printed when no browser is found.</summary>
    public static string InstallAdvice =>
        "No Chromium or Chrome was found. Install one, for example 'apt-get install -y chromium' on Debian/Ubuntu, "
        + "or install Playwright's own Chromium with 'pleo-uxguard install-browser', "
        + $"or point the kit at a browser with --browser PATH or the {EnvironmentVariable} environment variable.";

    /// <summary>Resolves the browser, or throws <see cref="EnvironmentProblemException"/> saying what to install.</summary>
    public BrowserChoice Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return _fileExists(explicitPath)
                ? new BrowserChoice(explicitPath, "--browser option")
                : throw new EnvironmentProblemException($"The browser given with --browser (or the profile's browser.executablePath) was not found at '{explicitPath}'. Give the path of a Chromium or Chrome executable.");
        }

        var fromEnvironment = _environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return _fileExists(fromEnvironment)
                ? new BrowserChoice(fromEnvironment, $"{EnvironmentVariable} environment variable")
                : throw new EnvironmentProblemException($"{EnvironmentVariable} points to '{fromEnvironment}', which does not exist. Fix or unset it.");
        }

        foreach (var candidate in SystemCandidates)
        {
            if (_fileExists(candidate))
            {
                return new BrowserChoice(candidate, "system browser");
            }
        }

        if (FindPlaywrightChromium() is { } playwrightChromium)
        {
            return new BrowserChoice(null, $"Playwright's installed Chromium ({playwrightChromium})");
        }

        throw new EnvironmentProblemException(InstallAdvice);
    }

    private string? FindPlaywrightChromium()
    {
        var root = _environment("PLAYWRIGHT_BROWSERS_PATH");
        if (string.IsNullOrWhiteSpace(root) || root == "0")
        {
            var home = _environment("HOME") ?? _environment("USERPROFILE");
            var localAppData = _environment("LOCALAPPDATA");
            root = OperatingSystem.IsWindows() && localAppData is not null
                ? Path.Combine(localAppData, "ms-playwright")
                : OperatingSystem.IsMacOS() && home is not null
                    ? Path.Combine(home, "Library", "Caches", "ms-playwright")
                    : home is null ? null : Path.Combine(home, ".cache", "ms-playwright");
        }

        if (root is null || !_directoryExists(root))
        {
            return null;
        }

        return _listDirectories(root)
            .Where(directory => Path.GetFileName(directory).StartsWith("chromium", StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
