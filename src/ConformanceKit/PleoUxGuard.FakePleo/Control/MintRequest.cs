using System.Text.Json;

namespace PleoUxGuard.FakePleo;

/// <summary>A checked POST /_control/keys body: behaviour plus what that behaviour needs.</summary>
internal sealed record MintRequest(KeyBehaviour Behaviour, Guid? CompanyId, string[]? Scopes, int Failures, TimeSpan RetryAfter)
{
    private static readonly string Behaviours = string.Join(", ", Enum.GetValues<KeyBehaviour>().Select(JsonNaming.Of));

    public static MintRequest? Parse(JsonElement body, out string? problem)
    {
        problem = null;
        if (!body.TryGetProperty("behaviour", out var behaviourElement)
            || behaviourElement.ValueKind != JsonValueKind.String
            || !JsonNaming.TryParse<KeyBehaviour>(behaviourElement.GetString()!, out var behaviour))
        {
            problem = $"\"behaviour\" must be one of {Behaviours}.";
            return null;
        }

        Guid? companyId = null;
        if (body.TryGetProperty("companyId", out var companyElement) && companyElement.ValueKind != JsonValueKind.Null)
        {
            if (companyElement.ValueKind != JsonValueKind.String || !Guid.TryParse(companyElement.GetString(), out var parsed))
            {
                problem = "\"companyId\" must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.";
                return null;
            }

            companyId = parsed;
        }

        string[]? scopes = null;
        if (body.TryGetProperty("scopes", out var scopesElement) && scopesElement.ValueKind != JsonValueKind.Null)
        {
            if (behaviour != KeyBehaviour.Valid)
            {
                problem = "\"scopes\" can be chosen for valid keys only.";
                return null;
            }

            if (scopesElement.ValueKind != JsonValueKind.Array
                || scopesElement.EnumerateArray().Any(scope => scope.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(scope.GetString())))
            {
                problem = "\"scopes\" must be an array of scope names such as \"export-jobs:read\".";
                return null;
            }

            scopes = [.. scopesElement.EnumerateArray().Select(scope => scope.GetString()!)];
        }

        var failures = 0;
        if (behaviour == KeyBehaviour.Failing
            && (!body.TryGetProperty("failures", out var failuresElement) || !TryGetWholeNumber(failuresElement, out failures) || failures < 0))
        {
            problem = "A failing key needs \"failures\": how many requests to answer 503 before answering 200 (0 or more).";
            return null;
        }

        var retryAfter = TimeSpan.Zero;
        if (behaviour == KeyBehaviour.RateLimited)
        {
            if (!body.TryGetProperty("retryAfterSeconds", out var retryElement) || !TryGetWholeNumber(retryElement, out var seconds) || seconds is < 0 or > 86_400)
            {
                problem = "A rate-limited key needs \"retryAfterSeconds\": the Retry-After to send, 0 to 86400.";
                return null;
            }

            retryAfter = TimeSpan.FromSeconds(seconds);
        }

        return new MintRequest(behaviour, companyId, scopes, failures, retryAfter);
    }

    /// <summary>TryGetInt32 throws on non-numbers; a control body's "two" must be a 400, not a crash.</summary>
    private static bool TryGetWholeNumber(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    public MintedKey MintIn(KeyRegistry keys) => Behaviour switch
    {
        KeyBehaviour.Valid => keys.MintValid(CompanyId, Scopes),
        KeyBehaviour.Unknown => keys.MintUnknown(),
        KeyBehaviour.MissingScope => keys.MintMissingScope(CompanyId),
        KeyBehaviour.Expired => keys.MintExpired(CompanyId),
        KeyBehaviour.Slow => keys.MintSlow(CompanyId),
        KeyBehaviour.Failing => keys.MintFailing(Failures, CompanyId),
        KeyBehaviour.TimingOut => keys.MintTimingOut(CompanyId),
        KeyBehaviour.RateLimited => keys.MintRateLimited(RetryAfter, CompanyId),
        _ => throw new InvalidOperationException($"No mint for {Behaviour}."),
    };
}
