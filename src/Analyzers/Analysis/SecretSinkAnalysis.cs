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
/// The engine behind the thin secret rules: per compilation it checks that a sink table the rule watches is
/// referenced at all (and stops otherwise); per method body it reads the <see cref="SharedSinkScan"/> that all
/// secret rules share and reports the findings of the rule's kinds.
/// </summary>
internal static class SecretSinkAnalysis
{
    /// <summary>Diagnostic property: the documentation id of the member a serialized object exposes (for the [JsonIgnore] fix).</summary>
    public const string ExposedMemberProperty = "ExposedMember";

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
        var compilation = start.Compilation;
        var options = start.Options;

        // The sink types are resolved on the first body, not at compilation start: the first type lookup of a
        // build binds every reference and loads namespaces of every referenced assembly, work the compiler does
        // anyway once it binds code. A compilation that references none of the rule's sink types still costs
        // one check per body.
        var shared = new Lazy<SharedSinkScan?>(() =>
            SinkCatalogue.For(compilation).Present(kinds).IsEmpty ? null : SharedSinkScan.For(compilation, options));
        start.RegisterOperationBlockAction(block =>
        {
            var tree = block.OperationBlocks.IsEmpty ? null : block.OperationBlocks[0].Syntax.SyntaxTree;
            if (tree is null || (block.IsGeneratedCode && !(razorOutput && RazorSinks.IsRazorOutput(tree))) || shared.Value is not { } scanner)
            {
                return;
            }

            var scan = scanner.Scan(block.OperationBlocks, block.OwningSymbol, tree);
            SecretModel? model = null;
            foreach (var result in scan.Results)
            {
                var reported = false;
                for (var index = result.FindingStart; index < result.FindingEnd; index++)
                {
                    var finding = scan.Findings[index];
                    if (kinds.Contains(finding.Kind))
                    {
                        reported = true;
                        if (finding.IsPartial == partial)
                        {
                            block.ReportDiagnostic(Diagnostic.Create(
                                descriptor, RazorSinks.ReportLocation(finding.Hit.At.Syntax), finding.Hit.SourceName, finding.SinkName));
                        }
                    }
                }

                if (unflowed is null || reported)
                {
                    continue;
                }

                for (var index = result.OperandStart; index < result.OperandEnd; index++)
                {
                    var operand = scan.Operands[index];
                    if (kinds.Contains(operand.Kind) && unflowed(operand.Operand, model ??= SecretModel.For(compilation, options, tree)) is { } exposed)
                    {
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(ExposedMemberProperty, DocumentationCommentId.CreateDeclarationId(exposed));
                        block.ReportDiagnostic(Diagnostic.Create(descriptor, operand.Operand.Syntax.GetLocation(), properties, exposed.Name, operand.SinkName));
                    }
                }
            }
        });
    }
}
