namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>The rules of an analyzer that a test switches off: all but those it is about.</summary>
internal static class OtherRules
{
    public static IEnumerable<string> Of<TAnalyzer>(IEnumerable<string> kept)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        new TAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).Except(kept, StringComparer.Ordinal);
}

/// <summary>The rule a test is about, for <see cref="AnalyzerVerifier{TAnalyzer, TRule}"/>.</summary>
internal abstract class RuleSelection
{
    public abstract string Id { get; }
}

internal sealed class OnlyPux001 : RuleSelection
{
    public override string Id => DiagnosticIds.SecretToLog;
}

internal sealed class OnlyPux002 : RuleSelection
{
    public override string Id => DiagnosticIds.SecretToMessage;
}

internal sealed class OnlyPux004 : RuleSelection
{
    public override string Id => DiagnosticIds.SecretToClient;
}

internal sealed class OnlyPux005 : RuleSelection
{
    public override string Id => DiagnosticIds.PartialSecretBeyondLastFour;
}

internal sealed class OnlyPux006 : RuleSelection
{
    public override string Id => DiagnosticIds.SecretInUrl;
}

internal sealed class OnlyPux007 : RuleSelection
{
    public override string Id => DiagnosticIds.SecretToBrowserStorage;
}
