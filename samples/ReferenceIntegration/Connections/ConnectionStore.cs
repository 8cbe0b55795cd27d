using System.Globalization;
using Microsoft.Data.Sqlite;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Storage;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>
/// Tenants' Pleo connections and their audit trail in SQLite. Every change is written together with its audit
/// event in one transaction, and only when the row is still at the version the change was based on, so a
/// monitor re-check can never overwrite a key the user replaced meanwhile.
/// </summary>
internal sealed class ConnectionStore(Database database, TimeProvider time)
{
    public async Task<PleoConnection> GetAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.Command(SelectConnections + " WHERE tenant_id = $tenant;")
            .With("$tenant", tenantId.ToString())
            .ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : PleoConnection.None(tenantId);
    }

    /// <summary>The connections the monitor should re-check.</summary>
    public async Task<IReadOnlyList<PleoConnection>> ListInStateAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.Command(SelectConnections + " WHERE state = $state;")
            .With("$state", state.ToString())
            .ExecuteReaderAsync(cancellationToken);
        var connections = new List<PleoConnection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            connections.Add(Read(reader));
        }

        return connections;
    }

    /// <summary>The connections that hold a key for <paramref name="companyId"/>, whichever their tenant.</summary>
    public async Task<IReadOnlyList<PleoConnection>> ListWithKeyForCompanyAsync(Guid companyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.Command(SelectConnections + " WHERE company_id = $company AND protected_key IS NOT NULL;")
            .With("$company", companyId.ToString("D"))
            .ExecuteReaderAsync(cancellationToken);
        var connections = new List<PleoConnection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            connections.Add(Read(reader));
        }

        return connections;
    }

    /// <summary>
    /// Writes <paramref name="updated"/> if the stored row is still at <paramref name="updated"/>'s version,
    /// bumping the version, and appends the audit event (none when null) with <paramref name="auditFailure"/>, or the
    /// stored failure when none is given. False when someone else changed the row first.
    /// </summary>
    public async Task<bool> TrySaveAsync(PleoConnection updated, string? auditEvent, FailureKind? auditFailure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var written = await connection.Command(
                """
                INSERT INTO pleo_connections
                    (tenant_id, state, protected_key, key_last_four, company_id, last_failure, last_checked_at, version, updated_at)
                VALUES ($tenant, $state, $key, $lastFour, $company, $failure, $checked, $version + 1, $now)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    state = excluded.state, protected_key = excluded.protected_key, key_last_four = excluded.key_last_four,
                    company_id = excluded.company_id, last_failure = excluded.last_failure,
                    last_checked_at = excluded.last_checked_at, version = excluded.version, updated_at = excluded.updated_at
                WHERE pleo_connections.version = $version;
                """,
                transaction)
            .With("$tenant", updated.TenantId.ToString())
            .With("$state", updated.State.ToString())
            .With("$key", updated.ProtectedKey)
            .With("$lastFour", updated.KeyLastFour)
            .With("$company", updated.CompanyId?.ToString("D"))
            .With("$failure", updated.LastFailure?.ToString())
            .With("$checked", updated.LastCheckedAt?.ToString("O", CultureInfo.InvariantCulture))
            .With("$version", updated.Version)
            .With("$now", now.ToString("O", CultureInfo.InvariantCulture))
            .ExecuteNonQueryAsync(cancellationToken);

        // Zero rows: the stored version moved on (a first save finds an existing row, whose version is never 0).
        if (written == 0)
        {
            return false;
        }

        if (auditEvent is not null)
        {
            await connection.Command(
                """
                INSERT INTO connection_events (tenant_id, occurred_at, event, state, company_id, key_last_four, failure)
                VALUES ($tenant, $now, $event, $state, $company, $lastFour, $failure);
                """,
                transaction)
                .With("$tenant", updated.TenantId.ToString())
                .With("$now", now.ToString("O", CultureInfo.InvariantCulture))
                .With("$event", auditEvent)
                .With("$state", updated.State.ToString())
                .With("$company", updated.CompanyId?.ToString("D"))
                .With("$lastFour", updated.KeyLastFour)
                .With("$failure", (auditFailure ?? updated.LastFailure)?.ToString())
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The audit trail of one tenant, oldest first.</summary>
    public async Task<IReadOnlyList<ConnectionEvent>> GetEventsAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.Command(
                """
                SELECT occurred_at, event, state, company_id, key_last_four, failure
                FROM connection_events WHERE tenant_id = $tenant ORDER BY id;
                """)
            .With("$tenant", tenantId.ToString())
            .ExecuteReaderAsync(cancellationToken);
        var events = new List<ConnectionEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new ConnectionEvent(
                tenantId,
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                Enum.Parse<ConnectionState>(reader.GetString(2)),
                ParseGuid(reader.GetNullableString("company_id")),
                reader.GetNullableString("key_last_four"),
                ParseFailure(reader.GetNullableString("failure"))));
        }

        return events;
    }

    private const string SelectConnections =
        "SELECT tenant_id, state, protected_key, key_last_four, company_id, last_failure, last_checked_at, version FROM pleo_connections";

    private static PleoConnection Read(SqliteDataReader reader) => new(
        new TenantId(Guid.Parse(reader.GetString(0))),
        Enum.Parse<ConnectionState>(reader.GetString(1)),
        reader.GetNullableBytes("protected_key"),
        reader.GetNullableString("key_last_four"),
        ParseGuid(reader.GetNullableString("company_id")),
        ParseFailure(reader.GetNullableString("last_failure")),
        reader.GetNullableString("last_checked_at") is { } checkedAt ? DateTimeOffset.Parse(checkedAt, CultureInfo.InvariantCulture) : null,
        reader.GetInt64(7));

    private static Guid? ParseGuid(string? value) => value is null ? null : Guid.Parse(value);

    private static FailureKind? ParseFailure(string? value) => value is null ? null : Enum.Parse<FailureKind>(value);
}
