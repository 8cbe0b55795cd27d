using System.Collections.Immutable;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>Looks at one operation: the secrets its sink operands carry, and those it passes to methods that reach a sink.</summary>
internal static class SinkScan
{
    // The hits of one operand, reused per thread: each operand's hits are copied into findings before the
    // next operand's, and nothing between asks for a callee's summary, the one way a scan runs inside another.
    [System.ThreadStatic]
    private static List<SecretHit>? t_hits;

    /// <param name="owner">The symbol whose body holds <paramref name="operation"/>.</param>
    /// <param name="operands">Receives (appended) the sink operands of the operation, with or without a secret (null to skip).</param>
    public static void Scan(IOperation operation, ISymbol owner, SinkTables tables, SecretFlow flow, CallSummaries? calls, List<Finding> findings, List<SinkOperand>? operands = null)
    {
        operands ??= new List<SinkOperand>();
        var first = operands.Count;
        tables.Collect(operation, owner, operands);
        if (operands.Count > first)
        {
            var hits = t_hits ??= new List<SecretHit>();
            for (var index = first; index < operands.Count; index++)
            {
                var operand = operands[index];
                hits.Clear();
                if (operand.WrittenAsJson)
                {
                    flow.CollectAsJson(operand.Operand, hits);
                }
                else
                {
                    flow.Collect(operand.Operand, hits);
                }

                if (hits.Count > 0 && operand.Kind == SinkKind.Log)
                {
                    DropPrintedByTypeName(operand.Operand, hits, flow.Model);
                }

                foreach (var hit in hits)
                {
                    findings.Add(new Finding(hit, operand.SinkName, operand.Kind, hit.IsPartial));
                }
            }

            // Emptied, so an idle thread keeps no operation tree alive.
            hits.Clear();
            return;
        }

        if (calls is null || flow.CallDepth == 0)
        {
            return;
        }

        if (operation is IInvocationOperation invocation && CallSummaries.IsFollowed(invocation.TargetMethod))
        {
            ScanCall(invocation.TargetMethod, invocation.TargetMethod.Name, invocation.Arguments, tables, flow, calls, findings);
        }
        else if (operation is IObjectCreationOperation { Constructor: { } constructor } creation && CallSummaries.IsFollowed(constructor))
        {
            // new KeyRejectedException(apiKey), whose constructor builds its message from the parameter.
            ScanCall(constructor, "new " + constructor.ContainingType.Name, creation.Arguments, tables, flow, calls, findings);
        }
    }

    /// <summary>
    /// A logger prints a value by its <c>ToString</c> unless its hole is marked <c>@</c>
    /// (<c>logger.LogDebug("Handled {Request}", request)</c>): the secrets held by an object that prints only its
    /// type's name do not show. Destructured values are left alone (PUX001's destructuring test judges them).
    /// </summary>
    private static void DropPrintedByTypeName(IOperation operand, List<SecretHit> hits, Secrets.SecretModel model)
    {
        if (operand.Parent is not IArgumentOperation { Parent: IInvocationOperation call } || !FormatsByToString(call) || MayDestructure(call))
        {
            return;
        }

        if (operand.WithoutConversions() is IArrayCreationOperation { IsImplicit: true, Initializer: { } values })
        {
            // params object[]: each value is printed on its own.
            hits.RemoveAll(hit =>
            {
                foreach (var value in values.ElementValues)
                {
                    if (value.Syntax.FullSpan.Contains(hit.At.Syntax.Span))
                    {
                        return FlowTypes.PrintsNothingToJudge(value, model);
                    }
                }

                return false;
            });
        }
        else if (FlowTypes.PrintsNothingToJudge(operand, model))
        {
            hits.Clear();
        }
    }

    /// <summary>
    /// Log calls known to print a value by its <c>ToString</c> when its hole is not marked <c>@</c>: Microsoft.Extensions.Logging's
    /// extension methods, Serilog's and NLog's loggers (their template is in the call), the console and
    /// <c>Debug</c>/<c>Trace</c>. Not a <c>[LoggerMessage]</c> method or a <c>LoggerMessage.Define</c> delegate (the
    /// template, and any <c>@</c>, is elsewhere; <c>[LogProperties]</c> writes every property), nor <c>ILogger.Log</c>
    /// with a formatter of the caller's.
    /// </summary>
    private static bool FormatsByToString(IInvocationOperation call)
    {
        var type = call.TargetMethod.ContainingType;
        if (type is null)
        {
            return false;
        }

        return FlowTypes.IsNamed(type, "LoggerExtensions", "Microsoft.Extensions.Logging")
            || FlowTypes.IsNamed(type, "Console", "System")
            || FlowTypes.IsNamed(type, "TextWriter", "System.IO")
            || FlowTypes.IsNamed(type, "Debug", "System.Diagnostics")
            || FlowTypes.IsNamed(type, "Trace", "System.Diagnostics")
            || FlowTypes.RootNamespace(type) is "Serilog" or "NLog";
    }

    /// <summary>A template with a hole marked <c>@</c>, or Serilog's <c>destructureObjects</c> not set to false.</summary>
    private static bool MayDestructure(IInvocationOperation call)
    {
        if (MessageTemplate.Of(call) is { } template && template.Text.IndexOf("{@", System.StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == "destructureObjects" && argument.Value.ConstantValue is not { HasValue: true, Value: false })
            {
                return true;
            }
        }

        return false;
    }

    private static void ScanCall(
        IMethodSymbol method, string callName, ImmutableArray<IArgumentOperation> arguments, SinkTables tables, SecretFlow flow, CallSummaries calls, List<Finding> findings)
    {
        List<SecretHit>? hits = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || !FlowTypes.CanCarry(parameter.Type))
            {
                continue;
            }

            // Not the thread's list: Reach below can summarise the callee, which scans its body.
            hits ??= new List<SecretHit>();
            hits.Clear();
            flow.Collect(argument.Value, hits);
            if (hits.Count == 0)
            {
                continue;
            }

            foreach (var reach in calls.Reach(method, parameter.Ordinal, flow.CallDepth - 1))
            {
                if (!tables.Watches(reach.Kind))
                {
                    continue;
                }

                foreach (var hit in hits)
                {
                    findings.Add(new Finding(hit, callName + " → " + reach.SinkName, reach.Kind, hit.IsPartial || reach.IsPartial));
                }
            }
        }
    }
}
