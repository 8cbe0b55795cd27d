using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Pleo;

/// <summary>
/// Asks Pleo whether a key works: <c>GET /v1/introspect</c> with the key in the Authorization header, through
/// the named client's standard resilience handler (timeout per attempt, one retry on 5xx or timeout).
/// </summary>
internal sealed partial class PleoClient(IHttpClientFactory httpClientFactory, IOptions<PleoOptions> options, ILogger<PleoClient> logger)
{
    public const string HttpClientName = "pleo";

    private const string CompanyUrnPrefix = "urn:pleo:company:";

    public async Task<KeyCheck> CheckAsync(PleoApiKey key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/introspect");
        request.Headers.Authorization = key.ToAuthorizationHeader();

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogAnswered(logger, (int)response.StatusCode);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await ReadIntrospectionAsync(response, cancellationToken),
                HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest => KeyCheck.Failed(FailureKind.InvalidKey),
                HttpStatusCode.Forbidden => KeyCheck.Failed(FailureKind.MissingPermission),
                HttpStatusCode.TooManyRequests => KeyCheck.Failed(FailureKind.RateLimited),
                _ => KeyCheck.Failed(FailureKind.PleoUnavailable),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, exception.GetType().Name);
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
            if (subject is null
                || !subject.StartsWith(CompanyUrnPrefix, StringComparison.Ordinal)
                || !Guid.TryParse(subject.AsSpan(CompanyUrnPrefix.Length), out var companyId))
            {
                LogUnexpectedAnswer(logger, "subjectURN is not a company");
                return KeyCheck.Failed(FailureKind.PleoUnavailable);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pleo answered the key check with status {StatusCode}")]
    private static partial void LogAnswered(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pleo could not be reached for a key check ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pleo's answer to a key check was not understood ({Reason})")]
    private static partial void LogUnexpectedAnswer(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key accepted by Pleo but lacks scopes {MissingScopes}")]
    private static partial void LogMissingScopes(ILogger logger, string missingScopes);
}
