using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>Runs an analyzer and its code fix: the fixed source must compile and leave no diagnostic of the rule.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Applies the fix with the given equivalence key (or the first offered) and compares with the expected source.</summary>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        return test.RunAsync();
    }

    internal sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Default;

            // An analyzer that reports several rules (SecretLeakAnalyzer) is verified for the rules this fix
            // fixes; its other rules have their own fixes and tests.
            DisabledDiagnostics.AddRange(OtherRules.Of<TAnalyzer>(new TCodeFix().FixableDiagnosticIds));
        }
    }
}
