using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX007: a secret reaches a cookie, response header or client-side script (R-SEC-3).</summary>
internal static class SecretToBrowserStorageRule
{
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretToBrowserStorage, SinkKindSet.Of(SinkKind.Browser), partial: false);
}
