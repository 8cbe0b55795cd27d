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

    /// <param name="alsoOnStart">Where a rule adds what is not a sink operand (declarations, types).</param>
    /// <param name="unflowed">A secret a sink operand exposes without carrying one (see <see cref="SecretSinkAnalysis.Register"/>).</param>
    private protected SecretSinkAnalyzer(
        DiagnosticDescriptor descriptor,
        SinkKindSet kinds,
        bool partial,
        Action<CompilationStartAnalysisContext>? alsoOnStart = null,
        Func<IOperation, SecretModel, ISymbol?>? unflowed = null)
    {
        _unflowed = unflowed;
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            SecretSinkAnalysis.Register(start, _kinds, _partial, _descriptor, _unflowed);
            _alsoOnStart?.Invoke(start);
        });
    }
}
