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
    public static SecretSinkRule Rule { get; } = new(Descriptors.SecretToLog, SinkKindSet.Of(SinkKind.Log), partial: false, RegisterDeclarations, DestructuredSecret);

    /// <summary>What is logged by a declaration or a setting rather than by a call's operand.</summary>
    private static void RegisterDeclarations(CompilationStartAnalysisContext start)
    {
        RegisterLoggerMessageDeclarations(start);
        SensitiveDataLogging.Register(start);
    }

    /// <summary>
    /// <c>Log.Information("Saved {@Connection}", connection)</c>: Serilog and NLog destructure an object marked
    /// with <c>@</c> into its properties, so a secret property is logged although no secret is passed. Only the
    /// value bound to a hole marked <c>@</c> is; the others are printed by their ToString (PUX003's).
    /// </summary>
    private static Exposure? DestructuredSecret(IOperation operand, SecretModel model)
    {
        IOperation? argument = operand;
        while (argument is not null and not IArgumentOperation { Parent: IInvocationOperation })
        {
            argument = argument.Parent;
        }

        if (argument is not IArgumentOperation { Parent: IInvocationOperation call } bound
            || MessageTemplate.Of(call) is not { } template
            || !template.Text.Contains("{@"))
        {
            return null;
        }

        var holes = MessageTemplate.DestructuredHoles(template.Text);
        var position = call.Arguments.IndexOf(bound) - template.Index - 1;
        var value = operand.WithoutConversions();
        if (value is IArrayCreationOperation { Initializer: { } initializer } && position == 0)
        {
            // params object[]: the array's elements are the values, in the holes' order.
            for (var index = 0; index < initializer.ElementValues.Length; index++)
            {
                var element = initializer.ElementValues[index];
                if (MessageTemplate.IsDestructured(holes, index) && Destructured(element.WithoutConversions().Type, model) is { } member)
                {
                    return new Exposure(member, element.WithoutConversions());
                }
            }

            return null;
        }

        return MessageTemplate.IsDestructured(holes, position) && Destructured(value.Type, model) is { } exposed ? new Exposure(exposed, operand) : null;
    }

    /// <summary>What destructuring a value of <paramref name="type"/> writes of a secret; a pipeline behavior's <c>TRequest</c> stands for every request.</summary>
    private static ISymbol? Destructured(ITypeSymbol? type, SecretModel model) =>
        type is ITypeParameterSymbol parameter ? model.DestructuredRequestSecret(parameter) : SerializedSecrets.FindDestructured(type, model);

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
        if (method.PartialDefinitionPart is not null
            || (context.IsGeneratedCode && method.PartialImplementationPart is null)
            || method.GetAttributes().IsEmpty
            || method.Locations.IsEmpty
            || method.Locations[0].SourceTree is not { } tree)
        {
            return;
        }

        var logSinks = lazyLogSinks.Value;
        if (!logSinks.IsLoggerMessageMethod(method))
        {
            return;
        }

        // The logging generator marks the implementing part it writes with [GeneratedCode], which makes the
        // driver call the whole method generated; the declaring part is the user's, so its own file decides.
        if (context.IsGeneratedCode && GeneratedCode.IsGenerated(tree, context.Options, context.CancellationToken))
        {
            return;
        }

        var model = SecretModel.For(context.Compilation, context.Options, tree);
        foreach (var parameter in method.Parameters)
        {
            if (logSinks.IsLoggedParameter(parameter) && model.IsSecret(parameter) && !parameter.Locations.IsEmpty)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretToLog, parameter.Locations[0], parameter.Name, method.Name));
            }
        }
    }
}
