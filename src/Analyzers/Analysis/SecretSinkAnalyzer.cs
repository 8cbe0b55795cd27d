using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>The shape of every secret-to-sink rule: one descriptor, the sink kinds it watches, whole or partial secrets.</summary>
public abstract class SecretSinkAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _descriptor;
    private readonly SinkKindSet _kinds;
    private readonly bool _partial;
    private readonly Action<CompilationStartAnalysisContext>? _alsoOnStart;
    private readonly Func<IOperation, SecretModel, ISymbol?>? _unflowed;
    private readonly bool _razorOutput;

    /// <param name="alsoOnStart">Where a rule adds what is not a sink operand (declarations, types).</param>
    /// <param name="unflowed">A secret a sink operand exposes without carrying one (see <see cref="SecretSinkAnalysis.Register"/>).</param>
    /// <param name="razorOutput">Also analyse Razor output (.cshtml), which is generated code.</param>
    private protected SecretSinkAnalyzer(
        DiagnosticDescriptor descriptor,
        SinkKindSet kinds,
        bool partial,
        Action<CompilationStartAnalysisContext>? alsoOnStart = null,
        Func<IOperation, SecretModel, ISymbol?>? unflowed = null,
        bool razorOutput = false)
    {
        if (unflowed is not null && !kinds.IsSubsetOf(SharedSinkScan.OperandOnlyKinds))
        {
            // The shared scan keeps operands without a secret only for these kinds; anything else would never be judged.
            throw new ArgumentException("A rule that judges operands without a secret must watch only SharedSinkScan.OperandOnlyKinds.", nameof(unflowed));
        }

        _unflowed = unflowed;
        _razorOutput = razorOutput;
        _alsoOnStart = alsoOnStart;
        _descriptor = descriptor;
        _kinds = kinds;
        _partial = partial;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is the generator's business, except Razor output, which is the page the developer
        // wrote: the block action skips the rest (see GeneratedCode).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.SkippedInActions);
        context.RegisterCompilationStartAction(start =>
        {
            SecretSinkAnalysis.Register(start, _kinds, _partial, _descriptor, _unflowed, _razorOutput);
            _alsoOnStart?.Invoke(start);
        });
    }
}
