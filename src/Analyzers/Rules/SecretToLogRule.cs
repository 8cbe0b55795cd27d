using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX001: a secret reaches a log or diagnostic output (R-VIS-3).</summary>
internal static class SecretToLogRule
{
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretToLog, SinkKindSet.Of(SinkKind.Log), partial: false, RegisterLoggerMessageDeclarations, DestructuredSecret);

    /// <summary>
    /// <c>Log.Information("Saved {@Connection}", connection)</c>: Serilog and NLog destructure an object marked
    /// with <c>@</c> into its properties, so a secret property is logged although no secret is passed.
    /// </summary>
    private static ISymbol? DestructuredSecret(IOperation operand, SecretModel model)
    {
        var invocation = operand.Parent;
        while (invocation is not null and not IInvocationOperation)
        {
            invocation = invocation.Parent;
        }

        if (invocation is not IInvocationOperation call || !HasDestructuringTemplate(call))
        {
            return null;
        }

        var value = operand.WithoutConversions();

        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                if (DestructuredSecret(element, model) is { } exposed)
                {
                    return exposed;
                }
            }

            return null;
        }

        return SerializedSecrets.Find(value.Type, model);
    }

    private static bool HasDestructuringTemplate(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Value.ConstantValue is { HasValue: true, Value: string template } && template.Contains("{@"))
            {
                return true;
            }
        }

        return false;
    }

    private static void RegisterLoggerMessageDeclarations(CompilationStartAnalysisContext start)
    {
        // Resolved when an attributed method first needs it, not at compilation start (see SecretSinkAnalysis).
        var compilation = start.Compilation;
        var logSinks = new System.Lazy<LogSinks>(() => SinkCatalogue.For(compilation).Log);
        start.RegisterSymbolAction(symbol => AnalyzeLoggerMessageDeclaration(symbol, logSinks), SymbolKind.Method);
    }

    /// <summary>A [LoggerMessage] method's secret parameter is logged by every call: report it where it is declared.</summary>
    private static void AnalyzeLoggerMessageDeclaration(SymbolAnalysisContext context, System.Lazy<LogSinks> lazyLogSinks)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (context.IsGeneratedCode || method.PartialDefinitionPart is not null || method.GetAttributes().IsEmpty || method.Locations.IsEmpty)
        {
            return;
        }

        var logSinks = lazyLogSinks.Value;
        if (!logSinks.IsLoggerMessageMethod(method))
        {
            return;
        }

        var model = SecretModel.For(context.Compilation, context.Options, method.Locations[0].SourceTree!);
        foreach (var parameter in method.Parameters)
        {
            if (logSinks.IsLoggedParameter(parameter) && model.IsSecret(parameter) && !parameter.Locations.IsEmpty)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretToLog, parameter.Locations[0], parameter.Name, method.Name));
            }
        }
    }
}
