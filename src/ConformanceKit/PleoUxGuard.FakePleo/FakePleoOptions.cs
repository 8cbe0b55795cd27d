namespace PleoUxGuard.FakePleo;

/// <summary>How a <see cref="FakePleoServer"/> starts: its port, and what its install simulator shows.</summary>
public sealed class FakePleoOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The integration's name, as Pleo's install modal and <c>/v1/introspect</c> show it.</summary>
    public string ApplicationName { get; set; } = "Reference Integration";

    /// <summary>Where the install simulator's "Go to &lt;ApplicationName&gt;" button leads.</summary>
    public Uri? IntegrationUrl { get; set; }

    /// <summary>The scopes the integration asks for at install time; a key lacking any of them is answered 403.</summary>
    public string[] RequestedScopes { get; set; } = ["export-jobs:read", "export-jobs:write", "export-items:read", "users:read", "accounts:read"];
}
