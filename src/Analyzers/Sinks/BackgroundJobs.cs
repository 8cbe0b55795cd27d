using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Hangfire's jobs: <c>BackgroundJob.Enqueue(() =&gt; sync.Run(companyId, apiKey))</c> is given an expression of the call
/// the job will make, and Hangfire serializes that call's arguments into its storage and shows them on its dashboard.
/// </summary>
internal static class BackgroundJobs
{
    /// <summary>The parameter of Hangfire's job methods that takes the job's method call.</summary>
    public const string MethodCall = "methodCall";

    /// <summary>The call a Hangfire job method is given to make (<c>sync.Run(companyId, apiKey)</c>), or null.</summary>
    public static IInvocationOperation? JobCall(IInvocationOperation invocation)
    {
        // Asked of every call a log table may take: the name rules out nearly all of them at once.
        if (invocation.TargetMethod.Name is not ("Enqueue" or "Schedule" or "ContinueJobWith" or "ContinueWith" or "Create" or "AddOrUpdate")
            || FlowTypes.RootNamespace(invocation.TargetMethod.ContainingType) != "Hangfire"
            || invocation.ArgumentFor(MethodCall) is not { } methodCall
            || DefinitionCollector.Lambda(methodCall) is not { Body.Operations: { Length: > 0 } operations })
        {
            return null;
        }

        return operations[0] switch
        {
            IExpressionStatementOperation statement => statement.Operation.WithoutConversions() as IInvocationOperation,
            IReturnOperation { ReturnedValue: { } returned } => returned.WithoutConversions() as IInvocationOperation,
            _ => null,
        };
    }
}
