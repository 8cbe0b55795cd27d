namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>What the connection page shows: the state, the connection's public facts, and messages for the user.</summary>
/// <param name="KeyReplaced">
/// The answer to a submission that replaced a stored key (Update or Replace API key): the page confirms the
/// replacement in its status, as the change to Connected confirms a first connect. Never set on a later visit.
/// </param>
internal sealed record ConnectionView(
    ConnectionState State,
    Guid? CompanyId,
    string? MaskedKey,
    DateTimeOffset? LastCheckedAt,
    IReadOnlyList<string> Alerts,
    Guid? CompanySwitchToConfirm = null,
    bool KeyReplaced = false)
{
    public bool HasStoredKey => ConnectionStateMachine.HasStoredKey(State) || (State == ConnectionState.ValidationInProgress && MaskedKey is not null);
}
