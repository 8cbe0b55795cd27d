using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// The secret-to-sink rules PUX001, PUX002 and PUX004–PUX007, each defined in its own file, run by one analyzer:
/// a method body costs one callback instead of one per rule, most of which returned at once (about 5–10% of
/// our time, docs/performance.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLeakAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<SecretSinkRule> Rules = ImmutableArray.Create(
        SecretToLogRule.Rule,
        SecretToMessageRule.Rule,
        SecretToClientRule.Rule,
        PartialSecretBeyondLastFourRule.Rule,
        SecretInUrlRule.Rule,
        SecretToBrowserStorageRule.Rule);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Rules.Select(rule => rule.Descriptor).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is the generator's business, except Razor output, which is the page the developer
        // wrote: the block action skips the rest (see GeneratedCode).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.SkippedInActions);
        context.RegisterCompilationStartAction(start =>
        {
            SecretSinkAnalysis.Register(start, Rules);
            foreach (var rule in Rules)
            {
                rule.AlsoOnStart?.Invoke(start);
            }
        });
    }
}
