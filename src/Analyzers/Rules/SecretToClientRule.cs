using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX004: an endpoint sends a secret to the client (R-VIS-1): it returns one, or returns an object whose
/// JSON would contain one (a secret property without <c>[JsonIgnore]</c>).
/// </summary>
internal static class SecretToClientRule
{
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretToClient, SinkKindSet.Of(SinkKind.Client), partial: false, unflowed: SerializedSecret);

    private static Exposure? SerializedSecret(IOperation operand, SecretModel model) =>
        SerializedSecrets.FindIn(operand, model) is { } member ? new Exposure(member, operand) : null;
}
