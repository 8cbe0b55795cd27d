using PleoUxGuard.ReferenceIntegration.Hosting;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>How often connections are re-checked with Pleo. Section <c>Monitor</c>.</summary>
internal sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>How often the background monitor re-validates every active connection.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The connection page re-checks with Pleo first when the last check is older than this.</summary>
    public TimeSpan PageRecheckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the page waits for that re-check before it shows the stored state: a Pleo that hangs must not hold
    /// the page for every attempt's timeout and retry (the monitor keeps checking in the background).
    /// </summary>
    public TimeSpan PageRecheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>How many key submissions a workspace may make that reach Pleo. Section <c>ConnectAttempts</c>.</summary>
internal sealed class ConnectAttemptOptions : AttemptWindowOptions
{
    public const string SectionName = "ConnectAttempts";

    public ConnectAttemptOptions()
    {
        PermitLimit = 10;
        Window = TimeSpan.FromMinutes(1);
    }
}
