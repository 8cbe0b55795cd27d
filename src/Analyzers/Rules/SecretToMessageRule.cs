using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX002: a secret reaches an exception or user-facing message (R-VIS-3).</summary>
internal static class SecretToMessageRule
{
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretToMessage, SinkKindSet.Of(SinkKind.Message), partial: false);
}
