namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>What the connection page shows: the state, the connection's public facts, and messages for the user.</summary>
internal sealed record ConnectionView(
    ConnectionState State,
    Guid? CompanyId,
    string? MaskedKey,
    DateTimeOffset? LastCheckedAt,
    IReadOnlyList<string> Alerts,
    Guid? CompanySwitchToConfirm = null)
{
    public bool HasStoredKey => ConnectionStateMachine.HasStoredKey(State) || (State == ConnectionState.ValidationInProgress && MaskedKey is not null);
}
