using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// The engine behind the thin secret rules: per compilation it resolves the sink tables a rule watches
/// (and stops if none is referenced); per method body it builds one <see cref="SecretFlow"/> on first need;
/// per operation it asks the tables for sink operands and reports the secrets they carry.
/// </summary>
internal static class SecretSinkAnalysis
{
    /// <summary>Diagnostic property: the documentation id of the member a serialized object exposes (for the [JsonIgnore] fix).</summary>
    public const string ExposedMemberProperty = "ExposedMember";

    // Every invocation, creation, assignment and return of every method body passes through here for each
    // rule; most reach no sink. Reusing per-thread lists keeps that path free of allocations. (Nested scans
    // for callees use their own lists, so this is never re-entered on one thread.)
    [ThreadStatic]
    private static List<Finding>? t_findings;

    [ThreadStatic]
    private static List<SinkOperand>? t_operands;

    private static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.SimpleAssignment,
        OperationKind.Return);

    /// <param name="kinds">The sink kinds the rule watches.</param>
    /// <param name="partial">True for PUX005 (slices beyond the last four); false for whole secrets.</param>
    /// <param name="unflowed">Asked for each sink operand that carries no secret: a secret symbol it still exposes (PUX004: a serialized type's member), or null.</param>
    /// <param name="razorOutput">Also analyse the code the Razor generator writes for .cshtml files (other generated code never).</param>
    public static void Register(
        CompilationStartAnalysisContext start,
        SinkKindSet kinds,
        bool partial,
        DiagnosticDescriptor descriptor,
        Func<IOperation, SecretModel, ISymbol?>? unflowed = null,
        bool razorOutput = false)
    {
        var tables = SinkCatalogue.For(start.Compilation).Present(kinds);
        if (tables.IsEmpty)
        {
            return;
        }

        var compilation = start.Compilation;
        var options = start.Options;
        var calls = CallSummaries.For(compilation, options);
        start.RegisterOperationBlockStartAction(block =>
        {
            SecretFlow? flow = null;
            var tree = block.OperationBlocks.IsEmpty ? null : block.OperationBlocks[0].Syntax.SyntaxTree;
            if (tree is null || (block.IsGeneratedCode && !(razorOutput && RazorSinks.IsRazorOutput(tree))))
            {
                return;
            }

            block.RegisterOperationAction(
                operationContext =>
                {
                    var model = SecretModel.For(compilation, options, tree);
                    flow ??= new SecretFlow(model, block.OperationBlocks, calls, model.CallDepth);
                    var findings = t_findings ??= new List<Finding>();
                    var operands = t_operands ??= new List<SinkOperand>();
                    findings.Clear();
                    operands.Clear();
                    SinkScan.Scan(operationContext.Operation, tables, flow, calls, findings, operands);
                    if (unflowed is not null && findings.Count == 0)
                    {
                        foreach (var operand in operands)
                        {
                            if (kinds.Contains(operand.Kind) && unflowed(operand.Operand, model) is { } exposed)
                            {
                                var properties = ImmutableDictionary<string, string?>.Empty.Add(ExposedMemberProperty, DocumentationCommentId.CreateDeclarationId(exposed));
                                operationContext.ReportDiagnostic(Diagnostic.Create(descriptor, operand.Operand.Syntax.GetLocation(), properties, exposed.Name, operand.SinkName));
                            }
                        }
                    }

                    foreach (var finding in findings)
                    {
                        if (finding.IsPartial == partial && kinds.Contains(finding.Kind))
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(
                                descriptor, finding.Hit.At.Syntax.GetLocation(), finding.Hit.SourceName, finding.SinkName));
                        }
                    }
                },
                Kinds);
        });
    }
}
