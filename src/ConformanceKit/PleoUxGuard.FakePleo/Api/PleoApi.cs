using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Pleo's API slice: authenticates the key in the Authorization header, applies the key's behaviour,
/// and answers with Pleo's shapes.
/// </summary>
internal sealed class PleoApi(KeyRegistry keys, FakePleoOptions options, Guid applicationId, Guid clientId, TimeProvider time)
{
    private const string Introspect = "/v1/introspect";
    private const string Installation = "/v1/installations/me";
    private const string Activate = "/v1/installations/me:activate";
    private const string Companies = "/v1/companies";

    private const string Endpoints = "GET /v1/introspect, GET /v1/installations/me, POST /v1/installations/me:activate and GET /v1/companies";

    private static readonly Dictionary<string, string> MethodOf = new(StringComparer.Ordinal)
    {
        [Introspect] = HttpMethods.Get,
        [Installation] = HttpMethods.Get,
        [Activate] = HttpMethods.Post,
        [Companies] = HttpMethods.Get,
    };

    public async Task<ApiOutcome> HandleAsync(HttpContext context, BasicCredentials credentials, KeyState? key, CancellationToken stopping)
    {
        if (keys.Outage)
        {
            return await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                "Pleo is temporarily unavailable. Try again in a few minutes.", key).ConfigureAwait(false);
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (!MethodOf.TryGetValue(path, out var method))
        {
            return await ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                $"There is no endpoint at this path. The fake Pleo serves {Endpoints}.", key).ConfigureAwait(false);
        }

        if (!HttpMethods.Equals(context.Request.Method, method))
        {
            context.Response.Headers.Allow = method;
            return await ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                $"{path} answers {method} only.", key).ConfigureAwait(false);
        }

        var rejection = Authenticate(credentials, key);
        if (rejection is { } reject)
        {
            if (reject.Status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds(key!.RetryAfter);
            }

            return await ErrorAsync(context, reject.Status, reject.Code, reject.Message, key).ConfigureAwait(false);
        }

        var state = key!;
        if (state.Key.Behaviour is KeyBehaviour.Slow or KeyBehaviour.TimingOut)
        {
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                using (state.Held.Enter())
                {
                    var gate = state.Key.Behaviour == KeyBehaviour.Slow ? state.SlowGate : Never.Task;
                    await gate.WaitAsync(abort.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return new ApiOutcome(JsonResponses.ClientClosedRequest, ErrorCodes.RequestAborted, state);
            }
        }

        if (state.TakeFailure())
        {
            return await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                "Pleo could not answer this time. Try again in a moment.", key).ConfigureAwait(false);
        }

        var company = keys.CompanyOf(state.Key);
        switch (path)
        {
            case Introspect:
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => WriteIntrospection(writer, state.Key, company)).ConfigureAwait(false);
                break;
            case Installation:
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => WriteInstallation(writer, company)).ConfigureAwait(false);
                break;
            case Activate:
                company.Activate(time.GetUtcNow());
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => WriteInstallation(writer, company)).ConfigureAwait(false);
                break;
            default:
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => WriteCompanies(writer, company)).ConfigureAwait(false);
                break;
        }

        return new ApiOutcome(StatusCodes.Status200OK, null, state);
    }

    private (int Status, string Code, string Message)? Authenticate(BasicCredentials credentials, KeyState? key)
    {
        if (!credentials.Present)
        {
            return (StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyInvalid,
                "No API key was sent. Send the key as the user name with an empty password: Authorization: Basic base64(\"<key>:\").");
        }

        if (credentials.Problem is { } problem)
        {
            return (StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyInvalid, problem);
        }

        if (key is null || !key.Registered)
        {
            return (StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyInvalid,
                "The API key is not valid. Check that it was copied whole from Pleo, or generate a new one.");
        }

        if (key.Revoked)
        {
            return (StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyRevoked,
                "The API key was revoked in Pleo. Reinstall the integration in Pleo to get a new key.");
        }

        if (key.Key.Behaviour == KeyBehaviour.Expired)
        {
            return (StatusCodes.Status401Unauthorized, ErrorCodes.ApiKeyExpired,
                "The API key has expired. Reinstall the integration in Pleo to get a new key.");
        }

        var missing = keys.RequestedScopes
            .Where((scope, index) => (index == 0 && key.ScopeWithdrawn) || !key.Key.Scopes.Contains(scope, StringComparer.Ordinal))
            .ToArray();
        if (missing.Length > 0)
        {
            return (StatusCodes.Status403Forbidden, ErrorCodes.MissingScope,
                $"The API key lacks the permission(s) {string.Join(", ", missing)}. Reinstall the integration in Pleo and allow every requested permission.");
        }

        if (key.RateLimited)
        {
            return (StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                $"Too many requests. Retry after {RetryAfterSeconds(key.RetryAfter)} seconds.");
        }

        return null;
    }

    private static async Task<ApiOutcome> ErrorAsync(HttpContext context, int status, string code, string message, KeyState? key)
    {
        await JsonResponses.WriteErrorAsync(context, status, code, message).ConfigureAwait(false);
        return new ApiOutcome(status, code, key);
    }

    private static string RetryAfterSeconds(TimeSpan retryAfter) =>
        ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private void WriteIntrospection(Utf8JsonWriter writer, MintedKey key, Company company)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteString("authMethod", "API_KEY");
        writer.WriteString("clientId", clientId);
        writer.WriteString("scope", string.Join(' ', key.Scopes));
        writer.WriteString("applicationName", options.ApplicationName);
        writer.WriteString("subjectURN", company.Urn);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private void WriteInstallation(Utf8JsonWriter writer, Company company)
    {
        var (status, updatedAt) = company.Installation;
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteString("id", company.InstallationId);
        writer.WriteString("applicationId", applicationId);
        writer.WriteString("resource", company.Urn);
        writer.WriteString("status", status);
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("createdAt", company.CreatedAt);
        writer.WriteString("updatedAt", updatedAt);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteCompanies(Utf8JsonWriter writer, Company company)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteString("id", company.Id);
        writer.WriteString("name", company.Name);
        writer.WriteString("organizationId", company.OrganizationId);
        writer.WriteString("registrationNumber", company.RegistrationNumber);
        writer.WriteStartObject("address");
        writer.WriteString("addressLine1", "Ravnsborggade 2");
        writer.WriteString("addressLine2", string.Empty);
        writer.WriteString("locality", "Copenhagen");
        writer.WriteString("region", "Capital Region");
        writer.WriteString("postalCode", "2200");
        writer.WriteString("country", "DK");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("pagination");
        writer.WriteBoolean("hasNextPage", false);
        writer.WriteBoolean("hasPreviousPage", false);
        writer.WriteString("startCursor", company.Id.ToString("N"));
        writer.WriteString("endCursor", company.Id.ToString("N"));
        writer.WriteNumber("total", 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The gate a timing-out key waits on: it never opens, only the client or the server stopping ends the wait.</summary>
    private static class Never
    {
        public static readonly Task Task = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;
    }
}
