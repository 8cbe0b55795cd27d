using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Messages put on a queue or a bus: MassTransit's <c>Publish</c>/<c>Send</c>/<c>RespondAsync</c>, Azure Storage, Service
/// Bus and Amazon SQS messages, and an Azure Functions output binding (<c>[QueueOutput]</c>, <c>[ServiceBusOutput]</c>, …). A
/// broker keeps each message in plain text, retries it, and moves a failed one (with its body) to a poison or error queue
/// that operators read with their tools: the same exposure as Hangfire's job arguments (<see cref="BackgroundJobs"/>), so
/// PUX001's. So is Quartz's job data, stored with its job or trigger (in plain text in a database job store).
/// </summary>
internal static class MessageQueues
{
    /// <summary>The parameters of MassTransit's sends that carry the message: <c>Publish(message)</c>, <c>Publish&lt;T&gt;(values)</c>.</summary>
    private static readonly string[] MassTransitMessageParameters = { "message", "values", "messages" };

    /// <summary>The Functions output bindings whose value becomes a message; a blob or database output is storage, not this.</summary>
    private static readonly string[] MessageOutputs =
    {
        "QueueOutputAttribute", "ServiceBusOutputAttribute", "EventHubOutputAttribute", "EventGridOutputAttribute",
        "KafkaOutputAttribute", "RabbitMQOutputAttribute",
    };

    /// <summary>Whether a call of <paramref name="method"/> can be a MassTransit send, by its name alone.</summary>
    public static bool MayBeMassTransitSend(IMethodSymbol method) => method.Name is "Publish" or "Send" or "RespondAsync" or "PublishBatch" or "SendBatch";

    /// <summary>A MassTransit publish, send or response (on a consume context, a bus, an endpoint or their extensions).</summary>
    public static bool IsMassTransitSend(IMethodSymbol method) =>
        MayBeMassTransitSend(method) && method.ContainingType is { } type && FlowTypes.RootNamespace(type) == "MassTransit";

    public static bool IsMassTransitMessage(IParameterSymbol parameter) => System.Array.IndexOf(MassTransitMessageParameters, parameter.Name) >= 0;

    /// <summary>Whether a call of <paramref name="method"/> can give Quartz job data, by its name alone.</summary>
    public static bool MayBeQuartzJobData(IMethodSymbol method) => method.Name is "UsingJobData" or "TriggerJob";

    /// <summary>A Quartz job or trigger builder's <c>UsingJobData</c>, or <c>IScheduler.TriggerJob(jobKey, data)</c>.</summary>
    public static bool IsQuartzJobData(IMethodSymbol method) =>
        MayBeQuartzJobData(method) && method.ContainingType is { } type && FlowTypes.RootNamespace(type) == "Quartz";

    /// <summary>
    /// The output binding <paramref name="symbol"/> (a function's return, or a property of the object it returns) carries
    /// messages to, named as diagnostics show it (<c>[QueueOutput]</c>); null when it has none.
    /// </summary>
    public static string? MessageOutput(ISymbol symbol)
    {
        var attributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes().AddRange(method.GetAttributes()) : symbol.GetAttributes();
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && System.Array.IndexOf(MessageOutputs, type.Name) >= 0
                && FlowTypes.RootNamespace(type) == "Microsoft")
            {
                return "[" + type.Name.Substring(0, type.Name.Length - "Attribute".Length) + "]";
            }
        }

        return null;
    }
}
