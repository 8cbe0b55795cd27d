using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>The states a tenant's Pleo connection can be in (R-STATE-1).</summary>
public enum ConnectionState
{
    NotConnected,
    ValidationInProgress,
    Connected,
    ConnectionFailed,
    ActionRequired,
}

/// <summary>What happens to a connection.</summary>
public enum ConnectionTrigger
{
    /// <summary>The user submitted a key; Pleo is being asked about it.</summary>
    KeySubmitted,

    /// <summary>Pleo accepted the submitted key for the expected company.</summary>
    KeyAccepted,

    /// <summary>The submitted key was not accepted (wrong format, refused by Pleo, Pleo unavailable, switch not confirmed).</summary>
    KeyRefused,

    /// <summary>A re-check of the stored key succeeded.</summary>
    CheckPassed,

    /// <summary>A re-check found the stored key revoked, expired or short of permissions.</summary>
    CheckRefused,

    /// <summary>A re-check could not reach a verdict (Pleo unavailable or rate limiting): nothing is known to have changed.</summary>
    CheckInconclusive,

    /// <summary>The user removed the key.</summary>
    Disconnected,
}

/// <summary>
/// The one place that decides how a tenant's connection moves between states.
/// <see cref="ConnectionState.ValidationInProgress"/> is shown while a submitted key is checked; the outcome
/// of that check applies to the state the attempt started from, which is how a failed rotation lands back on
/// <see cref="ConnectionState.Connected"/> with the previous key (R-ROT-4) and a failed first attempt never
/// becomes active (R-ERR-4).
/// </summary>
public static class ConnectionStateMachine
{
    /// <summary>The next state, or an <see cref="InvalidOperationException"/> for a move the machine does not allow.</summary>
    public static ConnectionState Next(ConnectionState from, ConnectionTrigger trigger) => (from, trigger) switch
    {
        (ConnectionState.ValidationInProgress, _) => throw Invalid(from, trigger),
        (_, ConnectionTrigger.KeySubmitted) => ConnectionState.ValidationInProgress,
        (_, ConnectionTrigger.KeyAccepted) => ConnectionState.Connected,
        (_, ConnectionTrigger.Disconnected) => ConnectionState.NotConnected,

        (ConnectionState.NotConnected or ConnectionState.ConnectionFailed, ConnectionTrigger.KeyRefused) => ConnectionState.ConnectionFailed,
        (ConnectionState.Connected or ConnectionState.ActionRequired, ConnectionTrigger.KeyRefused) => from,

        (ConnectionState.Connected or ConnectionState.ActionRequired, ConnectionTrigger.CheckPassed) => ConnectionState.Connected,
        (ConnectionState.Connected or ConnectionState.ActionRequired, ConnectionTrigger.CheckRefused) => ConnectionState.ActionRequired,
        (ConnectionState.Connected or ConnectionState.ActionRequired, ConnectionTrigger.CheckInconclusive) => from,

        _ => throw Invalid(from, trigger),
    };

    /// <summary>True when the tenant has a stored key that Pleo accepted (whether or not it still works).</summary>
    public static bool HasStoredKey(ConnectionState state) =>
        state is ConnectionState.Connected or ConnectionState.ActionRequired;

    /// <summary>The label the page shows for a state, from the shared catalogue.</summary>
    public static string Label(this ConnectionState state) => state switch
    {
        ConnectionState.NotConnected => ConnectionStateLabels.NotConnected,
        ConnectionState.ValidationInProgress => ConnectionStateLabels.ValidationInProgress,
        ConnectionState.Connected => ConnectionStateLabels.Connected,
        ConnectionState.ConnectionFailed => ConnectionStateLabels.ConnectionFailed,
        ConnectionState.ActionRequired => ConnectionStateLabels.ActionRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown connection state."),
    };

    private static InvalidOperationException Invalid(ConnectionState from, ConnectionTrigger trigger) =>
        new($"A connection in state {from} cannot take {trigger}.");
}
