using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over markup (<c>{|PUX001:expr|}</c>) against <see cref="TestReferences.Default"/>.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Verifies exactly the diagnostics marked in the source; an optional .editorconfig body configures the rule.</summary>
    public static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        RunAsync(new Test(), source, editorConfig, expected);

    internal static Task RunAsync(Test test, string source, string? editorConfig, DiagnosticResult[] expected)
    {
        test.TestCode = source;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    internal class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Default;

            // The framework would run every test twice more (as generated code, and with a #pragma around
            // each diagnostic). That triples the suite's time for what a few dedicated tests cover: each rule
            // class has an explicit generated-code test instead.
            TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }

        /// <summary>Switches off every rule of the analyzer but <paramref name="id"/>.</summary>
        protected void OnlyRule(string id) =>
            DisabledDiagnostics.AddRange(OtherRules.Of<TAnalyzer>([id]));
    }
}

/// <summary>
/// Runs one rule of an analyzer that reports several (<see cref="Rules.SecretLeakAnalyzer"/>), its other rules
/// switched off, so each rule's tests read as that rule's spec.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer, TRule>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TRule : RuleSelection, new()
{
    /// <summary>Verifies exactly the diagnostics marked in the source; an optional .editorconfig body configures the rule.</summary>
    public static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        AnalyzerVerifier<TAnalyzer>.RunAsync(new Test(), source, editorConfig, expected);

    /// <summary>As <see cref="VerifyAsync"/>, against other references than the default ones.</summary>
    public static Task VerifyAsync(ReferenceAssemblies references, string source, params DiagnosticResult[] expected) =>
        AnalyzerVerifier<TAnalyzer>.RunAsync(new Test { ReferenceAssemblies = references }, source, null, expected);

    internal sealed class Test : AnalyzerVerifier<TAnalyzer>.Test
    {
        public Test() => OnlyRule(new TRule().Id);
    }
}
