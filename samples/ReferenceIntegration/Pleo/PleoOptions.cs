namespace PleoUxGuard.ReferenceIntegration.Pleo;

/// <summary>How the app talks to Pleo. Bound from the <c>Pleo</c> section; <c>PLEO_API_BASE_URL</c> overrides the base URL.</summary>
internal sealed class PleoOptions
{
    public const string SectionName = "Pleo";

    /// <summary>The environment variable the conformance kit sets; it wins over <c>Pleo:BaseUrl</c>.</summary>
    public const string BaseUrlEnvironmentVariable = "PLEO_API_BASE_URL";

    /// <summary>Pleo's API root, e.g. https://external.pleo.io/ (production) or https://external.staging.pleo.io/.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one call may take before it is abandoned (and retried once on the way).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause before the single retry after a 5xx or a timeout.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The scopes this integration requests at installation; a key lacking any of them cannot be used.</summary>
    public string[] RequiredScopes { get; set; } = ["export-jobs:read", "export-jobs:write", "export-items:read", "users:read", "accounts:read"];
}
