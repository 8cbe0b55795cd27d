using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>
/// A tenant's stored Pleo connection. The key is held only encrypted (<see cref="ProtectedKey"/>); its last four
/// characters and the company id are the only parts kept in clear (R-SEC-1, R-VIS-2).
/// </summary>
internal sealed record PleoConnection(
    TenantId TenantId,
    ConnectionState State,
    byte[]? ProtectedKey,
    string? KeyLastFour,
    Guid? CompanyId,
    FailureKind? LastFailure,
    DateTimeOffset? LastCheckedAt,
    long Version)
{
    public static PleoConnection None(TenantId tenantId) =>
        new(tenantId, ConnectionState.NotConnected, null, null, null, null, null, Version: 0);

    public string? MaskedKey => KeyLastFour is null ? null : PleoApiKey.Mask + KeyLastFour;

    /// <summary>
    /// Whether Pleo is asked about the stored key again (by the monitor, and when the page is opened): a working key
    /// can be revoked or lose a permission (R-REC-1), and a key short of a permission works again once an admin
    /// grants it back in Pleo. A revoked or expired key never works again, so asking about it would only load Pleo.
    /// </summary>
    public bool IsWatched =>
        State == ConnectionState.Connected
        || (State == ConnectionState.ActionRequired && LastFailure == FailureKind.MissingPermission);
}

/// <summary>One line of the audit trail: what happened to a tenant's connection, with no secret in it.</summary>
internal sealed record ConnectionEvent(
    TenantId TenantId,
    DateTimeOffset OccurredAt,
    string Event,
    ConnectionState State,
    Guid? CompanyId,
    string? KeyLastFour,
    FailureKind? Failure);
