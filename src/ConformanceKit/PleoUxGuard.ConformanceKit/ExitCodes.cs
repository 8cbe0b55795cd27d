namespace PleoUxGuard.ConformanceKit;

/// <summary>The kit's exit codes, shared by the CLI and documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Every must-check passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one must-check failed.</summary>
    public const int ConformanceFailures = 1;

    /// <summary>The profile or a locator is wrong: fix the profile.</summary>
    public const int ProfileError = 2;

    /// <summary>
    /// The command line is wrong (an unknown command or option, a missing or malformed value): nothing ran.
    /// The same code as <see cref="ProfileError"/>, as both are input to fix, and never 1, which a CI job
    /// would read as a failed check.
    /// </summary>
    public const int UsageError = 2;

    /// <summary>The environment is not ready: browser, fake Pleo or the integration could not start.</summary>
    public const int EnvironmentError = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM before it finished: no verdict and no report (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
