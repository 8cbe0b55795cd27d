using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX001: a secret reaches a log or diagnostic output.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretToLogAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SecretToLog);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var console = start.Compilation.GetTypeByMetadataName("System.Console");
            if (console is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, console),
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol console)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, console)
            || !invocation.TargetMethod.Name.StartsWith("Write", System.StringComparison.Ordinal))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            var secret = SecretNames.FindSecretReference(argument.Value);
            if (secret is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SecretToLog,
                    argument.Syntax.GetLocation(),
                    secret.Name,
                    "Console." + invocation.TargetMethod.Name));
            }
        }
    }
}
