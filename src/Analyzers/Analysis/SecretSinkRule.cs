using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// The shape of every secret-to-sink rule: one descriptor, the sink kinds it watches, whole or partial secrets.
/// Each rule is defined in its own file under <c>Rules/</c>; <see cref="Rules.SecretLeakAnalyzer"/> runs them all.
/// </summary>
internal sealed class SecretSinkRule
{
    /// <param name="alsoOnStart">Where a rule adds what is not a sink operand (declarations, types).</param>
    /// <param name="unflowed">A secret a sink operand exposes without carrying one (see <see cref="SecretSinkAnalysis.Register"/>).</param>
    public SecretSinkRule(
        DiagnosticDescriptor descriptor,
        SinkKindSet kinds,
        bool partial,
        Action<CompilationStartAnalysisContext>? alsoOnStart = null,
        Func<IOperation, SecretModel, Exposure?>? unflowed = null)
    {
        if (unflowed is not null && !kinds.IsSubsetOf(SharedSinkScan.OperandOnlyKinds))
        {
            // The shared scan keeps operands without a secret only for these kinds; anything else would never be judged.
            throw new ArgumentException("A rule that judges operands without a secret must watch only SharedSinkScan.OperandOnlyKinds.", nameof(unflowed));
        }

        Descriptor = descriptor;
        Kinds = kinds;
        Partial = partial;
        AlsoOnStart = alsoOnStart;
        Unflowed = unflowed;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The sink kinds the rule watches.</summary>
    public SinkKindSet Kinds { get; }

    /// <summary>True for PUX005 (slices beyond the last four); false for whole secrets.</summary>
    public bool Partial { get; }

    public Action<CompilationStartAnalysisContext>? AlsoOnStart { get; }

    /// <summary>Asked for each sink operand of the rule's kinds that carries no secret: a secret symbol it still exposes (PUX004: a serialized type's member), or null.</summary>
    public Func<IOperation, SecretModel, Exposure?>? Unflowed { get; }
}
