using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX001: a secret reaches a log or diagnostic output (R-VIS-3).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretToLogAnalyzer : SecretSinkAnalyzer
{
    public SecretToLogAnalyzer()
        : base(Descriptors.SecretToLog, SinkKindSet.Of(SinkKind.Log), partial: false, RegisterLoggerMessageDeclarations)
    {
    }

    private static void RegisterLoggerMessageDeclarations(CompilationStartAnalysisContext start)
    {
        var logSinks = SinkCatalogue.For(start.Compilation).Log;
        start.RegisterSymbolAction(symbol => AnalyzeLoggerMessageDeclaration(symbol, logSinks), SymbolKind.Method);
    }

    /// <summary>A [LoggerMessage] method's secret parameter is logged by every call: report it where it is declared.</summary>
    private static void AnalyzeLoggerMessageDeclaration(SymbolAnalysisContext context, LogSinks logSinks)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || !logSinks.IsLoggerMessageMethod(method) || method.Locations.IsEmpty)
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
