using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Pleo;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>
/// Everything a workspace can do with its Pleo connection: look at it, submit a key (connect, update or
/// replace), disconnect, and have it re-checked. The tenant always comes from the signed-in user; there is no
/// way to name another tenant's connection.
/// </summary>
internal sealed partial class PleoConnectionService(
    ConnectionStore store,
    PleoClient pleo,
    ConnectAttemptLimiter limiter,
    IDataProtectionProvider dataProtection,
    IOptions<MonitorOptions> monitorOptions,
    TimeProvider time,
    ILogger<PleoConnectionService> logger)
{
    private const string KeyProtectionPurpose = "PleoUxGuard.ReferenceIntegration.PleoApiKey";

    // One gate per tenant: submissions for a tenant run one after another (two concurrent rotations end in one
    // consistent state), and while any is waiting or running the page shows "Validation in progress".
    private readonly ConcurrentDictionary<TenantId, TenantGate> _gates = new();

    // Accepting a key is one at a time across tenants, so two workspaces pasting the same key at once cannot
    // both pass the check that no other workspace holds it (R-SEC-1: a key is never shared across tenants).
    private readonly SemaphoreSlim _accepting = new(1, 1);

    /// <summary>
    /// The connection as the page shows it, re-checked with Pleo first when the last check is old; a re-check that
    /// takes longer than <see cref="MonitorOptions.PageRecheckTimeout"/> is given up, and the stored state shown.
    /// </summary>
    public async Task<ConnectionView> GetAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var connection = await store.GetAsync(tenantId, cancellationToken);
        if (connection.IsWatched
            && time.GetUtcNow() - (connection.LastCheckedAt ?? DateTimeOffset.MinValue) > monitorOptions.Value.PageRecheckAfter)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(monitorOptions.Value.PageRecheckTimeout);
            try
            {
                connection = await RecheckAsync(connection, budget.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // As an outage: nothing is known, so nothing changes; the monitor asks again.
                LogPageRecheckGivenUp(logger, tenantId.Value);
            }
        }

        return ViewOf(connection, alerts: [.. Warnings(connection)]);
    }

    /// <summary>The state to show in the layout's persistent warning, without calling Pleo.</summary>
    public async Task<PleoConnection> GetStoredAsync(TenantId tenantId, CancellationToken cancellationToken) =>
        await store.GetAsync(tenantId, cancellationToken);

    /// <summary>
    /// Validates what the user pasted with Pleo and, if Pleo accepts it for the right company, makes it the
    /// tenant's key. Used alike for the first connect, Update API key and Replace API key.
    /// </summary>
    public Task<ConnectionView> SubmitKeyAsync(TenantId tenantId, string? input, Guid? confirmedCompanySwitch, CancellationToken cancellationToken) =>
        WithGateAsync(tenantId, async () =>
        {
            LogAttemptStarted(logger, tenantId.Value);
            var key = PleoApiKey.Parse(input);
            if (key is null)
            {
                return await RefuseAsync(tenantId, FailureKind.WrongFormat, cancellationToken);
            }

            if (!limiter.TryAcquire(tenantId))
            {
                LogAttemptLimited(logger, tenantId.Value);
                var current = await store.GetAsync(tenantId, cancellationToken);
                return new Outcome(current, AttemptAlerts(MessageCatalogue.TooManyConnectAttempts, current));
            }

            var check = await pleo.CheckAsync(key, cancellationToken);
            if (check.CompanyId is not { } companyId)
            {
                return await RefuseAsync(tenantId, check.Failure ?? FailureKind.PleoUnavailable, cancellationToken);
            }

            return await AcceptAsync(tenantId, key, companyId, confirmedCompanySwitch, cancellationToken);
        });

    /// <summary>Removes the key; the tenant is Not connected afterwards.</summary>
    public Task<ConnectionView> DisconnectAsync(TenantId tenantId, CancellationToken cancellationToken) =>
        WithGateAsync(tenantId, async () =>
        {
            var saved = await SaveAsync(
                tenantId,
                current => (current with
                {
                    State = ConnectionStateMachine.Next(current.State, ConnectionTrigger.Disconnected),
                    ProtectedKey = null,
                    KeyLastFour = null,
                    CompanyId = null,
                    LastFailure = null,
                    LastCheckedAt = null,
                }, "disconnected"),
                auditFailure: null,
                cancellationToken);
            LogDisconnected(logger, tenantId.Value);
            return new Outcome(saved, []);
        });

    /// <summary>
    /// Asks Pleo whether the stored key still works. A refusal turns the tenant to Action required; an outage or
    /// rate limit changes nothing, not even the time of the last check.
    /// </summary>
    public async Task<PleoConnection> RecheckAsync(PleoConnection connection, CancellationToken cancellationToken)
    {
        if (!ConnectionStateMachine.HasStoredKey(connection.State) || connection.ProtectedKey is null)
        {
            return connection;
        }

        var check = await CheckStoredKeyAsync(connection, cancellationToken);
        var trigger = check switch
        {
            { CompanyId: { } companyId } when companyId == connection.CompanyId => ConnectionTrigger.CheckPassed,
            { Accepted: true } or { KeyRefused: true } => ConnectionTrigger.CheckRefused,
            _ => ConnectionTrigger.CheckInconclusive,
        };

        if (trigger == ConnectionTrigger.CheckInconclusive)
        {
            LogCheckInconclusive(logger, connection.TenantId.Value, check.Failure);
            return connection;
        }

        var next = ConnectionStateMachine.Next(connection.State, trigger);
        var updated = connection with
        {
            State = next,
            LastFailure = trigger == ConnectionTrigger.CheckRefused
                ? check.Failure == FailureKind.MissingPermission ? FailureKind.MissingPermission : FailureKind.KeyRevoked
                : null,
            LastCheckedAt = time.GetUtcNow(),
        };

        // Routine passes that change nothing stay out of the audit trail; a new reason in the same state (a key short of a
        // permission that is then revoked) changes what the page says, so it is recorded like a change of state.
        var changed = next != connection.State || updated.LastFailure != connection.LastFailure;
        var auditEvent = !changed ? null : trigger == ConnectionTrigger.CheckRefused ? "key-refused-on-check" : "restored-on-check";
        if (!await store.TrySaveAsync(updated, auditEvent, auditFailure: null, cancellationToken))
        {
            // The user replaced or removed the key while Pleo was being asked about the old one: their change stands.
            return await store.GetAsync(connection.TenantId, cancellationToken);
        }

        if (changed)
        {
            LogStateChangedOnCheck(logger, connection.TenantId.Value, next, updated.LastFailure);
        }

        return updated with { Version = updated.Version + 1 };
    }

    private async Task<KeyCheck> CheckStoredKeyAsync(PleoConnection connection, CancellationToken cancellationToken)
    {
        PleoApiKey key;
        try
        {
            key = PleoApiKey.Unprotect(ProtectorFor(connection.TenantId), connection.ProtectedKey!);
        }
        catch (CryptographicException)
        {
            // The key ring that encrypted this key is gone: the key cannot be used again and must be re-entered.
            LogKeyUnreadable(logger, connection.TenantId.Value);
            return KeyCheck.Failed(FailureKind.KeyRevoked);
        }

        var check = await pleo.CheckAsync(key, cancellationToken);
        return check.Failure == FailureKind.InvalidKey ? KeyCheck.Failed(FailureKind.KeyRevoked) : check;
    }

    private async Task<Outcome> AcceptAsync(TenantId tenantId, PleoApiKey key, Guid companyId, Guid? confirmedCompanySwitch, CancellationToken cancellationToken)
    {
        await _accepting.WaitAsync(cancellationToken);
        try
        {
            var current = await store.GetAsync(tenantId, cancellationToken);
            if (await HeldByAnotherTenantAsync(tenantId, key, companyId, cancellationToken))
            {
                LogKeyHeldElsewhere(logger, tenantId.Value, companyId);
                return new Outcome(current, AttemptAlerts(MessageCatalogue.KeyUsedByAnotherWorkspace, current));
            }

            // Activated in Pleo only when it is about to be saved (no partial activation): not for a switch of company
            // the user has not confirmed, which is refused below. Submissions of a tenant run one at a time, so the
            // stored connection read here is the one the save starts from.
            if (!IsUnconfirmedSwitch(current, companyId, confirmedCompanySwitch) && await pleo.ActivateAsync(key, cancellationToken) is { } failure)
            {
                LogActivationFailed(logger, tenantId.Value, failure);
                return await RefuseAsync(tenantId, failure, cancellationToken);
            }

            return await SaveAcceptedAsync(tenantId, key, companyId, confirmedCompanySwitch, cancellationToken);
        }
        finally
        {
            _accepting.Release();
        }
    }

    /// <summary>
    /// Whether another workspace stores this very key. Only workspaces connected to the same company can, so only
    /// their keys are decrypted (each with its own tenant's protector) and compared.
    /// </summary>
    private async Task<bool> HeldByAnotherTenantAsync(TenantId tenantId, PleoApiKey key, Guid companyId, CancellationToken cancellationToken)
    {
        foreach (var other in await store.ListWithKeyForCompanyAsync(companyId, cancellationToken))
        {
            if (other.TenantId == tenantId)
            {
                continue;
            }

            try
            {
                if (key.SameAs(PleoApiKey.Unprotect(ProtectorFor(other.TenantId), other.ProtectedKey!)))
                {
                    return true;
                }
            }
            catch (CryptographicException)
            {
                // A key the lost key ring encrypted is nobody's any more.
            }
        }

        return false;
    }

    private async Task<Outcome> SaveAcceptedAsync(TenantId tenantId, PleoApiKey key, Guid companyId, Guid? confirmedCompanySwitch, CancellationToken cancellationToken)
    {
        var protectedKey = key.Protect(ProtectorFor(tenantId));
        Guid? refusedSwitchFrom = null;
        var replaced = false;
        var saved = await SaveAsync(
            tenantId,
            current =>
            {
                var switching = IsSwitch(current, companyId);
                refusedSwitchFrom = IsUnconfirmedSwitch(current, companyId, confirmedCompanySwitch) ? current.CompanyId : null;
                if (refusedSwitchFrom is not null)
                {
                    return (current with { State = ConnectionStateMachine.Next(current.State, ConnectionTrigger.KeyRefused) }, "company-switch-refused");
                }

                replaced = ConnectionStateMachine.HasStoredKey(current.State);
                var auditEvent = switching ? "company-switched" : replaced ? "key-replaced" : "connected";
                return (current with
                {
                    State = ConnectionStateMachine.Next(current.State, ConnectionTrigger.KeyAccepted),
                    ProtectedKey = protectedKey,
                    KeyLastFour = key.LastFour,
                    CompanyId = companyId,
                    LastFailure = null,
                    LastCheckedAt = time.GetUtcNow(),
                }, auditEvent);
            },
            auditFailure: null,
            cancellationToken);

        if (refusedSwitchFrom is { } currentCompany)
        {
            LogCompanySwitchRefused(logger, tenantId.Value, companyId, currentCompany);
            return new Outcome(
                saved,
                AttemptAlerts(MessageCatalogue.DifferentCompany(companyId.ToString("D"), currentCompany.ToString("D")), saved),
                CompanySwitchToConfirm: companyId);
        }

        LogConnected(logger, tenantId.Value, companyId);
        return new Outcome(saved, [], KeyReplaced: replaced);
    }

    /// <summary>A key of another company than the one the stored connection is for.</summary>
    private static bool IsSwitch(PleoConnection current, Guid companyId) =>
        ConnectionStateMachine.HasStoredKey(current.State) && current.CompanyId is { } existing && existing != companyId;

    /// <summary>A switch of company the user has not confirmed for this very company: refused, asking to confirm.</summary>
    private static bool IsUnconfirmedSwitch(PleoConnection current, Guid companyId, Guid? confirmedCompanySwitch) =>
        IsSwitch(current, companyId) && confirmedCompanySwitch != companyId;

    private async Task<Outcome> RefuseAsync(TenantId tenantId, FailureKind failure, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(
            tenantId,
            current =>
            {
                var next = ConnectionStateMachine.Next(current.State, ConnectionTrigger.KeyRefused);
                // A first connect remembers why it failed; a stored connection keeps its own standing.
                var lastFailure = next == ConnectionState.ConnectionFailed ? failure : current.LastFailure;
                return (current with { State = next, LastFailure = lastFailure }, "key-refused");
            },
            auditFailure: failure,
            cancellationToken);

        LogAttemptRefused(logger, tenantId.Value, failure, saved.State);
        return new Outcome(saved, AttemptAlerts(MessageCatalogue.For(failure), saved));
    }

    /// <summary>Applies a change to the latest stored connection, again on top of any change that won the race.</summary>
    /// <param name="auditFailure">The failure the audit event records when it is not the stored one (a refused replacement).</param>
    private async Task<PleoConnection> SaveAsync(
        TenantId tenantId, Func<PleoConnection, (PleoConnection Updated, string? AuditEvent)> change, FailureKind? auditFailure, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.GetAsync(tenantId, cancellationToken);
            var (updated, auditEvent) = change(current);
            if (await store.TrySaveAsync(updated, auditEvent, auditFailure, cancellationToken))
            {
                return updated with { Version = updated.Version + 1 };
            }

            LogSaveRetried(logger, tenantId.Value);
        }
    }

    private async Task<ConnectionView> WithGateAsync(TenantId tenantId, Func<Task<Outcome>> work)
    {
        var gate = _gates.GetOrAdd(tenantId, _ => new TenantGate());
        Interlocked.Increment(ref gate.Pending);
        Outcome outcome;
        try
        {
            await gate.Lock.WaitAsync();
            try
            {
                outcome = await work();
            }
            finally
            {
                gate.Lock.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref gate.Pending);
        }

        return ViewOf(outcome.Connection, outcome.Alerts) with { CompanySwitchToConfirm = outcome.CompanySwitchToConfirm, KeyReplaced = outcome.KeyReplaced };
    }

    /// <summary>The view of a stored connection; another submission still waiting or running shows as in progress.</summary>
    private ConnectionView ViewOf(PleoConnection connection, IReadOnlyList<string> alerts)
    {
        var validating = _gates.TryGetValue(connection.TenantId, out var gate) && Volatile.Read(ref gate.Pending) > 0;
        return new ConnectionView(
            validating ? ConnectionState.ValidationInProgress : connection.State,
            connection.CompanyId,
            connection.MaskedKey,
            connection.LastCheckedAt,
            alerts);
    }

    /// <summary>
    /// What a stored state keeps telling the user on every visit until it is resolved. Not a first connect's outage or
    /// rate limit: "Pleo could not be reached just now" is true of that attempt only, so a later visit shows the state.
    /// </summary>
    private static IEnumerable<string> Warnings(PleoConnection connection) => connection.State switch
    {
        ConnectionState.ConnectionFailed when connection.LastFailure is FailureKind.PleoUnavailable or FailureKind.RateLimited => [],
        ConnectionState.ConnectionFailed or ConnectionState.ActionRequired when connection.LastFailure is { } failure => [MessageCatalogue.For(failure)],
        ConnectionState.ActionRequired => [MessageCatalogue.KeyRevoked],
        _ => [],
    };

    /// <summary>
    /// What a refused submission says, in reading order: its own answer, that a standing connection is still active,
    /// and a standing warning about the stored key. Why an earlier attempt failed is not said again: this answer
    /// replaces it ("already connected to another workspace" next to an older "appears to be invalid" contradicted it).
    /// </summary>
    private static IReadOnlyList<string> AttemptAlerts(string answer, PleoConnection connection) =>
    [
        answer,
        .. KeptPrevious(connection.State),
        .. connection.State == ConnectionState.ActionRequired ? Warnings(connection).Where(warning => warning != answer) : [],
    ];

    /// <summary>What a refused submission adds while a connection stands: it is still active (R-ROT-4).</summary>
    internal static IReadOnlyList<string> KeptPrevious(ConnectionState state) =>
        state == ConnectionState.Connected ? [MessageCatalogue.RotationKeptPrevious] : [];

    /// <summary>The per-tenant protector: a key encrypted for one tenant cannot be decrypted as another's.</summary>
    internal IDataProtector ProtectorFor(TenantId tenantId) =>
        dataProtection.CreateProtector(KeyProtectionPurpose, tenantId.ToString());

    /// <param name="KeyReplaced">A key was accepted in place of a stored one (Update or Replace API key, a confirmed switch).</param>
    private sealed record Outcome(PleoConnection Connection, IReadOnlyList<string> Alerts, Guid? CompanySwitchToConfirm = null, bool KeyReplaced = false);

    private sealed class TenantGate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} submitted a Pleo API key for validation")]
    private static partial void LogAttemptStarted(ILogger logger, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} reached the connect attempt limit")]
    private static partial void LogAttemptLimited(ILogger logger, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} connected to Pleo company {CompanyId}")]
    private static partial void LogConnected(ILogger logger, Guid tenantId, Guid companyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} key not accepted ({Failure}); state is {State}")]
    private static partial void LogAttemptRefused(ILogger logger, Guid tenantId, FailureKind failure, ConnectionState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} submitted a key for company {NewCompanyId} while connected to {CurrentCompanyId}; switch not confirmed")]
    private static partial void LogCompanySwitchRefused(ILogger logger, Guid tenantId, Guid newCompanyId, Guid currentCompanyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} submitted a key for company {CompanyId} that another workspace already holds; refused")]
    private static partial void LogKeyHeldElsewhere(ILogger logger, Guid tenantId, Guid companyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} disconnected from Pleo; the key was removed")]
    private static partial void LogDisconnected(ILogger logger, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} connection is now {State} after a re-check ({Failure})")]
    private static partial void LogStateChangedOnCheck(ILogger logger, Guid tenantId, ConnectionState state, FailureKind? failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-check for tenant {TenantId} was inconclusive ({Failure}); nothing changed")]
    private static partial void LogCheckInconclusive(ILogger logger, Guid tenantId, FailureKind? failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored key of tenant {TenantId} cannot be decrypted; the user must enter it again")]
    private static partial void LogKeyUnreadable(ILogger logger, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} key passed the check but Pleo did not activate the installation ({Failure}); nothing saved")]
    private static partial void LogActivationFailed(ILogger logger, Guid tenantId, FailureKind failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pleo did not answer the page's re-check for tenant {TenantId} in time; showing the stored state")]
    private static partial void LogPageRecheckGivenUp(ILogger logger, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection of tenant {TenantId} changed while saving; applying again on the latest version")]
    private static partial void LogSaveRetried(ILogger logger, Guid tenantId);
}
