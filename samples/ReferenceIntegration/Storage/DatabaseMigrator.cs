using Microsoft.Data.Sqlite;

namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>
/// Brings the database schema up to date at start-up. Each migration runs once, in order, in its own
/// transaction; the schema version is SQLite's <c>user_version</c>. Add migrations at the end, never edit one.
/// </summary>
internal sealed partial class DatabaseMigrator(Database database, ILogger<DatabaseMigrator> logger)
{
    private static readonly string[] Migrations =
    [
        // 1: workspaces (tenants) and their users.
        """
        CREATE TABLE tenants (
            id          TEXT NOT NULL PRIMARY KEY,
            name        TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE users (
            id             TEXT NOT NULL PRIMARY KEY,
            tenant_id      TEXT NOT NULL REFERENCES tenants(id),
            email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash  TEXT NOT NULL,
            created_at     TEXT NOT NULL
        );
        """,

        // 2: one Pleo connection per tenant, and the audit trail of what happened to it.
        // Only the encrypted key, its last four characters and the company id are stored.
        """
        CREATE TABLE pleo_connections (
            tenant_id        TEXT NOT NULL PRIMARY KEY REFERENCES tenants(id),
            state            TEXT NOT NULL,
            protected_key    BLOB,
            key_last_four    TEXT,
            company_id       TEXT,
            last_failure     TEXT,
            last_checked_at  TEXT,
            version          INTEGER NOT NULL,
            updated_at       TEXT NOT NULL
        );
        CREATE TABLE connection_events (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant_id      TEXT NOT NULL REFERENCES tenants(id),
            occurred_at    TEXT NOT NULL,
            event          TEXT NOT NULL,
            state          TEXT NOT NULL,
            company_id     TEXT,
            key_last_four  TEXT,
            failure        TEXT
        );
        CREATE INDEX ix_connection_events_tenant ON connection_events (tenant_id, id);
        """,

        // 3: one row per signed-in browser, which sign-out deletes (Accounts/SessionStore). The id is the SHA-256 of
        // the session id the cookie carries; expires_at follows the cookie's sliding expiry, for clearing old rows.
        """
        CREATE TABLE user_sessions (
            id_hash     TEXT NOT NULL PRIMARY KEY,
            user_id     TEXT NOT NULL REFERENCES users(id),
            tenant_id   TEXT NOT NULL REFERENCES tenants(id),
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL
        );
        CREATE INDEX ix_user_sessions_expires ON user_sessions (expires_at);
        """,
    ];

    /// <summary>The schema version <see cref="MigrateAsync(CancellationToken)"/> brings a database to.</summary>
    public static int LatestVersion => Migrations.Length;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(LatestVersion, cancellationToken);

    /// <summary>Runs the migrations up to <paramref name="targetVersion"/> only: how a test makes a database of an earlier version.</summary>
    public async Task MigrateAsync(int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, LatestVersion);
        await using var connection = await database.OpenAsync(cancellationToken);

        // WAL lets the monitor read while a request writes; it is a property of the file, set once.
        await connection.Command("PRAGMA journal_mode = WAL;").ExecuteNonQueryAsync(cancellationToken);

        var current = Convert.ToInt32(await connection.Command("PRAGMA user_version;").ExecuteScalarAsync(cancellationToken));
        for (var version = current + 1; version <= targetVersion; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.Command(Migrations[version - 1], transaction).ExecuteNonQueryAsync(cancellationToken);
            await connection.Command($"PRAGMA user_version = {version};", transaction).ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogMigrated(logger, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema migrated to version {SchemaVersion}")]
    private static partial void LogMigrated(ILogger logger, int schemaVersion);
}
