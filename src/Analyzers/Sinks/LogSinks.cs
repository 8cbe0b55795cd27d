using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX001's sinks: Microsoft.Extensions.Logging (ILogger, every LoggerExtensions method, BeginScope,
/// LoggerMessage.Define delegates, [LoggerMessage] methods), Serilog (with LogContext, enrichers and the request
/// logging's diagnostic context), NLog, log4net, Console, Debug, Trace,
/// TraceSource, Activity tags/events/baggage (and the tags an activity is started with),
/// the tags of a metric's measurements, the raw SQL and query tags Entity Framework logs, EventSource.WriteEvent, the description and data of a health
/// check result, which the health check service logs and health endpoints and dashboards show to whoever monitors, and
/// the arguments of a Hangfire job, which its storage keeps and its dashboard shows.
/// </summary>
internal sealed class LogSinks : SinkTable
{
    // The tag parameters of a metric instrument's Add and Record; the measured value is a number.
    private static readonly string[] MetricTags = { "tag", "tag1", "tag2", "tag3", "tags", "tagList" };

    // Application Insights' calls that send an item with a text or custom properties.
    private static readonly string[] TelemetryCalls =
    {
        "TrackTrace", "TrackEvent", "TrackException", "TrackMetric", "TrackDependency", "TrackAvailability", "TrackPageView", "TrackRequest",
    };

    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.AllMethods("Microsoft.Extensions.Logging.ILogger"),
        SinkSpec.AllMethods("Microsoft.Extensions.Logging.LoggerExtensions"),
        SinkSpec.AllMethods("Serilog.ILogger"),
        SinkSpec.AllMethods("Serilog.Log"),
        SinkSpec.AllMethods("Serilog.Core.Logger"),
        SinkSpec.Methods("Serilog.Context.LogContext", "PushProperty"),
        // Enrich.WithProperty("PleoKey", key): a property of every event the logger writes from then on.
        SinkSpec.Methods("Serilog.Configuration.LoggerEnrichmentConfiguration", "WithProperty"),
        // UseSerilogRequestLogging's EnrichDiagnosticContext: diagnosticContext.Set("Auth", value) is a property of the request's log event.
        SinkSpec.Methods("Serilog.IDiagnosticContext", "Set").WithParameters("value"),
        SinkSpec.AllMethods("NLog.ILogger"),
        SinkSpec.AllMethods("NLog.ILoggerBase"),
        SinkSpec.AllMethods("NLog.ILoggerExtensions"),
        SinkSpec.AllMethods("NLog.Logger"),
        // NLog's context: a property of every event written while it is pushed, or of every event at all.
        SinkSpec.Methods("NLog.ScopeContext", "PushProperty", "PushProperties", "PushNestedState").WithParameters("value", "scopeProperties", "nestedState"),
        SinkSpec.Methods("NLog.GlobalDiagnosticsContext", "Set").WithParameters("value"),
        SinkSpec.AllMethods("log4net.ILog"),
        SinkSpec.AllMethods("log4net.Core.ILogger"),
        SinkSpec.Methods("System.Diagnostics.Debug", "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail", "Assert"),
        SinkSpec.Methods("System.Diagnostics.Trace", "Write", "WriteLine", "WriteIf", "WriteLineIf", "Fail", "Assert", "TraceInformation", "TraceWarning", "TraceError"),
        SinkSpec.Methods("System.Diagnostics.TraceSource", "TraceEvent", "TraceData", "TraceInformation", "TraceTransfer"),
        SinkSpec.Methods("System.Diagnostics.Activity", "SetTag", "AddTag", "SetBaggage", "AddBaggage", "AddEvent", "SetStatus", "DisplayName"),
        // A metric's tags are exported with every measurement: counter.Add(1, new("pleo.key", key)).
        SinkSpec.Methods("System.Diagnostics.Metrics.Counter`1", "Add").WithParameters(MetricTags),
        SinkSpec.Methods("System.Diagnostics.Metrics.UpDownCounter`1", "Add").WithParameters(MetricTags),
        SinkSpec.Methods("System.Diagnostics.Metrics.Histogram`1", "Record").WithParameters(MetricTags),
        SinkSpec.Methods("System.Diagnostics.Metrics.Gauge`1", "Record").WithParameters(MetricTags),
        // Entity Framework logs each command's text (Microsoft.EntityFrameworkCore.Database.Command, Information): a key
        // made part of raw SQL or of a query tag is logged with it. ExecuteSql/FromSql with an interpolated string send its
        // holes as parameters, whose values are logged only with sensitive data logging (SensitiveDataLogging).
        SinkSpec.Methods("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions", "TagWith").WithParameters("tag"),
        SinkSpec.Methods("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "ExecuteSqlRaw", "ExecuteSqlRawAsync").WithParameters("sql"),
        SinkSpec.Methods("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "FromSqlRaw").WithParameters("sql"),
        SinkSpec.Methods("System.Diagnostics.ActivityEvent", SinkSpec.Constructor),
        SinkSpec.Methods("System.Diagnostics.ActivitySource", "StartActivity", "CreateActivity").WithParameters("name", "tags"),
        SinkSpec.Methods("System.Diagnostics.Tracing.EventSource", "WriteEvent", "Write"),
        SinkSpec.Methods("Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult", SinkSpec.Constructor, "Healthy", "Degraded", "Unhealthy")
            .WithParameters("description", "data"),
        // Hangfire stores a job's method call with its arguments, as JSON in plain text, and its dashboard shows them:
        // BackgroundJob.Enqueue(() => sync.Run(apiKey)). The operands are the job call's arguments (BackgroundJobs).
        SinkSpec.Methods("Hangfire.BackgroundJob", "Enqueue", "Schedule", "ContinueJobWith", "ContinueWith").WithParameters(BackgroundJobs.MethodCall),
        SinkSpec.Methods("Hangfire.BackgroundJobClientExtensions", "Enqueue", "Schedule", "ContinueJobWith", "ContinueWith", "Create")
            .WithParameters(BackgroundJobs.MethodCall),
        SinkSpec.Methods("Hangfire.RecurringJob", "AddOrUpdate").WithParameters(BackgroundJobs.MethodCall),
        SinkSpec.Methods("Hangfire.RecurringJobManagerExtensions", "AddOrUpdate").WithParameters(BackgroundJobs.MethodCall),
        // Messages on a queue (MessageQueues): Azure Storage queue messages, Service Bus and SQS message bodies, SQS message attributes.
        SinkSpec.Methods("Azure.Storage.Queues.QueueClient", "SendMessage", "SendMessageAsync").WithParameters("messageText", "message"),
        SinkSpec.Methods("Azure.Messaging.ServiceBus.ServiceBusMessage", SinkSpec.Constructor, "Body").WithParameters("body"),
        SinkSpec.Methods("Amazon.SQS.IAmazonSQS", "SendMessage", "SendMessageAsync").WithParameters("messageBody"),
        SinkSpec.Methods("Amazon.SQS.AmazonSQSClient", "SendMessage", "SendMessageAsync").WithParameters("messageBody"),
        SinkSpec.Methods("Amazon.SQS.Model.SendMessageRequest", SinkSpec.Constructor, "MessageBody").WithParameters("messageBody"),
        SinkSpec.Methods("Amazon.SQS.Model.SendMessageBatchRequestEntry", SinkSpec.Constructor, "MessageBody").WithParameters("messageBody"),
        SinkSpec.Methods("Amazon.SQS.Model.MessageAttributeValue", "StringValue"),
        // Kafka keeps each record (its key, value and headers) in the topic's log, in plain text, for its retention.
        SinkSpec.Methods("Confluent.Kafka.Message`2", "Key", "Value"),
        SinkSpec.Methods("Confluent.Kafka.Headers", "Add").WithParameters("val"),
        SinkSpec.Methods("Confluent.Kafka.Header", SinkSpec.Constructor).WithParameters("value"),
        // OpenTelemetry's own API, beside System.Diagnostics' above: span attributes, events and names; baggage, which
        // also travels to every service called downstream in the baggage header. An event's attributes are reported where
        // the key is added to them.
        SinkSpec.Methods("OpenTelemetry.Trace.TelemetrySpan", "SetAttribute", "AddEvent", "UpdateName", "RecordException")
            .WithParameters("value", "values", "name", "message"),
        SinkSpec.Methods("OpenTelemetry.Trace.SpanAttributes", "Add").WithParameters("value", "values"),
        SinkSpec.Methods("OpenTelemetry.Baggage", "SetBaggage").WithParameters("value", "baggageItems"),
        // Application Insights keeps a trace's message, an event's name, every item's custom properties and a
        // dependency's data (its command or URL) in the portal, for whoever reads the telemetry.
        SinkSpec.Methods("Microsoft.ApplicationInsights.TelemetryClient", TelemetryCalls).WithParameters("message", "eventName", "properties", "data"),
        // Sentry sends messages, breadcrumbs, tags and extras with every event it captures, to whoever reads the issues.
        SinkSpec.Methods("Sentry.SentrySdk", "CaptureMessage", "AddBreadcrumb", "SetTag").WithParameters("message", "data", "value"),
        SinkSpec.Methods("Sentry.HubExtensions", "CaptureMessage", "AddBreadcrumb").WithParameters("message", "data"),
        SinkSpec.Methods("Sentry.SentryClientExtensions", "CaptureMessage").WithParameters("message"),
        SinkSpec.Methods("Sentry.Breadcrumb", SinkSpec.Constructor).WithParameters("message", "data"),
        SinkSpec.Methods("Sentry.IHasTags", "SetTag").WithParameters("value"),
        SinkSpec.Methods("Sentry.IHasExtra", "SetExtra").WithParameters("value"),
        SinkSpec.Methods("Sentry.Scope", "SetTag", "SetExtra").WithParameters("value"),
        // Buses, for the same reason as MassTransit's: Wolverine's and Rebus's messages, and Rebus's headers.
        SinkSpec.Methods("Wolverine.IMessageBus", "SendAsync", "PublishAsync", "InvokeAsync", "InvokeForTenantAsync", "BroadcastToTopicAsync")
            .WithParameters("message"),
        SinkSpec.Methods("Wolverine.MessageBusExtensions", "ScheduleAsync").WithParameters("message"),
        SinkSpec.Methods("Rebus.Bus.IBus", "Send", "SendLocal", "Publish", "Reply", "Defer", "DeferLocal")
            .WithParameters("commandMessage", "eventMessage", "replyMessage", "message", "optionalHeaders"),
    };


    private readonly INamedTypeSymbol? _ilogger;
    private readonly INamedTypeSymbol? _loggerMessageAttribute;
    private readonly ConsoleOutput _console;
    private readonly INamedTypeSymbol? _dataClassificationAttribute;
    private readonly bool _functionsWorker;
    private readonly INamedTypeSymbol? _serviceBusMessage;
    private readonly ConcurrentDictionary<ISymbol, string> _messageOutputs = new(SymbolEqualityComparer.Default);

    public LogSinks(Compilation compilation)
        : base(compilation, SinkKind.Log, Specs)
    {
        _ilogger = compilation.FindType("Microsoft.Extensions.Logging.ILogger");
        _loggerMessageAttribute = compilation.FindType("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        _console = new ConsoleOutput(compilation);
        _dataClassificationAttribute = compilation.FindType("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        _functionsWorker = compilation.FindType("Microsoft.Azure.Functions.Worker.FunctionAttribute") is not null;
        _serviceBusMessage = compilation.FindType("Azure.Messaging.ServiceBus.ServiceBusMessage");
    }

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        if (_serviceBusMessage is not null && ApplicationProperty(operation) is { } property)
        {
            operands.Add(property);
            return;
        }

        if (operation is not IInvocationOperation invocation)
        {
            if (_functionsWorker && MessageOutput(operation, owner) is { } output)
            {
                operands.Add(output);
                return;
            }

            base.Collect(operation, owner, operands);
            return;
        }

        if (MessageQueues.IsMassTransitSend(invocation.TargetMethod))
        {
            AddArguments(invocation.Arguments, MessageQueues.IsMassTransitMessage, invocation.TargetMethod, operands);
            return;
        }

        if (MessageQueues.IsQuartzJobData(invocation.TargetMethod))
        {
            // UsingJobData("apiKey", key), TriggerJob(jobKey, data): what is stored with the job, its names too.
            AddArguments(invocation.Arguments, static _ => true, invocation.TargetMethod, operands);
            return;
        }

        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.DelegateInvoke && IsLoggerMessageDelegate(method.ContainingType))
        {
            // LoggerMessage.Define<T1…>(…) returns Action<ILogger, T1…, Exception?>; invoking it logs its arguments.
            AddAllArguments(invocation.Arguments, LoggerMessageDelegateName(invocation), operands);
            return;
        }

        if (IsLoggerMessageMethod(method))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && IsLoggedParameter(parameter))
                {
                    operands.Add(new SinkOperand(argument.Value, method.Name, Kind));
                }
            }

            return;
        }

        if (BackgroundJobs.JobCall(invocation) is { } job && Find(method.ContainingType, method.Name) is not null)
        {
            AddAllArguments(job.Arguments, SinkNames.Of(method), operands);
            return;
        }

        if (_console.Writes(invocation) is { } consoleWrite)
        {
            // Console.WriteLine(…), Console.Error.WriteLine(…), AnsiConsole.MarkupLine(…): the console, where whoever runs
            // the program (and whatever collects its output) reads it.
            AddAllArguments(invocation.Arguments, consoleWrite, operands);
            return;
        }

        base.Collect(operation, owner, operands);
    }

    // A delegate's invocation is judged by its type arguments, which the definition does not have.
    public override bool MayTake(IMethodSymbol method) =>
        method.MethodKind == MethodKind.DelegateInvoke || _console.MayWrite(method) || MessageQueues.MayBeMassTransitSend(method) || MessageQueues.MayBeQuartzJobData(method)
        || IsLoggerMessageMethod(method) || (_serviceBusMessage is not null && method.Name is "Add" or "TryAdd") || base.MayTake(method);

    /// <summary>
    /// A value written into a Service Bus message's <c>ApplicationProperties</c> (<c>message.ApplicationProperties["pleoKey"] = key</c>,
    /// <c>.Add(…)</c>): the broker keeps them with the message, shown beside its body by every tool that reads the queue.
    /// </summary>
    private SinkOperand? ApplicationProperty(IOperation operation) =>
        operation.Kind is OperationKind.SimpleAssignment or OperationKind.Invocation
        && DictionaryWrites.TryGetOf(operation, _serviceBusMessage, "ApplicationProperties", out _, out var value)
            ? new SinkOperand(value, "ServiceBusMessage.ApplicationProperties", Kind)
            : null;

    /// <summary>
    /// A value an Azure Functions output binding sends as a message: what a function with <c>[QueueOutput]</c> returns, or
    /// what is given to a <c>[QueueOutput]</c> property of the object it returns. Each symbol's binding is looked up once.
    /// </summary>
    private SinkOperand? MessageOutput(IOperation operation, ISymbol owner)
    {
        var (value, symbol) = operation switch
        {
            IReturnOperation { ReturnedValue: { } returned } when owner is IMethodSymbol method && operation.LeavesBody() => (returned, (ISymbol)method),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment => (assignment.Value, property.Property),
            _ => (null, null),
        };
        if (value is null || symbol is null)
        {
            return null;
        }

        var output = _messageOutputs.GetOrCompute(symbol.OriginalDefinition, static definition => MessageQueues.MessageOutput(definition) ?? string.Empty);
        return output.Length == 0 ? null : new SinkOperand(value, output, Kind);
    }

    /// <summary>A [LoggerMessage] partial method: its parameters are written to the log by generated code.</summary>
    public bool IsLoggerMessageMethod(IMethodSymbol method)
    {
        if (_loggerMessageAttribute is null || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        return (method.PartialDefinitionPart ?? method).HasAttribute(_loggerMessageAttribute);
    }

    /// <summary>
    /// A [LoggerMessage] parameter that reaches the log as text: not the logger, level or exception, and not
    /// one carrying a data classification (the compliance redaction pipeline redacts those).
    /// </summary>
    public bool IsLoggedParameter(IParameterSymbol parameter)
    {
        if (!FlowTypes.CanCarry(parameter.Type) || IsLogger(parameter.Type))
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass.DerivesFrom(_dataClassificationAttribute))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsLogger(ITypeSymbol type) => type.Implements(_ilogger);

    private bool IsLoggerMessageDelegate(INamedTypeSymbol delegateType) =>
        delegateType.Name == "Action"
        && delegateType.TypeArguments.Length >= 2
        && IsLogger(delegateType.TypeArguments[0]);

    private static string LoggerMessageDelegateName(IInvocationOperation invocation) => invocation.Instance switch
    {
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        ILocalReferenceOperation local => local.Local.Name,
        _ => "LoggerMessage delegate",
    };
}
