using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// The out-of-process way to steer the fake (for kits and integrations in other languages), under
/// /_control/ and guarded by the control token, so the integration under test cannot steer its own
/// scenario. Bad requests get a JSON error and change nothing: every input is checked before any state changes.
/// </summary>
internal sealed class ControlApi(KeyRegistry keys, RequestJournal journal, string controlToken)
{
    public const string TokenHeader = "X-Control-Token";

    /// <summary>Control bodies are a few fields; anything bigger is refused unread.</summary>
    public const int MaximumBodyBytes = 64 * 1024;

    private const string Routes =
        "GET /_control/keys, POST /_control/keys, GET /_control/keys/{id}, POST /_control/keys/{id}/rotate|revoke|release|end-rate-limit|withdraw-scope|restore-scopes, "
        + "GET|POST /_control/outage, GET|DELETE /_control/journal";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(controlToken);

    public async Task HandleAsync(HttpContext context)
    {
        if (!HasToken(context.Request))
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.ControlTokenInvalid,
                $"The control API needs the control token the fake Pleo printed at start, in the {TokenHeader} header.").ConfigureAwait(false);
            return;
        }

        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries)[1..];
        var method = context.Request.Method;
        switch (segments)
        {
            case ["keys"] when HttpMethods.IsGet(method):
                await WriteAsync(context, StatusCodes.Status200OK, writer => WriteKeyList(writer)).ConfigureAwait(false);
                return;
            case ["keys"] when HttpMethods.IsPost(method):
                await MintAsync(context).ConfigureAwait(false);
                return;
            case ["keys"]:
                await MethodNotAllowedAsync(context, "GET, POST").ConfigureAwait(false);
                return;
            case ["keys", var id] when HttpMethods.IsGet(method):
                await WithKeyAsync(context, id, state => WriteAsync(context, StatusCodes.Status200OK, writer => WriteKeyInfo(writer, state))).ConfigureAwait(false);
                return;
            case ["keys", _]:
                await MethodNotAllowedAsync(context, "GET").ConfigureAwait(false);
                return;
            case ["keys", var id, var action] when HttpMethods.IsPost(method):
                await KeyActionAsync(context, id, action).ConfigureAwait(false);
                return;
            case ["keys", _, _]:
                await MethodNotAllowedAsync(context, "POST").ConfigureAwait(false);
                return;
            case ["outage"] when HttpMethods.IsGet(method):
                await WriteOutageAsync(context).ConfigureAwait(false);
                return;
            case ["outage"] when HttpMethods.IsPost(method):
                await SetOutageAsync(context).ConfigureAwait(false);
                return;
            case ["outage"]:
                await MethodNotAllowedAsync(context, "GET, POST").ConfigureAwait(false);
                return;
            case ["journal"] when HttpMethods.IsGet(method):
                await WriteJournalAsync(context).ConfigureAwait(false);
                return;
            case ["journal"] when HttpMethods.IsDelete(method):
                journal.Clear();
                await WriteAsync(context, StatusCodes.Status200OK, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteBoolean("cleared", true);
                    writer.WriteEndObject();
                }).ConfigureAwait(false);
                return;
            case ["journal"]:
                await MethodNotAllowedAsync(context, "GET, DELETE").ConfigureAwait(false);
                return;
            default:
                await ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                    $"There is no control endpoint at this path. The control API serves {Routes}.").ConfigureAwait(false);
                return;
        }
    }

    private bool HasToken(HttpRequest request)
    {
        var presented = request.Headers[TokenHeader];
        if (presented.Count != 1 || presented[0] is not { Length: > 0 } value)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _token);
    }

    private async Task MintAsync(HttpContext context)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        using (body)
        {
            var request = MintRequest.Parse(body.RootElement, out var problem);
            if (request is null)
            {
                await BadRequestAsync(context, problem!).ConfigureAwait(false);
                return;
            }

            var key = request.MintIn(keys);
            await WriteMintedAsync(context, key).ConfigureAwait(false);
        }
    }

    private Task KeyActionAsync(HttpContext context, string id, string action) => WithKeyAsync(context, id, state =>
    {
        switch (action)
        {
            case "rotate":
                return WriteMintedAsync(context, keys.MintRotation(state.Key));
            case "revoke":
                keys.Revoke(state.Key);
                break;
            case "release":
                keys.ReleaseSlow(state.Key);
                break;
            case "end-rate-limit":
                keys.EndRateLimit(state.Key);
                break;
            case "withdraw-scope":
                keys.WithdrawScope(state.Key);
                break;
            case "restore-scopes":
                keys.RestoreScopes(state.Key);
                break;
            default:
                return ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                    $"Unknown key action \"{Shown(action)}\"; use rotate, revoke, release, end-rate-limit, withdraw-scope or restore-scopes.");
        }

        return WriteAsync(context, StatusCodes.Status200OK, writer => WriteKeyInfo(writer, state));
    });

    private async Task WithKeyAsync(HttpContext context, string id, Func<KeyState, Task> act)
    {
        if (keys.StateOfId(id) is { } state)
        {
            await act(state).ConfigureAwait(false);
            return;
        }

        await ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
            $"No key has the id \"{Shown(id)}\". Key ids look like k7; GET /_control/keys lists them.").ConfigureAwait(false);
    }

    private async Task SetOutageAsync(HttpContext context)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        using (body)
        {
            if (!body.RootElement.TryGetProperty("on", out var on) || on.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                await BadRequestAsync(context, "Send {\"on\": true} to start an outage or {\"on\": false} to end it.").ConfigureAwait(false);
                return;
            }

            keys.SetOutage(on.GetBoolean());
        }

        await WriteOutageAsync(context).ConfigureAwait(false);
    }

    private Task WriteOutageAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, writer =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("on", keys.Outage);
        writer.WriteEndObject();
    });

    private async Task WriteJournalAsync(HttpContext context)
    {
        IReadOnlyList<JournalEntry> entries = journal.All;
        if (context.Request.Query.TryGetValue("keyId", out var keyId))
        {
            if (keyId.Count != 1 || keys.Find(keyId[0] ?? string.Empty) is not { } key)
            {
                await ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                    "The keyId filter names no key. Key ids look like k7; GET /_control/keys lists them.").ConfigureAwait(false);
                return;
            }

            entries = journal.For(key);
        }

        await WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("time", entry.Time);
                writer.WriteString("method", entry.Method);
                writer.WriteString("path", entry.Path);
                writer.WriteString("keyId", entry.KeyId);
                writer.WriteString("keyFingerprint", entry.KeyFingerprint);
                writer.WriteString("keyLocation", JsonNaming.Of(entry.KeyLocation));
                writer.WriteNumber("statusCode", entry.StatusCode);
                writer.WriteString("errorCode", entry.ErrorCode);
                writer.WriteBoolean("violation", entry.Violation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>The one place the control API shows a key's value: the answer to the request that minted it.</summary>
    private static Task WriteMintedAsync(HttpContext context, MintedKey key) => WriteAsync(context, StatusCodes.Status201Created, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", key.Id);
        writer.WriteString("value", key.Value);
        writer.WriteString("fingerprint", key.Fingerprint);
        writer.WriteString("companyId", key.CompanyId);
        WriteScopes(writer, key);
        writer.WriteString("behaviour", JsonNaming.Of(key.Behaviour));
        writer.WriteEndObject();
    });

    private void WriteKeyList(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("keys");
        foreach (var key in keys.All)
        {
            WriteKeyInfo(writer, keys.StateOfId(key.Id)!);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteKeyInfo(Utf8JsonWriter writer, KeyState state)
    {
        writer.WriteStartObject();
        writer.WriteString("id", state.Key.Id);
        writer.WriteString("fingerprint", state.Key.Fingerprint);
        writer.WriteString("companyId", state.Key.CompanyId);
        WriteScopes(writer, state.Key);
        writer.WriteString("behaviour", JsonNaming.Of(state.Key.Behaviour));
        writer.WriteBoolean("revoked", state.Revoked);
        writer.WriteBoolean("scopeWithdrawn", state.ScopeWithdrawn);
        writer.WriteNumber("heldRequests", state.Held.Count);
        writer.WriteEndObject();
    }

    private static void WriteScopes(Utf8JsonWriter writer, MintedKey key)
    {
        writer.WriteStartArray("scopes");
        foreach (var scope in key.Scopes)
        {
            writer.WriteStringValue(scope);
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a JSON object body, or answers the error itself and returns null.</summary>
    private static async Task<JsonDocument?> ReadObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaximumBodyBytes)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
            {
                await TooLargeAsync(context).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            await BadRequestAsync(context, "The request has no body; send a JSON object.").ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException problem)
        {
            await BadRequestAsync(context, $"The body is not valid JSON ({problem.Message}).").ConfigureAwait(false);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            await BadRequestAsync(context, "The body must be a JSON object.").ConfigureAwait(false);
            return null;
        }

        return document;
    }

    private static Task TooLargeAsync(HttpContext context) =>
        ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"Control request bodies are limited to {MaximumBodyBytes / 1024} KB.");

    private static Task MethodNotAllowedAsync(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
            $"This control endpoint answers {allowed} only.");
    }

    private static Task BadRequestAsync(HttpContext context, string message) =>
        ErrorAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonResponses.WriteErrorAsync(context, status, code, message);

    private static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body) =>
        JsonResponses.WriteAsync(context, status, body);

    /// <summary>Echoes a path segment in an error only when short and plain, so errors never repeat secrets or garbage.</summary>
    private static string Shown(string segment) =>
        segment.Length <= 24 && segment.All(KeyGenerator.IsKeyCharacter) ? segment : "…";
}
