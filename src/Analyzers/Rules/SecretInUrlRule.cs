using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX006: a secret is placed in a URL instead of the Authorization header (R-SEC-2), by code, by a Refit client's
/// declaration, or by a route that takes it in its path.
/// </summary>
internal static class SecretInUrlRule
{
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretInUrl, SinkKindSet.Of(SinkKind.Url), partial: false, start =>
    {
        RefitRequests.Register(start);
        RouteTemplates.Register(start);
    });
}
