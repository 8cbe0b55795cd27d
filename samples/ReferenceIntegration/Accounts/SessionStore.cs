using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PleoUxGuard.ReferenceIntegration.Storage;

namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>
/// Server-side sign-in sessions in SQLite: a row for each signed-in browser, whose id its cookie carries
/// (<see cref="WorkspaceClaims.SessionId"/>). A cookie is a sign-in only while its row is there, so deleting the
/// row ends the session for every copy of the cookie. Only the id's SHA-256 is stored: a copy of the database
/// names no session that a forged cookie could claim.
/// </summary>
internal sealed class SessionStore(Database database, TimeProvider time)
{
    /// <summary>Records a new session of the user, <paramref name="lifetime"/> long, and returns its id (256 random bits).</summary>
    public async Task<string> StartAsync(Guid userId, TenantId tenantId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // The rows of sessions nobody signed out of stay until their cookies expire; each sign-in clears the expired ones
        // (a range of the expires_at index).
        await connection.Command(
                """
                DELETE FROM user_sessions WHERE expires_at < $now;
                INSERT INTO user_sessions (id_hash, user_id, tenant_id, created_at, expires_at)
                VALUES ($id_hash, $user, $tenant, $now, $expires);
                """)
            .With("$id_hash", Hash(id)).With("$user", userId.ToString("D")).With("$tenant", tenantId.ToString())
            .With("$now", Timestamp(now)).With("$expires", Timestamp(now + lifetime))
            .ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Whether the session is still there for this user and workspace: one lookup by primary key. Its expiry is not
    /// compared: the cookie handler has already refused a cookie past its own expiry, which is signed and which the
    /// row's follows.
    /// </summary>
    public async Task<bool> IsActiveAsync(string id, Guid userId, TenantId tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.Command(
                "SELECT 1 FROM user_sessions WHERE id_hash = $id_hash AND user_id = $user AND tenant_id = $tenant;")
            .With("$id_hash", Hash(id)).With("$user", userId.ToString("D")).With("$tenant", tenantId.ToString())
            .ExecuteScalarAsync(cancellationToken);
        return found is not null;
    }

    /// <summary>Moves the session's expiry to <paramref name="lifetime"/> from now, as its cookie's is when renewed (sliding expiry).</summary>
    public async Task ExtendAsync(string id, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("UPDATE user_sessions SET expires_at = $expires WHERE id_hash = $id_hash;")
            .With("$expires", Timestamp(time.GetUtcNow() + lifetime)).With("$id_hash", Hash(id))
            .ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends the session: no copy of its cookie is a sign-in any more.</summary>
    public async Task EndAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("DELETE FROM user_sessions WHERE id_hash = $id_hash;")
            .With("$id_hash", Hash(id))
            .ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>Round-trip UTC text, as every table stores times: fixed width, so text order is time order.</summary>
    private static string Timestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
