using PleoUxGuard.ConformanceKit;
using PleoUxGuard.ConformanceKit.Browser;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class BrowserResolverTests
{
    private static BrowserResolver ResolverWith(
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyCollection<string>? files = null,
        IReadOnlyDictionary<string, string[]>? directories = null)
    {
        environment ??= new Dictionary<string, string>();
        files ??= Array.Empty<string>();
        directories ??= new Dictionary<string, string[]>();
        return new BrowserResolver(
            name => environment.TryGetValue(name, out var value) ? value : null,
            files.Contains,
            directories.ContainsKey,
            path => directories[path]);
    }

    [Fact]
    public void Explicit_option_wins_over_everything()
    {
        var resolver = ResolverWith(
            new Dictionary<string, string> { [BrowserResolver.EnvironmentVariable] = "/env/chrome" },
            new[] { "/explicit/chrome", "/env/chrome", "/usr/bin/chromium" });

        var choice = resolver.Resolve("/explicit/chrome");

        Assert.Equal("/explicit/chrome", choice.ExecutablePath);
    }

    [Fact]
    public void Environment_variable_wins_over_system_browser()
    {
        var resolver = ResolverWith(
            new Dictionary<string, string> { [BrowserResolver.EnvironmentVariable] = "/env/chrome" },
            new[] { "/env/chrome", "/usr/bin/chromium" });

        Assert.Equal("/env/chrome", resolver.Resolve().ExecutablePath);
    }

    [Fact]
    public void System_chromium_is_used_when_nothing_is_configured()
    {
        var resolver = ResolverWith(files: new[] { "/usr/bin/google-chrome", "/usr/bin/chromium" });

        Assert.Equal("/usr/bin/chromium", resolver.Resolve().ExecutablePath);
    }

    [Fact]
    public void Playwright_install_is_the_last_resort()
    {
        var resolver = ResolverWith(
            new Dictionary<string, string> { ["HOME"] = "/home/qa" },
            directories: new Dictionary<string, string[]>
            {
                ["/home/qa/.cache/ms-playwright"] = new[] { "/home/qa/.cache/ms-playwright/ffmpeg-1011", "/home/qa/.cache/ms-playwright/chromium-1200" },
            });

        var choice = resolver.Resolve();

        Assert.Null(choice.ExecutablePath);
        Assert.Contains("chromium-1200", choice.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_found_says_what_to_install()
    {
        var problem = Assert.Throws<EnvironmentProblemException>(() => ResolverWith().Resolve());

        Assert.Contains("apt-get install -y chromium", problem.Message, StringComparison.Ordinal);
        Assert.Contains(BrowserResolver.EnvironmentVariable, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_explicit_browser_is_an_error_not_a_fallback()
    {
        var resolver = ResolverWith(files: new[] { "/usr/bin/chromium" });

        var problem = Assert.Throws<EnvironmentProblemException>(() => resolver.Resolve("/nowhere/chrome"));

        Assert.Contains("/nowhere/chrome", problem.Message, StringComparison.Ordinal);
    }
}
