using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over markup (<c>{|PUX001:expr|}</c>) against <see cref="TestReferences.Default"/>.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Verifies exactly the diagnostics marked in the source; an optional .editorconfig body configures the rule.</summary>
    public static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    internal sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Default;

            // The framework would run every test twice more (as generated code, and with a #pragma around
            // each diagnostic). That triples the suite's time for what a few dedicated tests cover: each rule
            // class has an explicit generated-code test instead.
            TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }
    }
}
