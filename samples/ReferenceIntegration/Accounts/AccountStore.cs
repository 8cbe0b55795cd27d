using System.Globalization;
using Microsoft.Data.Sqlite;
using PleoUxGuard.ReferenceIntegration.Storage;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>Workspaces and their users in SQLite.</summary>
internal sealed class AccountStore(Database database, TimeProvider time)
{
    /// <summary>Creates a workspace with its first user; false when the email is already taken.</summary>
    public async Task<bool> TryCreateWorkspaceAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        await connection.Command("INSERT INTO tenants (id, name, created_at) VALUES ($id, $name, $now);", transaction)
            .With("$id", user.TenantId.ToString()).With("$name", user.WorkspaceName).With("$now", now)
            .ExecuteNonQueryAsync(cancellationToken);

        try
        {
            await connection.Command(
                    "INSERT INTO users (id, tenant_id, email, password_hash, created_at) VALUES ($id, $tenant, $email, $hash, $now);",
                    transaction)
                .With("$id", user.Id.ToString("D")).With("$tenant", user.TenantId.ToString())
                .With("$email", user.Email).With("$hash", user.PasswordHash).With("$now", now)
                .ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT: email taken */)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.Command(
                """
                SELECT u.id, u.tenant_id, t.name, u.email, u.password_hash
                FROM users u JOIN tenants t ON t.id = u.tenant_id
                WHERE u.email = $email;
                """)
            .With("$email", email)
            .ExecuteReaderAsync(cancellationToken);

        return await reader.ReadAsync(cancellationToken)
            ? new UserAccount(
                Guid.Parse(reader.GetString(0)),
                new TenantId(Guid.Parse(reader.GetString(1))),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4))
            : null;
    }

    public async Task UpdatePasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("UPDATE users SET password_hash = $hash WHERE id = $id;")
            .With("$hash", passwordHash).With("$id", userId.ToString("D"))
            .ExecuteNonQueryAsync(cancellationToken);
    }
}
