using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>
/// Registers the same kinds of actions as our rules and does nothing in them: the analysis driver still
/// binds every body, builds its operation tree and calls back, so an analysis run with this analyzer costs
/// what any analyzer of our shape costs before its own code runs. Our run minus this run is our rules' own
/// work and allocations. (Handed to CompilationWithAnalyzers directly, so it carries no [DiagnosticAnalyzer].)
/// </summary>
internal sealed class DriverOnlyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationBlockAction(_ => { });
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType, SymbolKind.Method);
        });
    }
}
