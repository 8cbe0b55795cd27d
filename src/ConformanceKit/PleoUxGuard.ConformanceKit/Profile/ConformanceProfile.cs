namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>
/// How the kit reaches and reads one integration. Loaded from JSON by <see cref="ProfileLoader"/>, which
/// validates every field; the JSON schema is schemas/conformance-profile.schema.json.
/// </summary>
public sealed class ConformanceProfile
{
    /// <summary>The JSON schema the file follows, for editors; ignored by the kit.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The integration's name in the reports; "integration" when not given.</summary>
    public string? Name { get; init; }

    /// <summary>How to start the integration; without it the integration must already run.</summary>
    public IntegrationSettings? Integration { get; init; }

    /// <summary>Where the integration answers, e.g. "http://127.0.0.1:{port}". Relative URLs in the profile resolve against it.</summary>
    public string BaseUrl { get; init; } = string.Empty;

    /// <summary>The page where the key is entered, absolute or relative to <see cref="BaseUrl"/>.</summary>
    public string ConnectionPage { get; init; } = string.Empty;

    /// <summary>How a simulated customer signs in before reaching the connection page; one fresh tenant per flow.</summary>
    public SignInSettings? SignIn { get; init; }

    public LocatorSettings Locators { get; init; } = new();

    public StateLabelSettings StateLabels { get; init; } = new();

    public RevocationSettings Revocation { get; init; } = new();

    public TimeoutSettings Timeouts { get; init; } = new();

    public BrowserSettings Browser { get; init; } = new();

    /// <summary>The folder of the profile file: relative paths in the profile resolve against it.</summary>
    public string Directory { get; internal set; } = System.IO.Directory.GetCurrentDirectory();
}

/// <summary>The command that starts the integration, and how to know it is ready.</summary>
public sealed class IntegrationSettings
{
    public string Command { get; init; } = string.Empty;

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment, applied last: PLEO_API_BASE_URL is set to the fake Pleo's URL unless this sets it.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory, relative to the profile's folder; default the profile's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Path (or URL) polled until it answers below 500; default the base URL.</summary>
    public string? ReadyPath { get; init; }
}

/// <summary>Sign-in: a Playwright storage-state file, steps, or both (state first).</summary>
public sealed class SignInSettings
{
    /// <summary>A Playwright storage-state file (cookies and storage), relative to the profile's folder.</summary>
    public string? StorageState { get; init; }

    public IReadOnlyList<SignInStep> Steps { get; init; } = [];
}

/// <summary>One sign-in step: exactly one of goto, fill (with value), click, waitFor, waitForUrl.</summary>
public sealed class SignInStep
{
    /// <summary>A URL, absolute or relative to the base URL.</summary>
    public string? Goto { get; init; }

    /// <summary>The field to fill with <see cref="Value"/>.</summary>
    public LocatorChoice? Fill { get; init; }

    public string? Value { get; init; }

    public LocatorChoice? Click { get; init; }

    /// <summary>Waits until this element is visible.</summary>
    public LocatorChoice? WaitFor { get; init; }

    /// <summary>Waits until the page address matches (glob such as "**/integrations/pleo", or /regex/).</summary>
    public string? WaitForUrl { get; init; }
}

/// <summary>Overrides of the kit's accessible default locators; anything left out keeps its default.</summary>
public sealed class LocatorSettings
{
    public LocatorChoice? KeyInput { get; init; }

    /// <summary>
    /// The control that shows the key field (a "Connect to Pleo" button opening a dialog, an expander) on a page that
    /// does not show the field at first. No default: a page that shows its field needs none.
    /// </summary>
    public LocatorChoice? OpenKeyForm { get; init; }

    public LocatorChoice? ConnectButton { get; init; }

    public LocatorChoice? UpdateAction { get; init; }

    public LocatorChoice? StatusRegion { get; init; }

    /// <summary>An element whose text contains the company id; by default any text on the page containing it.</summary>
    public LocatorChoice? CompanyId { get; init; }

    /// <summary>Where error messages appear; by default role=alert.</summary>
    public LocatorChoice? ErrorMessage { get; init; }
}

/// <summary>The state labels, each a list of strings or /regexes/ (add one entry per locale).</summary>
public sealed class StateLabelSettings
{
    public IReadOnlyList<TextPattern>? NotConnected { get; init; }

    public IReadOnlyList<TextPattern>? ValidationInProgress { get; init; }

    public IReadOnlyList<TextPattern>? Connected { get; init; }

    public IReadOnlyList<TextPattern>? ConnectionFailed { get; init; }

    public IReadOnlyList<TextPattern>? ActionRequired { get; init; }
}

/// <summary>How the integration is expected to notice a key revoked in Pleo.</summary>
public sealed class RevocationSettings
{
    /// <summary>"reload": the kit reloads the page and expects Action required; "wait": it waits without reloading.</summary>
    public string Notice { get; init; } = "reload";

    /// <summary>How long to wait for Action required, in seconds.</summary>
    public double WaitSeconds { get; init; } = 30;
}

/// <summary>Timeouts in seconds.</summary>
public sealed class TimeoutSettings
{
    /// <summary>The integration's start-up, until its ready path answers.</summary>
    public double StartSeconds { get; init; } = 60;

    /// <summary>One step: a navigation, an element to appear, a state to be shown.</summary>
    public double StepSeconds { get; init; } = 10;

    /// <summary>From Connect until the integration has called Pleo and shown the outcome.</summary>
    public double ValidationSeconds { get; init; } = 15;
}

/// <summary>Browser options.</summary>
public sealed class BrowserSettings
{
    public bool Headless { get; init; } = true;

    /// <summary>A Chromium or Chrome binary; default: the kit's browser resolution.</summary>
    public string? ExecutablePath { get; init; }

    public string Locale { get; init; } = "en-US";

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;
}
