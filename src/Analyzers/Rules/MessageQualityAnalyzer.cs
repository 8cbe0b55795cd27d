using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Messages;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// The message-quality rules PUX010–PUX012, each defined in its own file, run by one analyzer: a method body
/// costs one callback instead of one per rule, and the rules judge the body's message sites one after the other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageQualityAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<MessageQualityRule> Rules = ImmutableArray.Create(
        GenericErrorMessageRule.Rule,
        NoRecoveryActionRule.Rule,
        RawTechnicalDetailRule.Rule);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Rules.Select(rule => rule.Descriptor).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.SkippedInActions);
        MessageRules.Register(context, Rules);
        context.RegisterCompilationStartAction(start =>
        {
            if (!MessageRules.IsTestProject(start.Compilation))
            {
                start.RegisterAdditionalFileAction(GenericErrorMessageRule.JudgeResources);
            }
        });
    }
}
