using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Pleo;

/// <summary>
/// Pleo's API with an installation's key in the Authorization header: whether the key works (<c>GET /v1/introspect</c>)
/// and marking the installation active, through the named client's standard resilience handler (timeout per
/// attempt, one retry on 5xx or timeout).
/// </summary>
internal sealed partial class PleoClient(IHttpClientFactory httpClientFactory, IOptions<PleoOptions> options, ILogger<PleoClient> logger)
{
    public const string HttpClientName = "pleo";

    private const string CompanyUrnPrefix = "urn:pleo:company:";

    /// <summary>Whether Pleo accepts the key, and for which company (<c>GET /v1/introspect</c>).</summary>
    public Task<KeyCheck> CheckAsync(PleoApiKey key, CancellationToken cancellationToken) =>
        SendAsync(key, HttpMethod.Get, "v1/introspect", ReadIntrospectionAsync, cancellationToken);

    /// <summary>
    /// Marks the installation active in Pleo (<c>POST /v1/installations/me:activate</c>), once its key has passed the
    /// check and is about to be saved: Pleo keeps an installation merely authorized until the integration does.
    /// Null when it is active; else why not, as a check would say.
    /// </summary>
    public async Task<FailureKind?> ActivateAsync(PleoApiKey key, CancellationToken cancellationToken) =>
        (await SendAsync(key, HttpMethod.Post, "v1/installations/me:activate", (_, _) => Task.FromResult(Activated), cancellationToken)).Failure;

    // What ActivateAsync's answer is read as: no company to read, no failure.
    private static readonly KeyCheck Activated = new(null, null);

    /// <summary>One call with the key in the Authorization header; an answer other than 200 is read as its failure.</summary>
    private async Task<KeyCheck> SendAsync(
        PleoApiKey key, HttpMethod method, string path, Func<HttpResponseMessage, CancellationToken, Task<KeyCheck>> readOk, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = key.ToAuthorizationHeader();

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogAnswered(logger, path, (int)response.StatusCode);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await readOk(response, cancellationToken),
                HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest => KeyCheck.Failed(FailureKind.InvalidKey),
                HttpStatusCode.Forbidden => KeyCheck.Failed(FailureKind.MissingPermission),
                HttpStatusCode.TooManyRequests => KeyCheck.Failed(FailureKind.RateLimited),
                _ => KeyCheck.Failed(FailureKind.PleoUnavailable),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, path, exception.GetType().Name);
            return KeyCheck.Failed(FailureKind.PleoUnavailable);
        }
    }

    private async Task<KeyCheck> ReadIntrospectionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var data = document.RootElement.GetProperty("data");
            var subject = data.GetProperty("subjectURN").GetString();
            var authMethod = data.TryGetProperty("authMethod", out var method) ? method.GetString() : null;
            if (subject is null
                || !subject.StartsWith(CompanyUrnPrefix, StringComparison.Ordinal)
                || !Guid.TryParse(subject.AsSpan(CompanyUrnPrefix.Length), out var companyId)
                || (authMethod is not null && authMethod != "API_KEY"))
            {
                // Pleo knows the credential, but it is not a company installation's API key (another kind of credential
                // was pasted): for the user a key this integration cannot use, so the invalid-key message, which says
                // to check what was copied, not an outage's "try again in a few minutes".
                LogNotACompanyKey(logger, authMethod ?? "none");
                return KeyCheck.Failed(FailureKind.InvalidKey);
            }

            var granted = (data.TryGetProperty("scope", out var scope) ? scope.GetString() : null)?
                .Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var missing = options.Value.RequiredScopes.Except(granted, StringComparer.Ordinal).ToArray();
            if (missing.Length > 0)
            {
                LogMissingScopes(logger, string.Join(' ', missing));
                return KeyCheck.Failed(FailureKind.MissingPermission);
            }

            return KeyCheck.For(companyId);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnexpectedAnswer(logger, exception.GetType().Name);
            return KeyCheck.Failed(FailureKind.PleoUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pleo answered {Path} with status {StatusCode}")]
    private static partial void LogAnswered(ILogger logger, string path, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pleo could not be reached for {Path} ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pleo's answer to a key check was not understood ({Reason})")]
    private static partial void LogUnexpectedAnswer(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pleo knows the credential, but it is not a company installation's API key (auth method {AuthMethod})")]
    private static partial void LogNotACompanyKey(ILogger logger, string authMethod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key accepted by Pleo but lacks scopes {MissingScopes}")]
    private static partial void LogMissingScopes(ILogger logger, string missingScopes);
}
