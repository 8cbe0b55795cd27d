namespace PleoUxGuard.FakePleo;

/// <summary>The machine-readable codes in the fake Pleo's JSON error bodies (the code set is assumed: Pleo's docs do not list one).</summary>
public static class ErrorCodes
{
    public const string ApiKeyInvalid = "api_key_invalid";
    public const string ApiKeyRevoked = "api_key_revoked";
    public const string ApiKeyExpired = "api_key_expired";
    public const string MissingScope = "missing_scope";
    public const string RateLimited = "rate_limited";
    public const string ServiceUnavailable = "service_unavailable";
    public const string BadRequest = "bad_request";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string ControlTokenInvalid = "control_token_invalid";

    /// <summary>Journal only: the client gave up (or the server stopped) while the request was held.</summary>
    public const string RequestAborted = "request_aborted";
}
