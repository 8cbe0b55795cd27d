using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

// The probe lives in the test project and never ships: release tracking (RS2008) and the rules for
// analyzer projects (RS1036) are about shipped analyzers, so they do not apply to it.
#pragma warning disable RS1036, RS2008

/// <summary>
/// A test-only analyzer that reports every operand <see cref="UserMessageSinks"/> finds, so the sink
/// table is tested on its own, apart from any rule: "SINK" for messages, "LABEL" for state labels.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UserMessageSinkProbe : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Sink = new("SINK", "sink", "{0} ({1})", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Label = new("LABEL", "label", "{0} ({1})", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Sink, Label);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var sinks = UserMessageSinks.Create(start.Compilation);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var uses = new List<UserMessageSinkUse>();
                    sinks.Find(operationContext.Operation, operationContext.ContainingSymbol, uses);
                    foreach (var use in uses)
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            use.IsStateLabel ? Label : Sink,
                            use.Value.Syntax.GetLocation(),
                            use.SinkName,
                            use.Kind));
                    }
                },
                UserMessageSinks.OperationKinds);
        });
    }
}
