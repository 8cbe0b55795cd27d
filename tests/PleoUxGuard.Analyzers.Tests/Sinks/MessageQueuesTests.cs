using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Tests.Verifiers;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

/// <summary>
/// PUX001: a message put on a queue or a bus is kept in plain text by the broker, retried, and moved with its body to a
/// poison or error queue that operators read, as Hangfire keeps a job's arguments: MassTransit, Azure Storage queues,
/// Service Bus, and an Azure Functions output binding.
/// </summary>
public sealed class MessageQueuesTests
{
    private const string Libraries = """
        namespace MassTransit
        {
            public interface IPublishEndpoint
            {
                System.Threading.Tasks.Task Publish<T>(T message, System.Threading.CancellationToken cancellationToken = default) where T : class;
                System.Threading.Tasks.Task Publish<T>(object values, System.Threading.CancellationToken cancellationToken = default) where T : class;
            }

            public interface ConsumeContext : IPublishEndpoint
            {
                System.Threading.Tasks.Task RespondAsync<T>(T message) where T : class;
            }
        }

        namespace Azure.Storage.Queues
        {
            public class QueueClient
            {
                public virtual System.Threading.Tasks.Task SendMessageAsync(string messageText) => System.Threading.Tasks.Task.CompletedTask;
            }
        }

        namespace Amazon.SQS
        {
            public interface IAmazonSQS
            {
                System.Threading.Tasks.Task SendMessageAsync(string queueUrl, string messageBody, System.Threading.CancellationToken cancellationToken = default);
                System.Threading.Tasks.Task SendMessageAsync(Model.SendMessageRequest request, System.Threading.CancellationToken cancellationToken = default);
            }
        }

        namespace Amazon.SQS.Model
        {
            public class SendMessageRequest
            {
                public string MessageBody { get; set; } = "";
                public System.Collections.Generic.Dictionary<string, MessageAttributeValue> MessageAttributes { get; set; } = new();
            }

            public class MessageAttributeValue
            {
                public string DataType { get; set; } = "";
                public string StringValue { get; set; } = "";
            }
        }

        namespace Quartz
        {
            public class JobDataMap : System.Collections.Generic.Dictionary<string, object> { }
            public class JobKey { }
            public interface IJob { }

            public class JobBuilder
            {
                public static JobBuilder Create<T>() where T : IJob => new();
                public JobBuilder UsingJobData(string key, object value) => this;
                public JobBuilder UsingJobData(JobDataMap newJobData) => this;
            }

            public interface IScheduler
            {
                System.Threading.Tasks.Task TriggerJob(JobKey jobKey, JobDataMap data, System.Threading.CancellationToken cancellationToken = default);
            }
        }

        namespace Microsoft.Azure.Functions.Worker
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class FunctionAttribute(string name) : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property | System.AttributeTargets.ReturnValue)]
            public sealed class QueueOutputAttribute(string queueName) : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property | System.AttributeTargets.ReturnValue)]
            public sealed class BlobOutputAttribute(string blobPath) : System.Attribute { }
        }
        """;

    /// <summary>
    /// Azure.Messaging.ServiceBus's message and System.Memory.Data's <c>BinaryData</c>, as the referenced libraries they
    /// are: the flow follows no library method's body, so a <c>BinaryData</c> is followed only as the flow knows it.
    /// </summary>
    private static Task<MetadataReference> ServiceBusAsync() => TestLibraries.CompileAsync("Azure.Messaging.ServiceBus", """
        namespace Azure.Messaging.ServiceBus
        {
            public class ServiceBusMessage
            {
                public ServiceBusMessage() { }
                public ServiceBusMessage(string body) { }
                public ServiceBusMessage(System.BinaryData body) { }
                public System.BinaryData Body { get; set; } = new System.BinaryData(System.Array.Empty<byte>());
                public System.Collections.Generic.IDictionary<string, object> ApplicationProperties { get; } = new System.Collections.Generic.Dictionary<string, object>();
            }
        }

        namespace System
        {
            public class BinaryData
            {
                public BinaryData(byte[] data) { }
                public BinaryData(string data) { }
                public static BinaryData FromString(string data) => new(data);
                public static BinaryData FromBytes(byte[] data) => new(data);
                public static BinaryData FromObjectAsJson<T>(T jsonSerializable, System.Text.Json.JsonSerializerOptions? options = null) => new("{}");
            }
        }
        """, TestReferences.Default);

    private static async Task VerifyWithServiceBusAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(await ServiceBusAsync());
        await test.RunAsync();
    }

    [Fact]
    public async Task A_message_that_carries_the_key_is_reported_where_it_is_sent()
    {
        const string source = """
            using System.Threading.Tasks;
            using MassTransit;
            using Azure.Storage.Queues;
            using Azure.Messaging.ServiceBus;

            public sealed record KeyRotated(string ConnectionId, string NewApiKey);
            public sealed record ConnectionValidated(string ConnectionId, string KeyEnding);

            public sealed class Rotation(IPublishEndpoint bus, QueueClient queue)
            {
                public async Task Rotated(ConsumeContext context, string connectionId, string newApiKey)
                {
                    await bus.Publish(new KeyRotated(connectionId, {|PUX001:newApiKey|}));
                    await bus.Publish<KeyRotated>(new { ConnectionId = connectionId, NewApiKey = {|PUX001:newApiKey|} });
                    await bus.Publish(new ConnectionValidated(connectionId, newApiKey[^4..]));
                    await context.RespondAsync(new KeyRotated(connectionId, {|PUX001:newApiKey|}));
                    await queue.SendMessageAsync($"{connectionId}:{{|PUX001:newApiKey|}}");
                    await queue.SendMessageAsync(connectionId);
                    var message = new ServiceBusMessage({|PUX001:newApiKey|});
                    var safe = new ServiceBusMessage(connectionId);
                }
            }
            """;

        await VerifyWithServiceBusAsync(source + Libraries);
    }

    /// <summary>
    /// A Service Bus message's body is a <c>BinaryData</c>: made from the key's text or bytes, or from an object with a
    /// secret member as JSON, it carries the key to the broker.
    /// </summary>
    [Fact]
    public async Task A_service_bus_body_made_as_binary_data_carries_the_key()
    {
        const string source = """
            using System;
            using System.Text;
            using Azure.Messaging.ServiceBus;

            public sealed class Connection { public string CompanyId { get; set; } = ""; public string ApiKey { get; set; } = ""; }
            public sealed class Notice { public string CompanyId { get; set; } = ""; public string KeyEnding { get; set; } = ""; }

            public static class Messages
            {
                public static void Build(string companyId, string apiKey, Connection connection, Notice notice)
                {
                    var fromText = new ServiceBusMessage(BinaryData.FromString({|PUX001:apiKey|}));
                    var fromBytes = new ServiceBusMessage(new BinaryData(Encoding.UTF8.GetBytes({|PUX001:apiKey|})));
                    var assigned = new ServiceBusMessage { Body = BinaryData.FromBytes(Encoding.UTF8.GetBytes({|PUX001:apiKey|})) };
                    var body = BinaryData.FromString(apiKey);
                    assigned.Body = {|PUX001:body|};
                    var json = new ServiceBusMessage(BinaryData.FromObjectAsJson(new { companyId, {|PUX001:apiKey|} }));
                    var whole = new ServiceBusMessage({|PUX001:BinaryData.FromObjectAsJson(connection)|});

                    var safe = new ServiceBusMessage(BinaryData.FromString(companyId));
                    var safeJson = new ServiceBusMessage(BinaryData.FromObjectAsJson(notice));
                    var safeEnding = new ServiceBusMessage(new BinaryData(apiKey[^4..]));
                }
            }
            """;

        await VerifyWithServiceBusAsync(source);
    }

    /// <summary>A Service Bus message's application properties are kept with it and shown beside its body.</summary>
    [Fact]
    public async Task Service_bus_application_properties_that_carry_the_key_are_reported()
    {
        const string source = """
            using System.Collections.Generic;
            using Azure.Messaging.ServiceBus;

            // The app's own holder of properties: no broker keeps it.
            public sealed class Envelope { public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>(); }

            public static class Messages
            {
                public static ServiceBusMessage Build(string companyId, string apiKey, Envelope envelope)
                {
                    envelope.ApplicationProperties["pleoKey"] = apiKey;
                    var message = new ServiceBusMessage(companyId);
                    message.ApplicationProperties["pleoKey"] = {|PUX001:apiKey|};
                    message.ApplicationProperties.Add("rotatedKey", {|PUX001:apiKey|});
                    message.ApplicationProperties.TryAdd("backupKey", {|PUX001:apiKey|});
                    message.ApplicationProperties["companyId"] = companyId;
                    message.ApplicationProperties.Add("keyEnding", apiKey[^4..]);
                    var other = new Dictionary<string, object> { ["pleoKey"] = "set elsewhere" };
                    other["note"] = companyId;
                    return message;
                }
            }
            """;

        await VerifyWithServiceBusAsync(source);
    }

    /// <summary>
    /// Kafka keeps a record's key, value and headers in the topic's log for its retention; OpenTelemetry's own API
    /// writes span attributes, events and names to the trace, and baggage to every downstream call too.
    /// </summary>
    [Fact]
    public async Task Kafka_records_and_OpenTelemetry_spans_and_baggage_that_carry_the_key_are_reported()
    {
        var libraries = await TestLibraries.CompileAsync("Confluent.Kafka.And.OpenTelemetry.Api", """
            namespace Confluent.Kafka
            {
                public class Message<TKey, TValue>
                {
                    public TKey Key { get; set; } = default!;
                    public TValue Value { get; set; } = default!;
                    public Headers Headers { get; set; } = new();
                }

                public class Headers
                {
                    public void Add(string key, byte[] val) { }
                    public void Add(Header header) { }
                }

                public class Header
                {
                    public Header(string key, byte[] value) { }
                }
            }

            namespace OpenTelemetry.Trace
            {
                public class TelemetrySpan
                {
                    public TelemetrySpan SetAttribute(string key, string value) => this;
                    public TelemetrySpan SetAttribute(string key, string[] values) => this;
                    public TelemetrySpan AddEvent(string name) => this;
                    public TelemetrySpan AddEvent(string name, SpanAttributes attributes) => this;
                    public TelemetrySpan UpdateName(string name) => this;
                    public void RecordException(string type, string message, string stacktrace) { }
                }

                public class SpanAttributes
                {
                    public void Add(string key, string value) { }
                    public void Add(string key, string[] values) { }
                }
            }

            namespace OpenTelemetry
            {
                public readonly struct Baggage
                {
                    public static Baggage SetBaggage(string name, string value, Baggage baggage = default) => baggage;
                    public static Baggage SetBaggage(params System.Collections.Generic.KeyValuePair<string, string>[] baggageItems) => default;
                }
            }
            """, TestReferences.Default);
        var test = new Verify.Test
        {
            TestCode = """
                using System.Text;
                using Confluent.Kafka;
                using OpenTelemetry;
                using OpenTelemetry.Trace;

                public static class Events
                {
                    public static void Send(string companyId, string apiKey, TelemetrySpan span)
                    {
                        var record = new Message<string, string> { Key = companyId, Value = {|PUX001:apiKey|} };
                        var keyed = new Message<string, string> { Key = {|PUX001:apiKey|}, Value = companyId };
                        record.Headers.Add("pleo-key", Encoding.UTF8.GetBytes({|PUX001:apiKey|}));
                        record.Headers.Add(new Header("pleo-key", Encoding.UTF8.GetBytes({|PUX001:apiKey|})));
                        record.Headers.Add("company", Encoding.UTF8.GetBytes(companyId));

                        span.SetAttribute("pleo.key", {|PUX001:apiKey|}).SetAttribute("pleo.company_id", companyId);
                        span.UpdateName("connect " + {|PUX001:apiKey|});
                        span.SetAttribute("pleo.keys", [companyId, {|PUX001:apiKey|}]);
                        span.AddEvent("rotated to " + {|PUX001:apiKey|});
                        var attributes = new SpanAttributes();
                        attributes.Add("pleo.key", {|PUX001:apiKey|});
                        attributes.Add("pleo.keys", [{|PUX001:apiKey|}]);
                        span.AddEvent("connected", attributes);
                        span.RecordException("KeyRejected", "Pleo rejected " + {|PUX001:apiKey|}, "");
                        Baggage.SetBaggage("pleo.key", {|PUX001:apiKey|});
                        Baggage.SetBaggage("pleo.company_id", companyId);
                        Baggage.SetBaggage(new System.Collections.Generic.KeyValuePair<string, string>("pleo.key", {|PUX001:apiKey|}));
                        span.SetAttribute("pleo.key_ending", apiKey[^4..]);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(libraries);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_SQS_message_and_Quartz_job_data_that_carry_the_key_are_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;
            using Quartz;

            public sealed class RecheckJob : IJob { }

            public sealed class KeyEvents(IAmazonSQS sqs, IScheduler scheduler, JobKey recheck)
            {
                public async Task Rotated(string queueUrl, string companyId, string apiKey)
                {
                    await sqs.SendMessageAsync(queueUrl, $"{{\"companyId\":\"{companyId}\",\"apiKey\":\"{{|PUX001:apiKey|}}\"}}");
                    await sqs.SendMessageAsync(queueUrl, companyId);
                    await sqs.SendMessageAsync(new SendMessageRequest
                    {
                        MessageBody = {|PUX001:apiKey|},
                        MessageAttributes = { ["key"] = new MessageAttributeValue { DataType = "String", StringValue = {|PUX001:apiKey|} } },
                    });
                    await sqs.SendMessageAsync(new SendMessageRequest { MessageBody = companyId });

                    JobBuilder.Create<RecheckJob>().UsingJobData("apiKey", {|PUX001:apiKey|});
                    JobBuilder.Create<RecheckJob>().UsingJobData("companyId", companyId);
                    var data = new JobDataMap { ["apiKey"] = apiKey };
                    await scheduler.TriggerJob(recheck, {|PUX001:data|});
                    await scheduler.TriggerJob(recheck, new JobDataMap { ["companyId"] = companyId });
                }
            }
            """;

        await Verify.VerifyAsync(source + Libraries);
    }

    [Fact]
    public async Task What_a_function_s_queue_output_binding_is_given_is_a_message()
    {
        const string source = """
            using Microsoft.Azure.Functions.Worker;

            public sealed record ExportJob(string ConnectionId, string ApiKey);

            public sealed class ExportOutput
            {
                [QueueOutput("export-jobs")] public string? Job { get; set; }
                [BlobOutput("exports/{rand-guid}")] public string? Report { get; set; }
            }

            public static class ExportFunctions
            {
                [Function("QueueExport")]
                [return: QueueOutput("export-jobs")]
                public static string Queue(string connectionId, string apiKey) => connectionId + ":" + {|PUX001:apiKey|};

                [Function("QueueSafely")]
                [QueueOutput("export-jobs")]
                public static string QueueSafely(string connectionId, string apiKey) => connectionId;

                [Function("Both")]
                public static ExportOutput Both(string connectionId, string apiKey) => new() { Job = {|PUX001:apiKey|}, Report = connectionId };

                // A blob is storage, not a message: whether a key may be stored there is not this rule's.
                [Function("Report")]
                public static ExportOutput Report(string connectionId, string apiKey) => new() { Job = connectionId, Report = apiKey };

                [Function("Method")]
                [QueueOutput("export-jobs")]
                public static string Method(string connectionId, string apiKey) => {|PUX001:apiKey|};

                public static string NotAFunction(string connectionId, string apiKey) => connectionId + ":" + apiKey;
            }
            """;

        await Verify.VerifyAsync(source + Libraries);
    }
}
