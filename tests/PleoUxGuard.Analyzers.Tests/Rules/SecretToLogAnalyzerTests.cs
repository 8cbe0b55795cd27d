using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;

using PleoUxGuard.Analyzers.Tests.Secrets;
using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX001: a secret reaches a log or diagnostic output.</summary>
public sealed class SecretToLogAnalyzerTests
{
    /// <summary>Each case in its own block, so that cases compile together (one compilation per fact keeps the suite fast).</summary>
    private static string Blocks(string[] cases) => string.Join("\n        ", cases.Select(statement => "{ " + statement + " }"));

    /// <summary>One method per parameter declaration, logging the parameter (marked as PUX001 when <paramref name="secret"/>).</summary>
    private static string NameCases(string[] parameters, bool secret)
    {
        var methods = parameters.Select((parameter, index) =>
        {
            var name = parameter.Split(' ')[1];
            var suffix = parameter.StartsWith("ReadOnlyMemory", StringComparison.Ordinal) ? ".ToString()" : "";
            var argument = secret ? "{|PUX001:" + name + "|}" + suffix : name;
            return $"void Case{index}(ILogger logger, {parameter}) => logger.LogInformation(\"{{Value}}\", {argument});";
        });
        return SecretCode.Usings + "\nclass Names\n{\n    " + string.Join("\n    ", methods) + "\n}\n";
    }

    // ---- Sinks: Microsoft.Extensions.Logging ----

    [Fact]
    public async Task Microsoft_extensions_logging_calls_are_sinks()
    {
        string[] cases =
        {
            "logger.LogInformation(\"Connecting with {Key}\", {|PUX001:apiKey|});",
            "logger.LogWarning(\"Connecting with \" + {|PUX001:apiKey|});",
            "logger.LogError(new Exception(), \"Key {Key}\", {|PUX001:apiKey|});",
            "logger.LogDebug($\"Key {{|PUX001:apiKey|}}\");",
            "logger.LogTrace(\"{A} {B}\", 1, {|PUX001:apiKey|});",
            "logger.LogCritical(\"Key {Key}\", {|PUX001:apiKey|});",
            "logger.Log(LogLevel.Information, \"Key {Key}\", {|PUX001:apiKey|});",
            "logger.Log(LogLevel.Information, new EventId(1), {|PUX001:apiKey|}, null, (s, e) => s);",
            "using var scope = logger.BeginScope(\"Key {Key}\", {|PUX001:apiKey|});",
            "using var scope = logger.BeginScope(new Dictionary<string, object> { [\"key\"] = {|PUX001:apiKey|} });",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task Messages_name_each_sink_with_its_type()
    {
        await Verify.VerifyAsync(
            InMethod("""
                logger.LogInformation("{Key}", {|#0:apiKey|});
                logger.Log(LogLevel.Information, {|#1:apiKey|});
                Console.WriteLine({|#2:apiKey|});
                Console.Error.WriteLine({|#3:apiKey|});
                """),
            null,
            Written(0, "ILogger.LogInformation"),
            Written(1, "ILogger.Log"),
            Written(2, "Console.WriteLine"),
            Written(3, "Console.Error.WriteLine"));
    }

    /// <summary>Every way of writing to the console, also a command-line tool's (where the console is the screen, and the key on it still PUX001's).</summary>
    [Fact]
    public async Task Console_writes_of_every_form_are_sinks()
    {
        string[] cases =
        {
            "Console.Out.Write({|PUX001:apiKey|});",
            "await Console.Error.WriteLineAsync({|PUX001:apiKey|});",
            "await Console.Out.WriteAsync($\"Key {{|PUX001:apiKey|}}\");",
            "Spectre.Console.AnsiConsole.MarkupLine($\"[red]{{|PUX001:apiKey|}}[/]\");",
            // A writer that is not the console's: a file or a string.
            "using var writer = new System.IO.StringWriter(); writer.WriteLine(apiKey);",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)) + """

            namespace System.CommandLine { public class RootCommand { } }
            namespace Spectre.Console { public static class AnsiConsole { public static void MarkupLine(string value) { } } }
            """);
    }

    /// <summary>A library's credential holder destructured into the log writes its credential (a Key Vault secret's Value).</summary>
    [Fact]
    public async Task A_library_credential_holder_destructured_is_reported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Azure.Security.KeyVault.Secrets;
                using Microsoft.Extensions.Logging;

                static class VaultLog
                {
                    static void Loaded(ILogger logger, KeyVaultSecret stored)
                    {
                        logger.LogInformation("Loaded {@Stored}", {|PUX001:stored|});
                        logger.LogInformation("Loaded {@Properties}", stored.Properties);
                        logger.LogInformation("Loaded {Name}", stored.Name);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(await Verifiers.TestLibraries.KeyVaultAsync());
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Written(int location, string sink) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(location).WithArguments("apiKey", sink);

    /// <summary>
    /// A health check's description and data are diagnostic output: the health check service logs each result with
    /// its description, and health endpoints and dashboards (a response writer, HealthChecks UI)
    /// show both to whoever monitors the service. The exception is the check's own; its message is PUX002's.
    /// </summary>
    [Fact]
    public async Task Health_check_descriptions_and_data_are_sinks()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            sealed class PleoHealthCheck(string apiKey, string companyId) : IHealthCheck
            {
                public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
                {
                    var data = new Dictionary<string, object> { ["apiKey"] = apiKey };
                    var results = new[]
                    {
                        HealthCheckResult.Unhealthy($"Pleo rejected key {{|PUX001:apiKey|}}"),
                        HealthCheckResult.Degraded("Pleo is slow", new TimeoutException(), data: new Dictionary<string, object> { ["apiKey"] = {|PUX001:apiKey|} }),
                        HealthCheckResult.Healthy("Connected", {|PUX001:data|}),
                        new HealthCheckResult(HealthStatus.Unhealthy, "Key " + {|PUX001:apiKey|}),
                        new HealthCheckResult(context.Registration.FailureStatus, description: "Rejected", data: new Dictionary<string, object> { ["key"] = {|PUX001:apiKey|} }),

                        HealthCheckResult.Unhealthy("Pleo did not accept the API key ending " + apiKey[^4..] + " for company " + companyId),
                        HealthCheckResult.Degraded("Pleo is slow", data: new Dictionary<string, object> { ["companyId"] = companyId, ["keyLength"] = apiKey.Length }),
                        HealthCheckResult.Healthy(),
                    };
                    return Task.FromResult(results[0]);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task LoggerMessage_Define_delegates_are_sinks()
    {
        await Verify.VerifyAsync(InMethod(
            "Connected(logger, {|PUX001:apiKey|}, null);",
            members: "private static readonly Action<ILogger, string, Exception?> Connected = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), \"Connected with {Key}\");"));
    }

    [Fact]
    public async Task LoggerMessage_methods_are_reported_at_the_call_and_at_the_secret_parameter()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Connected with {Key}")]
                static partial void Connected(ILogger logger, string {|PUX001:apiKey|});

                [LoggerMessage(2, LogLevel.Information, "Connected {Company}")]
                static partial void ConnectedTo(ILogger logger, string company);

                static void Use(ILogger logger, string clientSecret) => ConnectedTo(logger, {|PUX001:clientSecret|});
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("/0/Log.g.cs", "")]
    [InlineData("/0/LoggerMessage.cs", "// <auto-generated/>\n")]
    public async Task LoggerMessage_methods_are_reported_once_at_the_declaring_part_when_the_generator_writes_the_implementing_part(string generatedPath, string header)
    {
        // In a real build the logging generator adds the implementing part in a generated file, marked
        // [GeneratedCode]; the tests above have no generator, so this one writes that part by hand as the
        // generator would.
        const string declaring = """
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connecting with {ApiKey}")]
                public static partial void Connecting(ILogger logger, string {|PUX001:apiKey|});

                [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connected {Company}")]
                public static partial void Connected(ILogger logger, string company);
            }
            """;
        var implementing = header + """
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [global::System.CodeDom.Compiler.GeneratedCodeAttribute("Microsoft.Extensions.Logging.Generators", "8.0.0.0")]
                public static partial void Connecting(ILogger logger, string apiKey) { }

                [global::System.CodeDom.Compiler.GeneratedCodeAttribute("Microsoft.Extensions.Logging.Generators", "8.0.0.0")]
                public static partial void Connected(ILogger logger, string company) { }
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/Log.cs", declaring));
        test.TestState.Sources.Add((generatedPath, implementing));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoggerMessage_methods_declared_in_generated_code_are_not_reported()
    {
        const string generated = """
            // <auto-generated/>
            using Microsoft.Extensions.Logging;

            public static partial class GeneratedLog
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connecting with {ApiKey}")]
                public static partial void Connecting(ILogger logger, string apiKey);
            }
            """;
        const string implementing = """
            // <auto-generated/>
            using Microsoft.Extensions.Logging;

            public static partial class GeneratedLog
            {
                [global::System.CodeDom.Compiler.GeneratedCodeAttribute("Microsoft.Extensions.Logging.Generators", "8.0.0.0")]
                public static partial void Connecting(ILogger logger, string apiKey) { }
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/GeneratedLog.cs", generated));
        test.TestState.Sources.Add(("/0/LoggerMessage.g.cs", implementing));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoggerMessage_parameters_with_a_data_classification_are_redacted_and_not_reported()
    {
        const string source = """
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Pleo", "Private")) { }
            }

            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Connected with {Key}")]
                static partial void Connected(ILogger logger, [PrivateData] string apiKey);

                static void Use(ILogger logger, string apiKey) => Connected(logger, apiKey);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    // ---- Sinks: other log libraries and diagnostic output ----

    [Fact]
    public async Task Log_libraries_and_diagnostic_output_are_sinks()
    {
        string[] cases =
        {
            "Serilog.Log.Information(\"Key {Key}\", {|PUX001:apiKey|});",
            "Serilog.Log.Logger.Warning(\"Key {Key}\", {|PUX001:apiKey|});",
            "Serilog.Log.ForContext<Connector>().Error(\"Key {Key}\", {|PUX001:apiKey|});",
            "using var property = Serilog.Context.LogContext.PushProperty(\"Key\", {|PUX001:apiKey|});",
            "Serilog.Log.Logger = new Serilog.LoggerConfiguration().Enrich.WithProperty(\"PleoKey\", {|PUX001:apiKey|}).CreateLogger();",
            "NLog.LogManager.GetCurrentClassLogger().Info(\"Key {Key}\", {|PUX001:apiKey|});",
            "NLog.LogManager.GetCurrentClassLogger().Debug({|PUX001:apiKey|});",
            "using (NLog.ScopeContext.PushProperty(\"PleoKey\", {|PUX001:apiKey|})) { }",
            "NLog.GlobalDiagnosticsContext.Set(\"PleoKey\", {|PUX001:apiKey|});",
            // The property's name is no value written: a key used as one is not logged.
            "using (NLog.ScopeContext.PushProperty(apiKey, \"pleo\")) { }",
            "log4net.LogManager.GetLogger(typeof(Connector)).Info({|PUX001:apiKey|});",
            "log4net.LogManager.GetLogger(typeof(Connector)).InfoFormat(\"Key {0}\", {|PUX001:apiKey|});",
            "Console.WriteLine({|PUX001:apiKey|});",
            "Console.Write(\"Key: {0}\", {|PUX001:apiKey|});",
            "Console.Error.WriteLine({|PUX001:apiKey|});",
            "Debug.WriteLine({|PUX001:apiKey|});",
            "Debug.Assert(apiKey.Length > 0, {|PUX001:apiKey|});",
            "Debug.Assert(apiKey.Length > 0, $\"Unexpected key {{|PUX001:apiKey|}}\");",
            "Debug.Assert(apiKey.Length > 0, \"Key too short\", \"key was \" + {|PUX001:apiKey|});",
            "Debug.WriteLineIf(apiKey.Length < 20, $\"Short key {{|PUX001:apiKey|}}\");",
            "Debug.WriteIf(apiKey.Length < 20, $\"Short key {{|PUX001:apiKey|}}\", \"pleo\");",
            "Trace.Assert(apiKey.Length > 0, {|PUX001:apiKey|});",
            "Trace.TraceInformation(\"Key {0}\", {|PUX001:apiKey|});",
            "new TraceSource(\"pleo\").TraceEvent(TraceEventType.Information, 1, {|PUX001:apiKey|});",
            "Activity.Current?.SetTag(\"pleo.key\", {|PUX001:apiKey|});",
            "Activity.Current?.AddBaggage(\"pleo.key\", {|PUX001:apiKey|});",
            "Activity.Current?.AddEvent(new ActivityEvent(\"connect\", tags: new ActivityTagsCollection { { \"key\", {|PUX001:apiKey|} } }));",
            "using var started = new ActivitySource(\"pleo\").StartActivity(\"sync\", ActivityKind.Internal, parentContext: default, tags: [new(\"pleo.key\", {|PUX001:apiKey|})]);",
            "using var started = new ActivitySource(\"pleo\").StartActivity(ActivityKind.Client, tags: new ActivityTagsCollection { [\"pleo.key\"] = {|PUX001:apiKey|} });",
            "new System.Diagnostics.Metrics.Meter(\"pleo\").CreateCounter<int>(\"rejections\").Add(1, new KeyValuePair<string, object?>(\"pleo.key\", {|PUX001:apiKey|}));",
            "new System.Diagnostics.Metrics.Meter(\"pleo\").CreateHistogram<double>(\"latency\").Record(1.5, new KeyValuePair<string, object?>(\"company\", \"pleo\"), new KeyValuePair<string, object?>(\"pleo.key\", {|PUX001:apiKey|}));",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task Another_librarys_ILogger_is_named_with_its_namespace()
    {
        // Walkthrough 15: log4net's core logger read as "ILogger.Log", which is Microsoft.Extensions.Logging's name.
        await Verify.VerifyAsync(
            InMethod(
                """
                log4net.LogManager.GetLogger("audit").Logger.Log(typeof(Connector), log4net.Core.Level.Info, {|#0:apiKey|}, null);
                Serilog.Log.Logger.Information("Key {Key}", {|#1:apiKey|});
                using var scope = logger.BeginScope({|#2:apiKey|});
                """),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("apiKey", "log4net.Core.ILogger.Log"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(1).WithArguments("apiKey", "Serilog.ILogger.Information"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(2).WithArguments("apiKey", "ILogger.BeginScope"));
    }

    [Fact]
    public async Task Application_Insights_and_Sentry_telemetry_are_sinks()
    {
        // Walkthrough 15: what telemetry keeps is read by whoever reads the portal or the issues. Against their own API.
        await Verify.VerifyAsync(Verifiers.TestReferences.WithClients, InMethod(
            """
            telemetry.TrackTrace($"Connecting with {{|PUX001:apiKey|}}");
            telemetry.TrackEvent("pleo.connect", new Dictionary<string, string> { ["key"] = {|PUX001:apiKey|} });
            telemetry.TrackException(new InvalidOperationException("refused"), new Dictionary<string, string> { ["key"] = {|PUX001:apiKey|} });
            telemetry.TrackDependency("HTTP", "pleo", "GET /v1/companies?key=" + {|PUX001:apiKey|}, DateTimeOffset.UtcNow, TimeSpan.Zero, false);
            Sentry.SentrySdk.CaptureMessage($"Key {{|PUX001:apiKey|}} refused");
            Sentry.SentrySdk.AddBreadcrumb("connect", data: new Dictionary<string, string> { ["key"] = {|PUX001:apiKey|} });
            Sentry.SentrySdk.ConfigureScope(scope =>
            {
                scope.SetTag("pleo.key", {|PUX001:apiKey|});
                scope.SetExtra("pleo.key", {|PUX001:apiKey|});
            });
            // (Sentry's extensions called by their class: this source has no using Sentry.)
            Sentry.SentryClientExtensions.CaptureMessage(hub, "Key " + {|PUX001:apiKey|});
            Sentry.HubExtensions.CaptureMessage(hub, "Key " + {|PUX001:apiKey|}, scope => { });
            Sentry.HubExtensions.AddBreadcrumb(hub, "connect", data: new Dictionary<string, string> { ["key"] = {|PUX001:apiKey|} });
            var transaction = Sentry.SentrySdk.StartTransaction("sync", "connect");
            transaction.SetTag("pleo.key", {|PUX001:apiKey|});
            transaction.SetExtra("pleo.key", {|PUX001:apiKey|});
            var crumb = new Sentry.Breadcrumb("Key " + {|PUX001:apiKey|}, "connect");

            telemetry.TrackTrace("Connected", new Dictionary<string, string> { ["company"] = companyId, ["key"] = "••••" + apiKey[^4..] });
            Sentry.SentrySdk.ConfigureScope(scope => scope.SetTag("pleo.company", companyId));
            Sentry.SentrySdk.CaptureMessage("Pleo refused the key");
            """,
            "Microsoft.ApplicationInsights.TelemetryClient telemetry, Sentry.IHub hub, string apiKey, string companyId"));
    }

    [Fact]
    public async Task Rebus_and_Wolverine_messages_are_sinks()
    {
        // Walkthrough 15: a bus keeps each message in plain text, as MassTransit's does. Rebus against its own API;
        // Wolverine, which has no .NET 8 build, as a referenced stub of its IMessageBus.
        var wolverine = await Verifiers.TestLibraries.CompileAsync("Wolverine", """
            namespace Wolverine
            {
                public sealed class DeliveryOptions { }
                public interface IMessageBus
                {
                    System.Threading.Tasks.ValueTask SendAsync<T>(T message, DeliveryOptions? options = null);
                    System.Threading.Tasks.ValueTask PublishAsync<T>(T message, DeliveryOptions? options = null);
                    System.Threading.Tasks.Task InvokeAsync(object message, System.Threading.CancellationToken cancellation = default, System.TimeSpan? timeout = null);
                }

                public static class MessageBusExtensions
                {
                    public static System.Threading.Tasks.ValueTask ScheduleAsync<T>(this IMessageBus bus, T message, System.TimeSpan delay, DeliveryOptions? options = null) => default;
                }
            }
            """, Verifiers.TestReferences.Default);
        var test = new Verify.Test
        {
            ReferenceAssemblies = Verifiers.TestReferences.WithClients,
            TestCode = InMethod(
                """
                await rebus.Send(new ConnectCommand(companyId, {|PUX001:apiKey|}));
                await rebus.Publish($"connected {{|PUX001:apiKey|}}");
                await rebus.Defer(TimeSpan.FromMinutes(1), new ConnectCommand(companyId, {|PUX001:apiKey|}));
                await rebus.Send(new ConnectCommand(companyId, "none"), new Dictionary<string, string> { ["pleo-key"] = {|PUX001:apiKey|} });
                await wolverine.SendAsync(new ConnectCommand(companyId, {|PUX001:apiKey|}));
                await wolverine.PublishAsync(new ConnectCommand(companyId, {|PUX001:apiKey|}));
                await wolverine.InvokeAsync(new ConnectCommand(companyId, {|PUX001:apiKey|}));
                await Wolverine.MessageBusExtensions.ScheduleAsync(wolverine, new ConnectCommand(companyId, {|PUX001:apiKey|}), TimeSpan.FromMinutes(5));

                await rebus.Send(new RecheckCommand(companyId));
                await wolverine.PublishAsync(new RecheckCommand(companyId));
                """,
                "Rebus.Bus.IBus rebus, Wolverine.IMessageBus wolverine, string apiKey, string companyId",
                members: "sealed record ConnectCommand(string CompanyId, string ApiKey); sealed record RecheckCommand(string CompanyId);"),
        };
        test.TestState.AdditionalReferences.Add(wolverine);
        await test.RunAsync();
    }

    [Fact]
    public async Task EventSource_WriteEvent_is_a_sink()
    {
        const string source = """
            using System.Diagnostics.Tracing;

            sealed class PleoEvents : EventSource
            {
                public void Connected(string apiKey) => WriteEvent(1, {|PUX001:apiKey|});
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Log_library_absent_means_no_sink_and_no_crash()
    {
        const string source = """
            class Connector
            {
                void Connect(string apiKey, Serilog.ILogger logger) => logger.Information("{Key}", apiKey);
            }
            """;
        var test = new Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>.Test
        {
            TestCode = source,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };
        test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0246").WithSpan(3, 33, 3, 40).WithArguments("Serilog"));
        await test.RunAsync();
    }

    // ---- What makes a secret: names, attributes, types ----

    [Fact]
    public async Task Names_that_denote_a_secret_are_secrets()
    {
        string[] parameters =
        {
            "string apiKey",
            "string ApiKey",
            "string api_key",
            "string API_KEY",
            "string clientSecret",
            "string refreshToken",
            "string accessToken",
            "string idToken",
            "string password",
            "string dbPasswd",
            "string pwd",
            "string passphrase",
            "string credentials",
            "string privateKey",
            "string awsAccessKey",
            "string authKey",
            "string bearer",
            "string pleoApiKeys",
            "char[] password",
            "StringBuilder secret",
            "ReadOnlyMemory<char> token",
            "byte[] privateKey",
            "string? apiKey2",
        };
        await Verify.VerifyAsync(NameCases(parameters, secret: true));
    }

    [Fact]
    public async Task Names_about_a_secret_that_are_not_one_are_not_secrets()
    {
        string[] parameters =
        {
            "string apiKeyId",
            "string apiKeyName",
            "string tokenType",
            "string secretName",
            "string secretId",
            "string keyName",
            "int passwordLength",
            "string passwordHash",
            "string hashedPassword",
            "string maskedApiKey",
            "string apiKeyLast4",
            "string apiKeyEnding",
            "string keyEnding",
            "string apiKeyTail",
            "string tokenSuffix",
            "string nextToken",
            "string pageToken",
            "string tokenEndpoint",
            "string tokenUrl",
            "string apiKeyHeader",
            "DateTime tokenExpiry",
            "string passwordHint",
            "string monkey",
            "string tokenizer",
            "string secretary",
            "System.Threading.CancellationToken cancellationToken",
            "object credentials",
        };
        await Verify.VerifyAsync(NameCases(parameters, secret: false));
    }

    [Fact]
    public async Task A_data_classification_attribute_or_a_configured_attribute_marks_a_secret()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Pleo", "Private")) { }
            }

            [AttributeUsage(AttributeTargets.All)]
            sealed class SensitiveAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.All)]
            sealed class ClassifiedAttribute : Attribute { }

            [Sensitive]
            sealed class Credential { }

            record Settings([Sensitive] string Value);

            class Connector
            {
                [PrivateData] public string Company { get; set; } = "";
                [Classified] public string Code { get; set; } = "";

                void Connect(ILogger logger, [Sensitive] string value, Credential credential, Settings settings)
                {
                    logger.LogInformation("{A}", {|PUX001:Company|});
                    logger.LogInformation("{A}", {|PUX001:value|});
                    logger.LogInformation("{A}", {|PUX001:credential|});
                    logger.LogInformation("{A}", {|PUX001:settings.Value|});
                    logger.LogInformation("{A}", {|PUX001:Code|});
                }
            }
            """;
        await Verify.VerifyAsync(source, "pleouxguard.secret_attributes = Classified\n");
    }

    [Fact]
    public async Task Configured_words_types_and_vetoes_extend_the_model()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            namespace Acme.Vault { sealed class SecretValue { } }

            class Connector
            {
                void Connect(ILogger logger, string cardPin, Acme.Vault.SecretValue value, string tokenNonce, string signingKeyPem, string demoTenantToken, string demoToken)
                {
                    logger.LogInformation("{A}", {|PUX001:cardPin|});
                    logger.LogInformation("{A}", {|PUX001:value|});
                    logger.LogInformation("{A}", tokenNonce);
                    logger.LogInformation("{A}", {|PUX001:signingKeyPem|});
                    logger.LogInformation("{A}", demoTenantToken);
                    logger.LogInformation("{A}", {|PUX001:demoToken|});
                }
            }
            """;
        await Verify.VerifyAsync(source, "pleouxguard.secret_words = pin, signing key\npleouxguard.secret_types = Acme.Vault.SecretValue\npleouxguard.veto_words = nonce, demo tenant\n");
    }

    [Fact]
    public async Task A_projection_holds_what_its_lambda_returns()
    {
        // connections.Select(c => c.ApiKey) holds every connection's key; a projection to another member, or to the
        // key's length, holds none.
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;

            sealed class Connection
            {
                public string CompanyId { get; init; } = "";
                public string ApiKey { get; init; } = "";
            }

            class Audit
            {
                void Write(ILogger logger, IReadOnlyList<Connection> connections)
                {
                    logger.LogInformation("{Keys}", string.Join(",", connections.Select(c => {|PUX001:c.ApiKey|})));
                    var keys = connections.Select(c => { var key = c.ApiKey; return key.Trim(); }).ToList();
                    logger.LogInformation("{Keys}", {|PUX001:keys|});
                    logger.LogInformation("{Companies}", string.Join(",", connections.Select(c => c.CompanyId)));
                    logger.LogInformation("{Lengths}", string.Join(",", connections.Select(c => c.ApiKey.Length)));
                    logger.LogInformation("{Ends}", string.Join(",", connections.Select(c => c.ApiKey[^4..])));
                    logger.LogInformation("{Companies}", string.Join(",", connections.Select(c => { string Key() { return c.ApiKey; } return Key().Length > 0 ? c.CompanyId : ""; })));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_query_s_projection_holds_what_its_expression_returns()
    {
        // db.Connections.Select(c => c.ApiKey): the lambda is an expression tree, the keys are what the query reads.
        // Entity Framework's ToListAsync and the like hand back what the query selects. The stub stands in for the
        // package, declared as it declares these methods.
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;

            namespace Microsoft.EntityFrameworkCore
            {
                public static class EntityFrameworkQueryableExtensions
                {
                    public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source) => Task.FromResult(source.ToList());
                    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source) => Task.FromResult(source.FirstOrDefault());
                }
            }

            sealed class Connection
            {
                public string CompanyId { get; init; } = "";
                public string ApiKey { get; init; } = "";
            }

            class Audit
            {
                async Task Write(ILogger logger, IQueryable<Connection> connections)
                {
                    var direct = connections.Select(c => c.ApiKey);
                    logger.LogInformation("{Keys}", {|PUX001:direct|});
                    logger.LogInformation("{Keys}", connections.Select(c => {|PUX001:c.ApiKey|}));
                    var keys = await connections.Where(c => c.CompanyId != "").Select(c => c.ApiKey).ToListAsync();
                    logger.LogInformation("{Keys}", {|PUX001:keys|});
                    var first = await connections.Select(c => c.ApiKey).FirstOrDefaultAsync();
                    logger.LogInformation("{Key}", {|PUX001:first|});
                    var companies = await connections.Select(c => c.CompanyId).ToListAsync();
                    logger.LogInformation("{Companies}", companies);
                    logger.LogInformation("{Ends}", connections.Select(c => c.ApiKey.Substring(c.ApiKey.Length - 4)));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task What_a_request_sent_under_a_secrets_name_is_a_secret()
    {
        // Request.Form["Input.ApiKey"] (a model-bound field, named with its prefix), Request.Query["api_key"] and
        // Request.Headers["X-Pleo-Key"]: the key as the client sent it; the Authorization header, by its place, however
        // its name is written or read. Other fields and headers are not.
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, HttpRequest request)
                {
                    logger.LogInformation("{A}", {|PUX001:request.Form["Input.ApiKey"]|});
                    logger.LogInformation("{A}", {|PUX001:request.Query["api_key"]|});
                    logger.LogInformation("{A}", {|PUX001:request.Headers["X-Pleo-Key"]|});
                    logger.LogInformation("{A}", {|PUX001:request.Headers["X-Api-Key"]|}.ToString());
                    logger.LogInformation("{A}", {|PUX001:request.Headers["Authorization"]|});
                    logger.LogInformation("{A}", {|PUX001:request.Headers["proxy-authorization"]|});
                    var sent = request.Headers["authorization"].ToString();
                    logger.LogInformation("{A}", {|PUX001:sent|});
                    if (request.Headers.TryGetValue("Authorization", out var header))
                    {
                        logger.LogInformation("{A}", {|PUX001:header|});
                    }

                    logger.LogInformation("{A}", request.Form["Input.CompanyId"]);
                    logger.LogInformation("{A}", request.Query["page"]);
                    logger.LogInformation("{A}", request.Headers["X-Request-Id"]);
                    logger.LogInformation("{A}", request.Headers["Accept"]);
                    var name = "Input.ApiKey";
                    logger.LogInformation("{A}", request.Form.ContainsKey(name));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_object_printed_by_its_own_ToString_or_PrintMembers_is_left_to_PUX003()
    {
        // A ToString or PrintMembers written in the project decides what the object prints, and PUX003 judges it there
        // (once, not at every call). A record printed by the compiler's code prints its members at each call; an "@"
        // hole writes the members whatever ToString says.
        const string source = """
            using Microsoft.Extensions.Logging;

            public sealed record PrintedByCompiler(string CompanyId, string ApiKey);
            public sealed record OwnPrintMembers(string CompanyId, string ApiKey)
            {
                private bool PrintMembers(System.Text.StringBuilder builder) { builder.Append("CompanyId = ").Append(CompanyId); return true; }
            }
            public sealed class OwnToString { public string ApiKey { get; init; } = ""; public override string ToString() => "key ••••" + ApiKey[^4..]; }
            public class Base { public override string ToString() => "a connection"; }
            public sealed class Derived : Base { public string ApiKey { get; init; } = ""; }

            public sealed class Connector
            {
                void Connect(ILogger logger, string apiKey)
                {
                    logger.LogDebug("{C}", new PrintedByCompiler("c", {|PUX001:apiKey|}));
                    logger.LogDebug("{C}", new OwnPrintMembers("c", apiKey));
                    logger.LogDebug("{C}", new OwnToString { ApiKey = apiKey });
                    logger.LogDebug("{C}", new Derived { ApiKey = apiKey });
                    logger.LogDebug($"Connecting {new OwnToString { ApiKey = apiKey }}");
                    logger.LogDebug("{@C}", new OwnToString { ApiKey = {|PUX001:apiKey|} });
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_record_copied_with_a_secret_carries_it()
    {
        // Rotation: the copy holds the new key; a copy given anything else is judged by its type (PUX003's record).
        const string source = """
            using Microsoft.Extensions.Logging;

            public sealed record PleoConnection(string CompanyId, string ApiKey);

            public sealed class Rotator
            {
                void Rotate(ILogger logger, PleoConnection current, string newApiKey, string companyId)
                {
                    var rotated = current with { ApiKey = newApiKey };
                    logger.LogInformation("Rotated {Connection}", {|PUX001:rotated|});
                    logger.LogInformation("Rotated {Connection}", {|PUX001:current with { ApiKey = newApiKey }|});
                    logger.LogInformation("Moved {Connection}", current with { CompanyId = companyId });
                    logger.LogInformation("Masked {Connection}", current with { ApiKey = "••••" + newApiKey[^4..] });
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Serialized_text_leaves_out_what_a_JsonIgnore_hides()
    {
        const string source = """
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Microsoft.Extensions.Logging;

            public sealed record HiddenKey(string CompanyId, [property: JsonIgnore] string ApiKey);
            public sealed record ShownKey(string CompanyId, string ApiKey);

            public sealed class Connector
            {
                void Connect(ILogger logger, string apiKey)
                {
                    logger.LogDebug("{Json}", JsonSerializer.Serialize(new HiddenKey("c", apiKey)));
                    // An object made in the call is judged by what it is given: the key, reported where it is given.
                    logger.LogDebug("{Json}", JsonSerializer.Serialize(new ShownKey("c", {|PUX001:apiKey|})));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Serilog_request_logging_diagnostic_context_is_a_log()
    {
        // UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (context, http) => context.Set(…)): each value is a
        // property of the request's completion event. IDiagnosticContext comes from Serilog.Extensions.Hosting, declared
        // here as that package declares it.
        const string source = """
            using Microsoft.AspNetCore.Http;

            namespace Serilog
            {
                public interface IDiagnosticContext { void Set(string propertyName, object? value, bool destructureObjects = false); }
            }

            static class RequestLogging
            {
                static void Enrich(Serilog.IDiagnosticContext context, HttpContext http, string apiKey)
                {
                    context.Set("Authorization", {|PUX001:http.Request.Headers.Authorization|}.ToString());
                    context.Set("PleoKey", {|PUX001:apiKey|});
                    context.Set("Path", http.Request.Path.Value);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task What_model_state_holds_for_a_secret_field_is_a_secret()
    {
        // ModelState["Input.ApiKey"].AttemptedValue: the key as the browser sent it, kept for the form to show again.
        // The entry's errors and state, and other fields' values, are not secrets.
        const string source = """
            using Microsoft.AspNetCore.Mvc.ModelBinding;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Refuse(ILogger logger, ModelStateDictionary modelState)
                {
                    logger.LogWarning("{A}", {|PUX001:modelState["Input.ApiKey"]!.AttemptedValue|});
                    logger.LogWarning("{A}", modelState["ApiKey"]?{|PUX001:.RawValue|});
                    var entry = modelState["Input.ApiKey"]!;
                    logger.LogWarning("{A}", {|PUX001:entry.AttemptedValue|});
                    logger.LogWarning("{A}", modelState["Input.CompanyId"]!.AttemptedValue);
                    logger.LogWarning("{A}", modelState["Input.ApiKey"]!.Errors.Count);
                    logger.LogWarning("{A}", modelState["Input.ApiKey"]!.ValidationState);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_entry_read_with_TryGetValue_is_judged_as_the_indexer_reads_it()
    {
        // TryGetValue("X-Pleo-Key", out var value) gives value what Headers["X-Pleo-Key"] reads: the client's key. The
        // same for a model-state entry of a secret field and an entry of a local dictionary stored under a key.
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc.ModelBinding;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                // No other secret in these bodies: the read alone makes them bodies that read one.
                void Header(ILogger logger, HttpRequest request)
                {
                    if (request.Headers.TryGetValue("X-Pleo-Key", out var sent))
                        logger.LogWarning("{A}", {|PUX001:sent|});
                }

                void Query(ILogger logger, HttpRequest request)
                {
                    if (request.Query.TryGetValue("api_key", out var query))
                        logger.LogWarning("{A}", {|PUX001:query|}.ToString());
                }

                void Field(ILogger logger, ModelStateDictionary modelState)
                {
                    if (modelState.TryGetValue("Input.ApiKey", out var entry))
                        logger.LogWarning("{A}", {|PUX001:entry.AttemptedValue|});
                }

                void Stored(ILogger logger, string apiKey)
                {
                    var settings = new Dictionary<string, string> { ["pleo"] = apiKey, ["region"] = "eu" };
                    if (settings.TryGetValue("pleo", out var stored))
                        logger.LogWarning("{A}", {|PUX001:stored|});
                    if (settings.TryGetValue("region", out var region))
                        logger.LogWarning("{A}", region);
                }

                // Other headers and fields are not secrets.
                void Others(ILogger logger, HttpRequest request, ModelStateDictionary modelState)
                {
                    if (request.Headers.TryGetValue("X-Request-Id", out var requestId))
                        logger.LogWarning("{A}", requestId);
                    if (modelState.TryGetValue("Input.CompanyId", out var company))
                        logger.LogWarning("{A}", company.AttemptedValue);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("public string ApiKey { get; set; } = \"\";", "optionsBuilder.{|PUX001:EnableSensitiveDataLogging()|}")]
    [InlineData("public string ApiKey { get; set; } = \"\";", "optionsBuilder\n            .{|PUX001:EnableSensitiveDataLogging(true)|}")]
    [InlineData("public string ApiKey { get; set; } = \"\";", "optionsBuilder.EnableSensitiveDataLogging(false)")]
    [InlineData("public string EncryptedApiKey { get; set; } = \"\";", "optionsBuilder.EnableSensitiveDataLogging()")]
    [InlineData("public string CompanyId { get; set; } = \"\";", "optionsBuilder.EnableSensitiveDataLogging()")]
    public async Task Entity_Framework_s_sensitive_data_logging_logs_an_entity_s_stored_secret(string member, string call)
    {
        // With sensitive data logging on, EF logs every command's parameter values: a stored key whenever it is saved or
        // queried by. Off, or with no entity holding a secret, nothing of the kind is logged. The stub stands in for
        // EF Core, declared as it declares these types.
        var source = $$"""
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContextOptionsBuilder { public virtual DbContextOptionsBuilder EnableSensitiveDataLogging(bool sensitiveDataLoggingEnabled = true) => this; }
                public class DbContext { protected virtual void OnConfiguring(DbContextOptionsBuilder optionsBuilder) { } }
                public class DbSet<TEntity> where TEntity : class { }
            }

            namespace Sync.Data
            {
                using Microsoft.EntityFrameworkCore;

                public sealed class Connection
                {
                    public int Id { get; set; }
                    {{member}}
                }

                public sealed class SyncContext : DbContext
                {
                    public DbSet<Connection> Connections { get; set; } = null!;

                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => {{call}};
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Raw_sql_and_query_tags_are_logged_by_Entity_Framework()
    {
        // EF logs each command's text; an interpolated ExecuteSql sends its holes as parameters. The stub stands in for
        // EF Core, declared as it declares these methods.
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            namespace Microsoft.EntityFrameworkCore
            {
                public sealed class DatabaseFacade { }
                public static class EntityFrameworkQueryableExtensions { public static IQueryable<T> TagWith<T>(this IQueryable<T> source, string tag) => source; }
                public static class RelationalQueryableExtensions { public static IQueryable<T> FromSqlRaw<T>(this IQueryable<T> source, string sql, params object[] parameters) => source; }
                public static class RelationalDatabaseFacadeExtensions
                {
                    public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => Task.FromResult(0);
                    public static Task<int> ExecuteSqlAsync(this DatabaseFacade databaseFacade, FormattableString sql) => Task.FromResult(0);
                }
            }

            namespace Sync
            {
                using Microsoft.EntityFrameworkCore;

                sealed class Repository
                {
                    async Task Save(DatabaseFacade database, IQueryable<string> rows, string apiKey, string tenantId)
                    {
                        await database.ExecuteSqlRawAsync($"UPDATE Connections SET ApiKey = '{{|PUX001:apiKey|}}' WHERE TenantId = '{tenantId}'");
                        var tagged = rows.TagWith($"lookup by key {{|PUX001:apiKey|}}");
                        var raw = rows.FromSqlRaw("SELECT * FROM Connections WHERE ApiKey = '" + {|PUX001:apiKey|} + "'");
                        // Sent as parameters: the values are not in the command's text.
                        await database.ExecuteSqlRawAsync("UPDATE Connections SET ApiKey = {0} WHERE TenantId = {1}", apiKey, tenantId);
                        await database.ExecuteSqlAsync($"UPDATE Connections SET ApiKey = {apiKey} WHERE TenantId = {tenantId}");
                    }
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_configuration_s_debug_view_prints_every_secret_setting()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            // A debug view of the project's own is not the configuration's.
            sealed class Widget
            {
                public string GetDebugView() => "widget";
            }

            class Startup
            {
                void Dump(ILogger logger, IConfigurationRoot root, Widget widget)
                {
                    logger.LogTrace("Configuration:\n{Config}", {|PUX001:root.GetDebugView()|});
                    var view = root.GetDebugView();
                    logger.LogTrace("{Config}", {|PUX001:view|});
                    logger.LogTrace("{Widget}", widget.GetDebugView());
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_background_job_s_arguments_are_stored_and_shown_on_the_dashboard()
    {
        // Hangfire serializes the job's call with its arguments into its storage, and its dashboard shows them.
        const string source = """
            using System;
            using System.Linq.Expressions;
            using System.Threading.Tasks;
            using Hangfire;

            namespace Hangfire
            {
                public interface IBackgroundJobClient { }
                public interface IRecurringJobManager { }
                public static class BackgroundJob
                {
                    public static string Enqueue(Expression<Action> methodCall) => "";
                    public static string Enqueue<T>(Expression<Func<T, Task>> methodCall) => "";
                    public static string Schedule(Expression<Func<Task>> methodCall, TimeSpan delay) => "";
                }
                public static class BackgroundJobClientExtensions
                {
                    public static string Enqueue(this IBackgroundJobClient client, Expression<Func<Task>> methodCall) => "";
                }
                public static class RecurringJob
                {
                    public static void AddOrUpdate(string recurringJobId, Expression<Func<Task>> methodCall, string cronExpression) { }
                }
            }

            public sealed class SyncJob
            {
                public Task Run(string companyId, string apiKey) => Task.CompletedTask;
                public Task RunFor(string companyId) => Task.CompletedTask;
                public static void Notify(string companyId, string apiKey) { }
            }

            sealed class Scheduler(IBackgroundJobClient jobs, SyncJob sync)
            {
                public void Schedule(string companyId, string apiKey)
                {
                    BackgroundJob.Enqueue(() => SyncJob.Notify(companyId, {|PUX001:apiKey|}));
                    BackgroundJob.Enqueue<SyncJob>(job => job.Run(companyId, {|PUX001:apiKey|}));
                    BackgroundJob.Schedule(() => sync.Run(companyId, {|PUX001:apiKey|}), TimeSpan.FromMinutes(5));
                    jobs.Enqueue(() => sync.Run(companyId, {|PUX001:apiKey|}));
                    RecurringJob.AddOrUpdate("sync-" + companyId, () => sync.Run(companyId, {|PUX001:apiKey|}), "0 * * * *");

                    // The job reads the key from the store by the company's id when it runs.
                    BackgroundJob.Enqueue<SyncJob>(job => job.RunFor(companyId));
                    jobs.Enqueue(() => sync.RunFor(companyId));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_protobuf_message_prints_every_field_its_secret_ones_among_them()
    {
        // What Grpc.Tools writes into obj/: a message whose generated ToString is JsonFormatter.ToDiagnosticString(this).
        const string generated = """
            // <auto-generated>
            //     Generated by the protocol buffer compiler.  DO NOT EDIT!
            // </auto-generated>
            namespace Google.Protobuf
            {
                public interface IMessage { }
                public interface IMessage<T> : IMessage where T : IMessage<T> { }
                public sealed class JsonFormatter { public static string ToDiagnosticString(IMessage message) => "{}"; }
            }

            namespace Expenses.Sync
            {
                public sealed partial class ConnectRequest : global::Google.Protobuf.IMessage<ConnectRequest>
                {
                    public string CompanyId { get; set; } = "";
                    public string ApiKey { get; set; } = "";
                    public override string ToString() => global::Google.Protobuf.JsonFormatter.ToDiagnosticString(this);
                }

                public sealed partial class ConnectReply : global::Google.Protobuf.IMessage<ConnectReply>
                {
                    public string State { get; set; } = "";
                    public override string ToString() => global::Google.Protobuf.JsonFormatter.ToDiagnosticString(this);
                }
            }
            """;
        const string source = """
            using System;
            using Expenses.Sync;
            using Microsoft.Extensions.Logging;

            sealed class ConnectService(ILogger<ConnectService> logger)
            {
                public ConnectReply Connect(ConnectRequest request)
                {
                    logger.LogInformation("Connect {Request}", {|PUX001:request|});
                    logger.LogDebug($"Connect {{|PUX001:request|}}");
                    Console.WriteLine({|PUX001:request|}.ToString());
                    logger.LogInformation("Connect for {CompanyId}", request.CompanyId);
                    var forwarded = request;
                    logger.LogInformation("Forwarding {Request}", {|PUX001:forwarded|});

                    // Made here without the key, they print none.
                    var outgoing = new ConnectRequest { CompanyId = request.CompanyId };
                    logger.LogInformation("Sending {Request}", outgoing);
                    logger.LogInformation("Sending {Request}", new ConnectRequest { CompanyId = request.CompanyId });
                    var reply = new ConnectReply { State = "Connected" };
                    logger.LogInformation("Replied {Reply}", reply);
                    return reply;
                }

                // Each message of a batch or of a client stream was received too.
                public async System.Threading.Tasks.Task Import(System.Collections.Generic.List<ConnectRequest> batch, System.Collections.Generic.IAsyncEnumerable<ConnectRequest> stream)
                {
                    foreach (var item in batch)
                    {
                        logger.LogInformation("Importing {Item}", {|PUX001:item|});
                    }

                    await foreach (var item in stream)
                    {
                        logger.LogInformation("Importing {Item}", {|PUX001:item|});
                    }

                    foreach (var sent in new[] { new ConnectReply() })
                    {
                        logger.LogInformation("Sent {Reply}", sent);
                    }
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/obj/Protos/Connect.cs", generated));
        await test.RunAsync();
    }

    /// <summary>
    /// A mediator's pipeline behavior sees every request as <c>TRequest</c>: destructuring it writes the members of each
    /// request type, so in a project with a request that has a secret member the behavior logs that member too.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pipeline_behavior_destructuring_its_request_writes_the_secret_members_of_the_projects_requests(bool requestWithKey)
    {
        var member = requestWithKey ? "string ApiKey" : "string KeyEnding";
        var logged = requestWithKey ? "{|PUX001:request|}" : "request";
        var source = $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;
            using Microsoft.Extensions.Logging;

            namespace MediatR
            {
                public interface IBaseRequest { }
                public interface IRequest<out TResponse> : IBaseRequest { }
                public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();
                public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull
                {
                    Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
                }
            }

            namespace Sync.Commands
            {
                public sealed record ConnectPleo(string CompanyId, {{member}}) : IRequest<bool>;
            }

            public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
                where TRequest : notnull
            {
                public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
                {
                    logger.LogInformation("Handling {@Request}", {{logged}});
                    logger.LogInformation("Handling {RequestType}", typeof(TRequest).Name);
                    return await next();
                }
            }

            // Not a request: settings are not what a behavior sees.
            public sealed class PleoSettings
            {
                public string ApiKey { get; set; } = "";
            }

            // Not a pipeline behavior: its T is whatever its callers give.
            public sealed class Audit<T>(ILogger logger)
            {
                public void Log(T value) => logger.LogInformation("Value {@Value}", value);
            }

            public static class Tracing
            {
                public static void Log<T>(ILogger logger, T value) => logger.LogInformation("Value {@Value}", value);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// A gRPC interceptor sees every call's messages as <c>TRequest</c> and <c>TResponse</c>: logging them prints each
    /// message's fields, so in a project with a message that has a secret field the interceptor logs that field too. In a
    /// project whose messages hold none, it logs nothing secret.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_gRPC_interceptor_logging_its_messages_prints_the_secret_fields_of_the_projects_messages(bool messageWithKey)
    {
        var secretField = messageWithKey ? "public string ApiKey { get; set; } = \"\";" : "public string KeyEnding { get; set; } = \"\";";
        var generated = $$"""
            // <auto-generated>
            //     Generated by the protocol buffer compiler.  DO NOT EDIT!
            // </auto-generated>
            namespace Google.Protobuf
            {
                public interface IMessage { }
                public sealed class JsonFormatter { public static string ToDiagnosticString(IMessage message) => "{}"; }
            }

            namespace Grpc.Core
            {
                public abstract class ServerCallContext { }
                public delegate System.Threading.Tasks.Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context);
            }

            namespace Grpc.Core.Interceptors
            {
                public abstract class Interceptor
                {
                    public virtual System.Threading.Tasks.Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, Grpc.Core.ServerCallContext context, Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
                        where TRequest : class where TResponse : class => continuation(request, context);
                }
            }

            namespace Expenses.Sync
            {
                public sealed partial class ConnectRequest : global::Google.Protobuf.IMessage
                {
                    public string CompanyId { get; set; } = "";
                    {{secretField}}
                    public override string ToString() => global::Google.Protobuf.JsonFormatter.ToDiagnosticString(this);
                }
            }
            """;
        var logged = messageWithKey ? "{|PUX001:request|}" : "request";
        var source = $$"""
            using System.Threading.Tasks;
            using Grpc.Core;
            using Grpc.Core.Interceptors;
            using Microsoft.Extensions.Logging;

            sealed class LoggingInterceptor(ILogger<LoggingInterceptor> logger) : Interceptor
            {
                public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
                {
                    logger.LogInformation("Request {Request}", {{logged}});
                    logger.LogInformation("Request of {Type}", typeof(TRequest).Name);
                    return await continuation(request, context);
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/obj/Protos/Connect.cs", generated));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_listing_of_the_configuration_holds_every_secret_setting_its_keys_do_not()
    {
        // Dumping every setting at start-up: each value may be the key, each key is only a setting's name.
        const string source = """
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            sealed class Settings
            {
                public IEnumerable<string> AsEnumerable() => new[] { "a" };
            }

            class Startup
            {
                void Dump(ILogger logger, IConfiguration configuration, Settings own)
                {
                    foreach (var pair in configuration.AsEnumerable())
                    {
                        logger.LogDebug("{Key}={Value}", pair.Key, {|PUX001:pair.Value|});
                    }

                    foreach (var (key, value) in configuration.AsEnumerable())
                    {
                        logger.LogDebug("{Key}={Value}", key, {|PUX001:value|});
                    }

                    foreach (var (name, _) in configuration.AsEnumerable())
                    {
                        logger.LogDebug("{Name}", name);
                    }

                    logger.LogDebug("{All}", string.Join(", ", {|PUX001:configuration.AsEnumerable()|}));
                    logger.LogDebug("{All}", string.Join("\n", configuration.AsEnumerable().Select(p => $"{p.Key}={{|PUX001:p.Value|}}")));
                    logger.LogDebug("{All}", configuration.AsEnumerable().ToDictionary(p => p.Key, p => {|PUX001:p.Value|}));
                    logger.LogDebug("{Keys}", string.Join(", ", configuration.AsEnumerable().Select(p => p.Key)));
                    foreach (var child in configuration.GetChildren())
                    {
                        logger.LogDebug("{Path}={Value}", child.Path, {|PUX001:child.Value|});
                    }

                    // A section named for what holds a Pleo key lists it; the logging section holds none.
                    logger.LogDebug("{Pleo}", string.Join(", ", {|PUX001:configuration.GetSection("Pleo").AsEnumerable()|}));
                    logger.LogDebug("{Pleo}", string.Join(", ", configuration.GetSection("PleoApi").GetChildren().Select(c => {|PUX001:c.Value|})));
                    logger.LogDebug("{Logging}", string.Join(", ", configuration.GetSection("Logging").AsEnumerable()));
                    foreach (var child in configuration.GetSection("Logging:LogLevel").GetChildren())
                    {
                        logger.LogDebug("{Path}={Value}", child.Path, child.Value);
                    }

                    logger.LogDebug("{Own}", string.Join(", ", own.AsEnumerable()));

                    // Read back by name, an entry of the listing is judged by it.
                    var settings = configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value);
                    logger.LogDebug("{Level}", settings["Logging:LogLevel:Default"]);
                    logger.LogDebug("{Key}", {|PUX001:settings|}["Pleo:ApiKey"]);
                    logger.LogDebug("{Level}", configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value)["Logging:LogLevel:Default"]);
                    logger.LogDebug("{All}", string.Join(", ", {|PUX001:settings|}));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_listing_of_the_environment_holds_every_secret_variable_one_read_by_name_is_judged_by_it()
    {
        const string source = """
            using System;
            using System.Collections;
            using Microsoft.Extensions.Logging;

            class Startup
            {
                void Dump(ILogger logger)
                {
                    foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
                    {
                        logger.LogDebug("{Name}={Value}", variable.Key, {|PUX001:variable.Value|});
                    }

                    logger.LogDebug("{Path}", Environment.GetEnvironmentVariables()["PATH"]);
                    logger.LogDebug("{Key}", {|PUX001:Environment.GetEnvironmentVariables()["PLEO_API_KEY"]|});
                    var all = Environment.GetEnvironmentVariables();
                    logger.LogDebug("{Path}", all["PATH"]);
                    logger.LogDebug("{Key}", {|PUX001:all|}["PLEO_API_KEY"]);
                    logger.LogDebug("{Count}", all.Count);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_collection_s_values_and_elements_hold_what_was_stored_its_keys_do_not()
    {
        string[] cases =
        {
            "foreach (var pair in settings) logger.LogDebug(\"{K}={V}\", pair.Key, {|PUX001:pair.Value|});",
            "foreach (var (name, value) in settings) logger.LogDebug(\"{K}={V}\", name, {|PUX001:value|});",
            "foreach (var value in settings.Values) logger.LogDebug(\"{V}\", {|PUX001:value|});",
            "foreach (var name in settings.Keys) logger.LogDebug(\"{K}\", name);",
            // An element taken from a collection is whole, not a part of a text (PUX005 is for a text's characters).
            "var first = settings.First(); logger.LogDebug(\"{K} {V}\", first.Key, {|PUX001:first.Value|});",
            "logger.LogDebug(\"{V}\", {|PUX001:settings.Where(p => p.Key.Length > 0).Single().Value|});",
            // A lambda's parameter is each element of its source.
            "logger.LogDebug(\"{All}\", string.Join(\",\", stored.Select(k => $\"key={{|PUX001:k|}}\")));",
            "logger.LogDebug(\"{Count}\", stored.Count(k => k.Length > 0));",
        };
        await Verify.VerifyAsync(InMethod(
            "var settings = new Dictionary<string, string> { [\"ApiKey\"] = apiKey }; var stored = new List<string> { apiKey };\n" + Blocks(cases)));
    }

    [Fact]
    public async Task A_value_bound_from_a_request_value_named_for_a_secret_is_a_secret()
    {
        // [FromHeader(Name = "X-Pleo-Key")] binds what Request.Headers["X-Pleo-Key"] reads, whatever the parameter is called.
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public sealed class ConnectForm
            {
                [FromForm(Name = "Input.ApiKey")] public string Pasted { get; set; } = "";
                [FromForm(Name = "Input.CompanyId")] public string Company { get; set; } = "";
            }

            public sealed class HooksController(ILogger<HooksController> logger) : ControllerBase
            {
                public IActionResult Receive([FromHeader(Name = "X-Pleo-Key")] string sent, [FromQuery(Name = "api_key")] string query,
                    [FromHeader(Name = "X-Request-Id")] string requestId, ConnectForm form)
                {
                    logger.LogInformation("{Sent} {Query}", {|PUX001:sent|}, {|PUX001:query|});
                    logger.LogInformation("{Pasted}", {|PUX001:form.Pasted|});
                    logger.LogInformation("{RequestId} {Company}", requestId, form.Company);
                    return Ok();
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Configuration_lookups_of_secret_keys_are_secrets()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, IConfiguration configuration)
                {
                    logger.LogInformation("{A}", {|PUX001:configuration["Pleo:ApiKey"]|});
                    logger.LogInformation("{A}", configuration["Pleo:BaseUrl"]);
                    logger.LogInformation("{A}", {|PUX001:configuration.GetValue<string>("Pleo:ApiKey")|});
                    logger.LogInformation("{A}", {|PUX001:configuration.GetValue<string>("Pleo__ApiKey", "none")|});
                    logger.LogInformation("{A}", {|PUX001:ConfigurationBinder.GetValue<string>(configuration, key: "Pleo:ApiKey")|});
                    logger.LogInformation("{A}", {|PUX001:configuration.GetSection("Pleo:ApiKey").Value|});
                    logger.LogInformation("{A}", {|PUX001:configuration.GetRequiredSection("Pleo:ApiKey").Value|});
                    var section = configuration.GetSection("Pleo:ApiKey");
                    logger.LogInformation("{A}", {|PUX001:section.Value|});
                    logger.LogInformation("{A}", configuration.GetValue<string>("Pleo:BaseUrl"));
                    logger.LogInformation("{A}", configuration.GetValue<int>("Pleo:TokenLifetime"));
                    logger.LogInformation("{A}", configuration.GetSection("Pleo:BaseUrl").Value);
                    logger.LogInformation("{A}", configuration.GetSection("Pleo:ApiKey").Key);
                    logger.LogInformation("{A}", configuration.GetSection("Pleo:ApiKey").Path);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_setting_whose_section_and_key_together_name_a_secret_is_a_secret()
    {
        // Pleo:Key is a Pleo key as PLEO_KEY is; Cache:Key is no secret, and the Key of a section named for a secret
        // (ApiKey:Key) is judged by its own name: such a section configures a scheme, often a header's name.
        const string source = """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, IConfiguration configuration)
                {
                    logger.LogInformation("{A}", {|PUX001:configuration["Pleo:Key"]|});
                    logger.LogInformation("{A}", {|PUX001:configuration.GetValue<string>("Integration__Key")|});
                    logger.LogInformation("{A}", {|PUX001:configuration.GetSection("Pleo")["Key"]|});
                    var pleo = configuration.GetRequiredSection("Pleo");
                    logger.LogInformation("{A}", {|PUX001:pleo.GetValue<string>("Key")|});
                    logger.LogInformation("{A}", {|PUX001:Environment.GetEnvironmentVariable("PLEO__KEY")|});

                    logger.LogInformation("{A}", configuration["Cache:Key"]);
                    logger.LogInformation("{A}", configuration["Swagger:OpenApi:Key"]);
                    logger.LogInformation("{A}", configuration["ApiKey:Key"]);
                    logger.LogInformation("{A}", configuration["Pleo:KeyId"]);
                    logger.LogInformation("{A}", configuration["Key"]);
                    logger.LogInformation("{A}", configuration.GetSection("Cache")["Key"]);
                    logger.LogInformation("{A}", Environment.GetEnvironmentVariable("CACHE__KEY"));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_configuration_read_with_GetValue_or_GetSection_is_followed_when_it_is_the_bodys_only_secret()
    {
        // Each read alone in its body: with an indexer beside it, the body was followed for the indexer's sake.
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void ByValue(ILogger logger, IConfiguration configuration)
                {
                    var pleo = configuration.GetValue<string>("Pleo:ApiKey");
                    logger.LogInformation("{A}", {|PUX001:pleo|});
                }

                void BySection(ILogger logger, IConfiguration configuration) =>
                    logger.LogInformation("{A}", {|PUX001:configuration.GetRequiredSection("Pleo:ApiKey").Value|});

                void NotASecret(ILogger logger, IConfiguration configuration) =>
                    logger.LogInformation("{A}", configuration.GetValue<string>("Pleo:BaseUrl"));
            }
            """;
        await Verify.VerifyAsync(source);
    }

    // ---- Flow inside a method ----

    [Fact]
    public async Task Secrets_flow_through_locals_and_string_operations()
    {
        string[] cases =
        {
            "var copy = apiKey; logger.LogInformation({|PUX001:copy|});",
            "var message = $\"key={apiKey}\"; logger.LogInformation({|PUX001:message|});",
            "var message = \"key=\" + apiKey; logger.LogInformation({|PUX001:message|});",
            "logger.LogInformation(string.Format(\"key={0}\", {|PUX001:apiKey|}));",
            "logger.LogInformation(string.Concat(\"key=\", {|PUX001:apiKey|}));",
            "logger.LogInformation(string.Join(\",\", \"a\", {|PUX001:apiKey|}));",
            "var sb = new StringBuilder(); sb.Append(\"key=\").Append(apiKey); logger.LogInformation({|PUX001:sb|}.ToString());",
            "var sb = new StringBuilder(); sb.AppendLine(apiKey); var text = sb.ToString(); logger.LogInformation({|PUX001:text|});",
            "logger.LogInformation({|PUX001:apiKey|}.ToString());",
            "logger.LogInformation({|PUX001:apiKey|}.Trim());",
            "logger.LogInformation({|PUX001:apiKey|}.ToUpperInvariant());",
            "logger.LogInformation(new string({|PUX001:apiKey|}.AsSpan()));",
            "logger.LogInformation(new string({|PUX001:apiKey|}.ToCharArray()));",
            "logger.LogInformation(apiKey.Length > 0 ? {|PUX001:apiKey|} : \"none\");",
            "logger.LogInformation({|PUX001:apiKey|} ?? \"none\");",
            "logger.LogInformation({|PUX001:apiKey|}?.Trim());",
            "var pair = (Name: \"pleo\", Key: apiKey); logger.LogInformation(\"{Pair}\", {|PUX001:pair|});",
            "var values = new[] { \"pleo\", apiKey }; logger.LogInformation(\"{Values}\", {|PUX001:values|});",
            "string[] values = [\"pleo\", apiKey]; logger.LogInformation(\"{Values}\", {|PUX001:values|});",
            "logger.LogInformation(\"{@Request}\", new { Company = \"pleo\", Key = {|PUX001:apiKey|} });",
            "logger.LogInformation(\"{@Request}\", new Dictionary<string, string> { [\"key\"] = {|PUX001:apiKey|} });",
            "logger.LogInformation(Convert.ToBase64String(Encoding.UTF8.GetBytes({|PUX001:apiKey|})));",
            "foreach (var key in new[] { apiKey }) { logger.LogInformation({|PUX001:key|}); }",
            "var (a, b) = (\"x\", apiKey); logger.LogInformation({|PUX001:b|});",
            "var text = \"\"; text += apiKey; logger.LogInformation({|PUX001:text|});",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task A_deconstructed_element_is_the_member_it_takes_not_the_whole_object()
    {
        // var (tenantId, companyId, key) = credentials: each variable is what the member read would carry
        // (credentials.CompanyId is no secret, credentials.ApiKey is), by the Deconstruct's out parameters: a
        // record's positional members, or a written Deconstruct's parameters matched to members by name.
        const string source = """
            using Microsoft.Extensions.Logging;

            sealed record Creds(string TenantId, string CompanyId, string ApiKey);

            sealed class Pair(string companyId, string apiKey)
            {
                public string CompanyId { get; } = companyId;
                public string ApiKey { get; } = apiKey;
                public void Deconstruct(out string companyId, out string apiKey) => (companyId, apiKey) = (CompanyId, ApiKey);
            }

            // Out parameters named for no member: each variable is judged by what the whole object carries.
            sealed record Opaque(string ApiKey)
            {
                public void Deconstruct(out string first, out string second) => (first, second) = ("pleo", ApiKey);
            }

            class Connector
            {
                void Log(ILogger logger, string apiKey)
                {
                    var (tenantId, companyId, key) = new Creds("tenant", "company", apiKey);
                    logger.LogDebug("{TenantId} {CompanyId}", tenantId, companyId);
                    logger.LogDebug("{Key}", {|PUX001:key|});

                    var (company, held) = new Pair("company", apiKey);
                    logger.LogDebug("{CompanyId}", company);
                    logger.LogDebug("{Key}", {|PUX001:held|});

                    var (first, second) = new Opaque(apiKey);
                    logger.LogDebug("{First} {Second}", {|PUX001:first|}, {|PUX001:second|});
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_object_that_prints_only_its_type_name_shows_none_of_its_secrets()
    {
        // A logger, an interpolation and a concatenation print a value by its ToString: object's own prints the
        // type's name. A record, an anonymous type, a collection, a class that may be a derived one, a hole marked @
        // and Serilog's destructureObjects all show what the object holds. A ToString of its own is PUX003's to judge
        // (at the ToString), not each call's.
        string[] cases =
        {
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", request);",
            "logger.LogDebug(\"Handled {Request}\", new Rotation { NewKey = apiKey });",
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug($\"Handled {request}\");",
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug(\"Handled \" + request);",
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug(request.ToString());",
            "var request = new Rotation { NewKey = apiKey }; Console.WriteLine(request);",
            "var request = new RotationValue { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", request);",
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug(\"Handled {Request} with {Key}\", request, {|PUX001:apiKey|});",
            "var password = new System.Security.SecureString(); logger.LogDebug(\"Password {Password}\", password);",
            "var request = new RotationRecord { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", {|PUX001:request|});",
            "var request = new RotationRecord { NewKey = apiKey }; logger.LogDebug($\"Handled {{|PUX001:request|}}\");",
            "var request = new { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", {|PUX001:request|});",
            "var request = new PositionalRotation(\"c1\", apiKey); logger.LogDebug(\"Handled {Request}\", {|PUX001:request|});",
            "logger.LogDebug(\"Handled {Request}\", new PositionalRotation(\"c1\", {|PUX001:apiKey|}));",
            "var request = new PositionalRotation(\"c1\", apiKey); logger.LogDebug(\"Handled {Company}\", request.CompanyId);",
            "var request = new PositionalRotation(\"c1\", apiKey[^4..]); logger.LogDebug(\"Handled {Request}\", request);",
            "var request = new PrintedRotation { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", request);",
            "var request = new PrintedRotation { NewKey = apiKey }; logger.LogDebug(\"Handled \" + request);",
            "var request = new OpenRotation { NewKey = apiKey }; logger.LogDebug(\"Handled {Request}\", {|PUX001:request|});",
            "var request = new Rotation { NewKey = apiKey }; logger.LogDebug(\"Handled {@Request}\", {|PUX001:request|});",
            "var request = new Rotation { NewKey = apiKey }; Serilog.Log.ForContext(\"Request\", {|PUX001:request|}, destructureObjects: true).Information(\"Handled\");",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)) + """

            public sealed class Rotation { public string NewKey { get; init; } = ""; }
            public struct RotationValue { public string NewKey { get; init; } }
            public sealed record RotationRecord { public string NewKey { get; init; } = ""; }
            public sealed record PositionalRotation(string CompanyId, string NewKey);
            public sealed class PrintedRotation { public string NewKey { get; init; } = ""; public override string ToString() => NewKey; }
            public class OpenRotation { public string NewKey { get; init; } = ""; }
            """);
    }

    [Fact]
    public async Task Collections_carry_a_secret_added_to_them_and_nothing_else()
    {
        string[] cases =
        {
            "var list = new List<string>(); list.Add(apiKey); Console.WriteLine(string.Join(\",\", {|PUX001:list|}));",
            "var list = new List<string> { \"x\" }; list.Insert(0, apiKey); logger.LogInformation(\"{Keys}\", {|PUX001:list|});",
            "var queue = new Queue<string>(); queue.Enqueue(apiKey); logger.LogInformation(\"{Keys}\", {|PUX001:queue|});",
            "string[] arr = [apiKey, \"x\"]; Console.WriteLine(string.Join(\",\", {|PUX001:arr|}));",
            "string[] arr = [.. new[] { apiKey }, \"x\"]; Console.WriteLine(string.Join(\",\", {|PUX001:arr|}));",
            "var d = new Dictionary<string, object>(); d[\"Key\"] = apiKey; using var scope = logger.BeginScope({|PUX001:d|});",
            "var values = new string[2]; values[0] = apiKey; logger.LogInformation(\"{Values}\", {|PUX001:values|});",
            "var list = new List<string>(); list.Add(\"x\"); list.Add(apiKey.Length.ToString()); Console.WriteLine(string.Join(\",\", list));",
            "string[] arr = [\"x\", apiKey[^4..]]; Console.WriteLine(string.Join(\",\", arr));",
            "var d = new Dictionary<string, object>(); d[\"KeyEnd\"] = apiKey[^4..]; d[\"Length\"] = apiKey.Length; using var scope = logger.BeginScope(d);",
            "var d = new Dictionary<string, object>(); var other = new Dictionary<string, object>(); d[\"Key\"] = apiKey; using var scope = logger.BeginScope(other);",

            // One entry read by a constant key holds what was stored under that key, or under a key not known.
            "var d = new Dictionary<string, string> { [\"company\"] = \"c1\", [\"key\"] = apiKey }; logger.LogDebug(\"{C}\", d[\"company\"]);",
            "var d = new Dictionary<string, string> { [\"company\"] = \"c1\", [\"key\"] = apiKey }; logger.LogDebug(\"{K}\", {|PUX001:d|}[\"key\"]);",
            "var d = new Dictionary<string, string> { { \"company\", \"c1\" }, { \"key\", apiKey } }; logger.LogDebug(\"{C}\", d[\"company\"]);",
            "var d = new Dictionary<string, string> { { \"company\", \"c1\" }, { \"key\", apiKey } }; logger.LogDebug(\"{K}\", {|PUX001:d|}[\"key\"]);",
            "var d = new Dictionary<string, object>(); d[\"company\"] = \"c1\"; d[\"Key\"] = apiKey; logger.LogDebug(\"{C}\", d[\"company\"]);",
            "var d = new Dictionary<string, object>(); d[\"company\"] = \"c1\"; d[\"Key\"] = apiKey; logger.LogDebug(\"{K}\", {|PUX001:d|}[\"Key\"]);",
            "var d = new Dictionary<string, string>(); d.Add(\"key\", apiKey); logger.LogDebug(\"{C}\", d[\"company\"]);",
            "var d = new Dictionary<string, string>(); d.Add(\"key\", apiKey); logger.LogDebug(\"{K}\", {|PUX001:d|}[\"key\"]);",
            "var which = Console.ReadLine()!; var d = new Dictionary<string, string>(); d[which] = apiKey; logger.LogDebug(\"{C}\", {|PUX001:d|}[\"company\"]);",
            "var which = Console.ReadLine()!; var d = new Dictionary<string, string> { [which] = apiKey }; logger.LogDebug(\"{C}\", {|PUX001:d|}[\"company\"]);",
            "var d = new Dictionary<string, string> { [\"company\"] = \"c1\", [\"key\"] = apiKey }; var which = Console.ReadLine()!; logger.LogDebug(\"{C}\", {|PUX001:d|}[which]);",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task A_local_named_as_the_ending_of_a_key_holds_what_it_is_given()
    {
        string[] cases =
        {
            "var apiKeyTail = apiKey[^4..]; Console.WriteLine(apiKeyTail);",
            "var apiKeyEnding = apiKey.Substring(apiKey.Length - 4); logger.LogInformation(\"{Ending}\", apiKeyEnding);",
            "var apiKeyTail = apiKey; Console.WriteLine({|PUX001:apiKeyTail|});",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task A_pattern_variable_holds_the_value_it_tested_and_nothing_else()
    {
        string[] cases =
        {
            "if (apiKey is { Length: > 3 } matched) logger.LogInformation(\"{S}\", {|PUX001:matched|});",
            "if (apiKey is string text) logger.LogInformation(\"{S}\", {|PUX001:text|});",
            "if (apiKey is not null and var found) logger.LogInformation(\"{S}\", {|PUX001:found|});",
            "logger.LogInformation(\"{S}\", apiKey switch { { Length: > 10 } k => {|PUX001:k|}, _ => \"short\" });",
            "switch (apiKey) { case { Length: > 0 } given: logger.LogInformation(\"{S}\", {|PUX001:given|}); break; }",
            "if (configuration[\"Pleo:ApiKey\"] is { Length: > 0 } configured) logger.LogInformation(\"{S}\", {|PUX001:configured|});",
            "if (options is { ApiKey: var value }) logger.LogInformation(\"{S}\", {|PUX001:value|});",
            "if (apiKey[^4..] is { Length: > 3 } ending) logger.LogInformation(\"{S}\", ending);",
            "if (options is { CompanyId: var value }) logger.LogInformation(\"{S}\", value);",
            "if (apiKey.Length is > 3 and var length) logger.LogInformation(\"{S}\", length);",
            "logger.LogInformation(\"{S}\", apiKey switch { { Length: > 10 } => \"long\", var other => other.Length.ToString() });",
        };
        await Verify.VerifyAsync(InMethod(
            Blocks(cases),
            parameters: "ILogger logger, string apiKey, Microsoft.Extensions.Configuration.IConfiguration configuration, PleoOptions options",
            members: "public sealed class PleoOptions { public string ApiKey { get; set; } = \"\"; public string CompanyId { get; set; } = \"\"; }"));
    }

    [Fact]
    public async Task Encoders_carry_the_secret()
    {
        string[] cases =
        {
            "logger.LogInformation(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes({|PUX001:apiKey|})));",
            "logger.LogInformation(Microsoft.AspNetCore.Authentication.Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes({|PUX001:apiKey|})));",
            "logger.LogInformation(System.Text.Encodings.Web.UrlEncoder.Default.Encode({|PUX001:apiKey|}));",
            "logger.LogInformation(System.Text.Encodings.Web.HtmlEncoder.Default.Encode({|PUX001:apiKey|}));",
            "logger.LogInformation(System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode({|PUX001:apiKey|}));",
            "logger.LogInformation(System.Net.WebUtility.UrlEncode({|PUX001:apiKey|}));",
            "logger.LogInformation(\"{Length}\", Microsoft.AspNetCore.WebUtilities.WebEncoders.GetArraySizeRequiredToEncode(apiKey.Length));",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases)));
    }

    [Fact]
    public async Task The_latest_key_is_a_key_and_a_one_word_secret_name_is_one()
    {
        // "last" before the secret's words is the latest one, not its last characters (lastFourOfKey stays silent,
        // MustStaySilentTests); an all-caps environment variable cannot split APITOKEN into its words.
        string[] cases =
        {
            "logger.LogInformation(\"{Key}\", {|PUX001:lastRotatedApiKey|});",
            "logger.LogInformation(\"{Token}\", {|PUX001:lastUsedToken|});",
            "logger.LogInformation(\"{Token}\", {|PUX001:Environment.GetEnvironmentVariable(\"ACCOUNTING__APITOKEN\")|});",
            "logger.LogInformation(\"{Secret}\", {|PUX001:CLIENTSECRET|});",
            // A cache after the secret's words names an entry (tokenCacheKey, MustStaySilentTests); before them it is where the secret is.
            "logger.LogInformation(\"{Key}\", {|PUX001:cachedApiKey|});",
            "logger.LogInformation(\"{Token}\", {|PUX001:cacheToken|});",
            // A sync token is a feed's position; the sync's API key is a key.
            "logger.LogInformation(\"{Key}\", {|PUX001:syncApiKey|});",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases), parameters: "ILogger logger, string lastRotatedApiKey, string lastUsedToken, string CLIENTSECRET, string cachedApiKey, string cacheToken, string syncApiKey"));
    }

    [Fact]
    public async Task A_token_that_is_a_word_of_a_plain_text_is_no_secret()
    {
        // Parsers call their words tokens; a word of text that holds no secret holds none either.
        string[] cases =
        {
            "foreach (var token in line.Split(' ')) logger.LogInformation(\"Unknown token {Token}\", token);",
            "var token = line.Split(',')[2]; logger.LogInformation(\"{Token}\", token);",
            "var parts = line.Split(','); var token = parts[0]; logger.LogInformation(\"{Token}\", token);",
            "var tokens = line.Split(','); foreach (var token in tokens) logger.LogInformation(\"{Token}\", token);",
            "foreach (var token in System.Text.RegularExpressions.Regex.Split(line, \"\\\\s+\")) logger.LogInformation(\"{Token}\", token);",
            // LINQ between the split and its words keeps them words.
            "foreach (var token in line.Split(' ').Take(3)) logger.LogInformation(\"{Token}\", token);",
            "foreach (var token in line.Split(' ').Where(t => t.Length > 0).ToList()) logger.LogInformation(\"{Token}\", token);",
            "var token = line.Split(',').Skip(1).First(); logger.LogInformation(\"{Token}\", token);",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases), parameters: "ILogger logger, string apiKey, string line"));
    }

    [Fact]
    public async Task A_token_split_from_a_secret_or_an_Authorization_header_is_a_secret()
    {
        string[] cases =
        {
            "foreach (var token in apiKey.Split(':')) logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = request.Headers.Authorization.ToString().Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "string header = request.Headers[\"Authorization\"]; var token = header.Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = line.Split(' ')[1]; if (line.Length > 9) { token = apiKey; } logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var parts = line.Split(','); parts = apiKey.Split(','); var token = parts[0]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = request.Headers[Microsoft.Net.Http.Headers.HeaderNames.Authorization].ToString().Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "request.Headers.TryGetValue(\"X-Forwarded-For\", out var forwarded); var token = forwarded.ToString().Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = authHeader.Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = values[Microsoft.Net.Http.Headers.HeaderNames.Authorization].Split(' ')[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = value.Split(\"Bearer \")[1]; logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "foreach (var token in apiKey.Split(':').Take(2)) logger.LogInformation(\"{Token}\", {|PUX001:token|});",
            "var token = authHeader.Split(' ').Skip(1).First(); logger.LogInformation(\"{Token}\", {|PUX001:token|});",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases), parameters: "ILogger logger, string apiKey, string line, string authHeader, string value, Dictionary<string, string> values, Microsoft.AspNetCore.Http.HttpRequest request"));
    }

    [Fact]
    public async Task Only_a_token_named_as_a_word_is_cleared_by_a_split_other_secret_names_stay_secrets()
    {
        string[] cases =
        {
            "var password = line.Split(':')[1]; logger.LogInformation(\"{P}\", {|PUX001:password|});",
            "foreach (var secret in line.Split(' ')) logger.LogInformation(\"{S}\", {|PUX001:secret|});",
            "var apiKey2 = System.IO.File.ReadAllText(\"k\").Split('=')[1]; logger.LogInformation(\"{K}\", {|PUX001:apiKey2|});",
            "var parts = line.Split('='); if (parts[0] == \"PLEO_API_KEY\") { var pleoApiKey = parts[1]; logger.LogInformation(\"{K}\", {|PUX001:pleoApiKey|}); }",
            "var accessToken = line.Split(' ')[1]; logger.LogInformation(\"{T}\", {|PUX001:accessToken|});",
            "foreach (var currentToken in line.Split(' ')) logger.LogInformation(\"{T}\", currentToken);",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases), parameters: "ILogger logger, string apiKey, string line"));
    }

    [Fact]
    public async Task Base64Url_of_System_Buffers_Text_carries_the_secret()
    {
        // .NET 9's System.Buffers.Text.Base64Url (also Microsoft.Bcl.Memory for older frameworks): an encoding, not a mask.
        string[] cases =
        {
            "logger.LogInformation(System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes({|PUX001:apiKey|})));",
            "logger.LogInformation(new string(System.Buffers.Text.Base64Url.EncodeToChars(Encoding.UTF8.GetBytes({|PUX001:apiKey|}))));",
            "logger.LogInformation(\"{Length}\", System.Buffers.Text.Base64Url.GetEncodedLength(apiKey.Length));",
        };
        var test = new Verify.Test
        {
            TestCode = InMethod(Blocks(cases)),
            ReferenceAssemblies = Verifiers.TestReferences.Default.AddPackages(System.Collections.Immutable.ImmutableArray.Create(
                new Microsoft.CodeAnalysis.Testing.PackageIdentity("Microsoft.Bcl.Memory", "9.0.5"))),
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Secrets_flow_into_lambdas_and_local_functions()
    {
        await Verify.VerifyAsync(InMethod("""
            var copy = apiKey;
            Action log = () => logger.LogInformation({|PUX001:copy|});
            void Local() => logger.LogInformation({|PUX001:apiKey|});
            """));
    }

    [Fact]
    public async Task Sanitizers_lengths_comparisons_and_last_four_clear_the_secret()
    {
        string[] cases =
        {
            "var copy = Mask(apiKey); logger.LogInformation(copy);",
            "apiKey = Mask(apiKey); logger.LogInformation(apiKey);",
            "logger.LogInformation(Redact(apiKey));",
            "logger.LogInformation(HashKey(apiKey));",
            "logger.LogInformation(\"{Length}\", apiKey.Length);",
            "logger.LogInformation(\"{Empty}\", string.IsNullOrEmpty(apiKey));",
            "logger.LogInformation(\"{Same}\", apiKey == \"x\");",
            "logger.LogInformation(\"{Prefix}\", apiKey.StartsWith(\"pk_\"));",
            "var copy = apiKey; copy = \"redacted\"; logger.LogInformation(copy);",
            "logger.LogInformation(\"ends with {Last}\", apiKey[^4..]);",
            "logger.LogInformation(\"••••\" + apiKey.Substring(apiKey.Length - 4));",
        };
        await Verify.VerifyAsync(InMethod(Blocks(cases), members: """
            static string Mask(string value) => "••••" + value[^4..];
            static string Redact(string value) => "[redacted]";
            static string HashKey(string value) => value.GetHashCode().ToString();
            """));
    }

    [Fact]
    public async Task Destructuring_an_object_with_a_secret_property_is_reported()
    {
        const string source = """
            public sealed class Connection
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";
            }

            public sealed class SafeConnection
            {
                public string CompanyId { get; set; } = "";
                public string KeyEnding { get; set; } = "";
            }

            // [JsonIgnore] is JSON's: Serilog and NLog destructure every public property regardless.
            public sealed class JsonOnlyConnection
            {
                public string CompanyId { get; set; } = "";
                [System.Text.Json.Serialization.JsonIgnore] public string ApiKey { get; set; } = "";
            }

            class Audit
            {
                void Saved(Connection connection, SafeConnection safe, JsonOnlyConnection jsonOnly)
                {
                    Serilog.Log.Information("Saved {@Connection}", {|PUX001:jsonOnly|});
                    Serilog.Log.Information("Saved {@Connection}", {|PUX001:connection|});
                    Serilog.Log.Information("Saved {@Connection} {Company}", {|PUX001:connection|}, connection.CompanyId);
                    Serilog.Log.Information("Saved {Connection}", connection);
                    Serilog.Log.Information("Saved {@Connection}", safe);

                    // Only the value in a hole marked @ is destructured; the others are printed by ToString (PUX003's).
                    Serilog.Log.Information("Saved {@Safe} for {Connection}", safe, connection);
                    Serilog.Log.Information("Saved {0} and {@1}", connection, safe);
                    Serilog.Log.Information("Saved {1} and {@0}", {|PUX001:connection|}, safe);
                    Serilog.Log.Information("{{@Literal}} {Connection}", connection);
                    Serilog.Log.Information("Saved {Safe}, {Other}, {@Connection}", safe, safe, {|PUX001:connection|});
                    Serilog.Log.Information("{A} {B} {C} {@D}", safe, connection, safe, {|PUX001:connection|});
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// What the project tells Serilog to leave out of a destructured object is left out: a member marked with
    /// Destructurama.Attributed's <c>[NotLogged]</c>, <c>[LogReplaced]</c> or a <c>[LogMasked]</c> showing at most the last
    /// four characters, and a type given its own shape by <c>Destructure.ByTransforming&lt;T&gt;</c>. A mask that shows
    /// the key's start, or more than four of its end, leaves the key in the log. (The attributes are declared here as
    /// Destructurama.Attributed declares them: the registry here does not serve that package.)
    /// </summary>
    [Fact]
    public async Task Members_and_types_Serilog_is_told_to_leave_out_are_not_destructured()
    {
        const string source = """
            namespace Destructurama.Attributed
            {
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class NotLoggedAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class LogMaskedAttribute : System.Attribute
                {
                    public string Text { get; set; } = "***";
                    public int ShowFirst { get; set; }
                    public int ShowLast { get; set; }
                    public bool PreserveLength { get; set; }
                }
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class LogReplacedAttribute(string pattern, string replacement) : System.Attribute { }
            }

            namespace Sync
            {
                using Destructurama.Attributed;

                public sealed class Hidden { public string CompanyId { get; set; } = ""; [NotLogged] public string ApiKey { get; set; } = ""; }
                public sealed class Masked { [LogMasked] public string ApiKey { get; set; } = ""; }
                public sealed class LastFour { [LogMasked(ShowLast = 4)] public string ApiKey { get; set; } = ""; }
                public sealed class Replaced { [LogReplaced(".+(.{4})$", "****$1")] public string ApiKey { get; set; } = ""; }
                public sealed class ShowsStart { [LogMasked(ShowFirst = 3)] public string ApiKey { get; set; } = ""; }
                public sealed class ShowsTooMuch { [LogMasked(ShowLast = 8)] public string ApiKey { get; set; } = ""; }
                public sealed class Transformed { public string CompanyId { get; set; } = ""; public string ApiKey { get; set; } = ""; }
                public sealed class Shaped { public string ApiKey { get; set; } = ""; }
                public sealed class Plain { public string CompanyId { get; set; } = ""; public string ApiKey { get; set; } = ""; }
                public sealed class Copied { public string CompanyId { get; set; } = ""; public string ApiKey { get; set; } = ""; }
                public sealed class Whole { public string ApiKey { get; set; } = ""; }
                public sealed class Holder { public Hidden Inner { get; set; } = new(); public Plain Other { get; set; } = new(); }
                public sealed class HiddenHolder { public Hidden Inner { get; set; } = new(); public Transformed Shaped { get; set; } = new(); }

                static class Logging
                {
                    public static Serilog.ILogger Create() => new Serilog.LoggerConfiguration()
                        .Destructure.ByTransforming<Transformed>(t => new { t.CompanyId, Key = "••••" + t.ApiKey[^4..] })
                        .Destructure.ByTransforming<Sync.Shaped>(s => new { Key = "••••" })
                        .Destructure.ByTransforming<Copied>(c => new { c.CompanyId, c.ApiKey })
                        .Destructure.ByTransforming<Whole>(w => w.ApiKey)
                        .CreateLogger();

                    static void Log(Hidden hidden, Masked masked, LastFour lastFour, Replaced replaced, ShowsStart start, ShowsTooMuch tooMuch,
                        Transformed transformed, Shaped shaped, Plain plain, Holder holder, HiddenHolder hiddenHolder, Copied copied, Whole whole)
                    {
                        // A transform that copies the key as it is writes it.
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:copied|});
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:whole|});
                        Serilog.Log.Information("Saved {@Connection}", shaped);
                        Serilog.Log.Information("Saved {@Connection}", hidden);
                        Serilog.Log.Information("Saved {@Connection}", masked);
                        Serilog.Log.Information("Saved {@Connection}", lastFour);
                        Serilog.Log.Information("Saved {@Connection}", replaced);
                        Serilog.Log.Information("Saved {@Connection}", transformed);
                        Serilog.Log.Information("Saved {@Connection}", hiddenHolder);
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:start|});
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:tooMuch|});
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:plain|});
                        Serilog.Log.Information("Saved {@Connection}", {|PUX001:holder|});
                    }
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// <c>JsonSerializer.Serialize(options)</c> writes every member the object's JSON holds, so the text carries a
    /// secret member as the object itself would at PUX004 (one test, <c>SerializedSecrets</c>): a <c>[JsonIgnore]</c>
    /// that always ignores hides it, one with a condition does not. Reported at the call, named by the member.
    /// </summary>
    [Fact]
    public async Task The_json_of_an_object_with_a_secret_member_carries_the_secret()
    {
        const string source = """
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Microsoft.Extensions.Logging;

            public sealed class PleoOptions { public string ApiKey { get; set; } = ""; public string CompanyId { get; set; } = ""; }
            public sealed class SafeOptions { [JsonIgnore] public string ApiKey { get; set; } = ""; public string CompanyId { get; set; } = ""; }
            public sealed class WhenNullOptions { [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ApiKey { get; set; } }
            public sealed class Settings { public PleoOptions Pleo { get; set; } = new(); }

            class Worker(ILogger<Worker> logger)
            {
                // Nothing else in the body is a secret: the serialization alone is.
                void Quiet(PleoOptions options) => logger.LogDebug("options {Json}", {|#0:JsonSerializer.Serialize(options)|});

                void Run(PleoOptions options, SafeOptions safe, WhenNullOptions whenNull, Settings settings, PleoOptions[] all)
                {
                    var json = JsonSerializer.Serialize(options, new JsonSerializerOptions { WriteIndented = true });
                    logger.LogDebug("options {Json}", {|PUX001:json|});
                    Console.WriteLine({|PUX001:JsonSerializer.Serialize(settings)|});
                    Console.WriteLine({|PUX001:JsonSerializer.Serialize(all)|});
                    logger.LogDebug({|PUX001:JsonSerializer.Serialize(whenNull)|});
                    Console.WriteLine(JsonSerializer.Serialize(new { options.CompanyId, {|PUX001:options.ApiKey|} }));

                    logger.LogDebug("options {Json}", JsonSerializer.Serialize(safe));
                    logger.LogDebug("company {Json}", JsonSerializer.Serialize(new { options.CompanyId }));
                    logger.LogDebug("options {Options}", options);
                }
            }
            """;
        await Verify.VerifyAsync(
            source,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("ApiKey", "ILogger.LogDebug"));
    }

    [Fact]
    public async Task The_json_NET_text_of_an_object_with_a_secret_member_carries_the_secret()
    {
        const string source = """
            using System;
            using Newtonsoft.Json;
            using Microsoft.Extensions.Logging;

            public sealed class PleoOptions { public string ApiKey { get; set; } = ""; public string CompanyId { get; set; } = ""; }
            public sealed class SafeOptions { [JsonIgnore] public string ApiKey { get; set; } = ""; public string CompanyId { get; set; } = ""; }

            class Worker(ILogger<Worker> logger)
            {
                void Run(PleoOptions options, SafeOptions safe, string apiKey, string companyId)
                {
                    logger.LogDebug("options {Json}", {|PUX001:JsonConvert.SerializeObject(options)|});
                    var json = JsonConvert.SerializeObject(options, Formatting.Indented);
                    Console.WriteLine({|PUX001:json|});
                    // The text of an anonymous object or of the key itself holds the key too.
                    logger.LogDebug("{Json}", JsonConvert.SerializeObject(new { companyId, {|PUX001:apiKey|} }));
                    logger.LogDebug("{Json}", JsonConvert.SerializeObject({|PUX001:apiKey|}));

                    logger.LogDebug("options {Json}", JsonConvert.SerializeObject(safe));
                    logger.LogDebug("company {Json}", JsonConvert.SerializeObject(new { options.CompanyId }));
                    logger.LogDebug("{Json}", JsonConvert.SerializeObject(new { companyId, ending = apiKey[^4..] }));

                    // A JSON tree of the object prints as its JSON.
                    logger.LogDebug("{Json}", {|PUX001:Newtonsoft.Json.Linq.JObject.FromObject(options)|});
                    logger.LogDebug("{Json}", Newtonsoft.Json.Linq.JToken.FromObject(new { companyId, {|PUX001:apiKey|} }));
                    logger.LogDebug("{Json}", Newtonsoft.Json.Linq.JObject.FromObject(safe));
                }
            }
            """;
        await Verify.VerifyAsync(Verifiers.TestReferences.WithNewtonsoft, source);
    }

    [Fact]
    public async Task Each_serializer_honours_only_its_own_JsonIgnore()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public sealed class JsonNetHidden { public string CompanyId { get; set; } = ""; [Newtonsoft.Json.JsonIgnore] public string ApiKey { get; set; } = ""; }
            public sealed class StjHidden { public string CompanyId { get; set; } = ""; [System.Text.Json.Serialization.JsonIgnore] public string ApiKey { get; set; } = ""; }

            class Worker(ILogger<Worker> logger)
            {
                void Run(JsonNetHidden jsonNet, StjHidden stj, string apiKey)
                {
                    logger.LogDebug("{Json}", {|PUX001:System.Text.Json.JsonSerializer.Serialize(jsonNet)|});
                    logger.LogDebug("{Json}", {|PUX001:Newtonsoft.Json.JsonConvert.SerializeObject(stj)|});
                    logger.LogDebug("{Json}", Newtonsoft.Json.JsonConvert.SerializeObject(jsonNet));
                    logger.LogDebug("{Json}", System.Text.Json.JsonSerializer.Serialize(stj));

                    // Objects made in the call: what each serializer writes of what they are given.
                    logger.LogDebug("{Json}", System.Text.Json.JsonSerializer.Serialize(new JsonNetHidden { ApiKey = {|PUX001:apiKey|} }));
                    logger.LogDebug("{Json}", Newtonsoft.Json.JsonConvert.SerializeObject(new JsonNetHidden { ApiKey = apiKey }));
                }
            }
            """;
        await Verify.VerifyAsync(Verifiers.TestReferences.WithNewtonsoft, source);
    }

    /// <summary>
    /// A request's Authorization header holds a credential by its place: reading it is reading a secret. A request or
    /// its headers print every header with its value (HttpRequestMessage.ToString, HttpHeaders.ToString), so they carry
    /// what the same body wrote into their Authorization header before; a header set elsewhere is not known.
    /// </summary>
    [Fact]
    public async Task Authorization_headers_and_the_requests_they_were_written_into_are_secrets()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            sealed class PleoAuthHandler(ILogger<PleoAuthHandler> logger, string apiKey) : DelegatingHandler
            {
                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    logger.LogTrace("before {Request}", request);
                    request.Headers.Authorization = new("Bearer", apiKey);
                    logger.LogTrace("auth {Auth}", {|#0:request.Headers.Authorization|});
                    logger.LogTrace("auth {Auth}", {|PUX001:request.Headers.Authorization|}?.Parameter);
                    logger.LogTrace("{Headers}", {|PUX001:request.Headers|}.ToString());
                    logger.LogTrace("{Request}", {|PUX001:request|});

                    logger.LogTrace("scheme {Scheme}", request.Headers.Authorization?.Scheme);
                    logger.LogTrace("{Method} {Uri}", request.Method, request.RequestUri);
                    var response = await base.SendAsync(request, cancellationToken);
                    logger.LogTrace("{Status} retry after {RetryAfter}", response.StatusCode, response.Headers.RetryAfter);
                    return response;
                }
            }

            sealed class PleoClient(HttpClient http, ILogger<PleoClient> logger)
            {
                void Configure(string apiKey, string companyId)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                    logger.LogDebug("{Headers}", {|PUX001:http.DefaultRequestHeaders|});
                    var headers = new HttpRequestMessage().Headers;
                    headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
                    logger.LogDebug("{Headers}", {|PUX001:headers|});
                    using var parsed = new HttpRequestMessage();
                    parsed.Headers.Authorization = AuthenticationHeaderValue.Parse("Bearer " + apiKey);
                    logger.LogDebug("{Request}", {|PUX001:parsed|});

                    using var other = new HttpRequestMessage(HttpMethod.Get, "v1/expenses");
                    other.Headers.Add("X-Company", companyId);
                    other.Headers.Authorization = new AuthenticationHeaderValue("Basic", companyId);
                    logger.LogDebug("{Request}", other);
                }

                // The header was set in another method: not known to this body.
                void Elsewhere() => logger.LogDebug("{Headers}", http.DefaultRequestHeaders);

                // The caller's own credential, on a server.
                static void Incoming(HttpContext context, ILogger logger) => logger.LogInformation("{Auth}", {|PUX001:context.Request.Headers.Authorization|});
            }
            """;
        await Verify.VerifyAsync(
            source,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("Authorization", "ILogger.LogTrace"));
    }

    /// <summary>
    /// Every header a server received, written whole or one by one, writes its Authorization header too: the caller's
    /// credential, and a key the integration's page sent in a header of its own. One header read by its name is judged by
    /// that name, and the headers' names are no secret.
    /// </summary>
    [Fact]
    public async Task The_headers_a_server_received_written_whole_carry_its_Authorization_header()
    {
        const string source = """
            using System.Linq;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            static class RequestLogging
            {
                static void Log(HttpContext context, ILogger logger)
                {
                    foreach (var header in context.Request.Headers)
                    {
                        logger.LogTrace("{Name}: {Value}", header.Key, {|PUX001:header.Value|});
                        logger.LogTrace("{Header}", {|PUX001:header|});
                    }

                    foreach (var (name, value) in context.Request.Headers)
                    {
                        logger.LogTrace("{Name}={Value}", name, {|PUX001:value|});
                    }

                    var headers = context.Request.Headers;
                    logger.LogTrace("{Headers}", {|PUX001:headers|});
                    logger.LogTrace("{Headers}", {|PUX001:context.Request.Headers|}.ToString());

                    logger.LogTrace("{Names}", string.Join(",", context.Request.Headers.Keys));
                    logger.LogTrace("{Count}", context.Request.Headers.Count);
                    logger.LogTrace("{Id}", context.Request.Headers["X-Correlation-Id"]);
                    logger.LogTrace("{Id}", context.Request.Headers["X-Correlation-Id"].FirstOrDefault());
                    logger.LogTrace("{Agent}", context.Request.Headers.UserAgent);
                    logger.LogTrace("{Id}", headers["X-Correlation-Id"]);
                    headers.TryGetValue("X-Correlation-Id", out var kept);
                    logger.LogTrace("{Id}", kept);
                    if (context.Request.Headers.TryGetValue("X-Correlation-Id", out var correlation))
                    {
                        logger.LogTrace("{Id}", correlation);
                    }

                    foreach (var name in context.Request.Headers.Keys)
                    {
                        logger.LogTrace("{Name}", name);
                    }

                    foreach (var header in context.Response.Headers)
                    {
                        logger.LogTrace("{Name}: {Value}", header.Key, header.Value);
                    }
                }

                static void Sent(HttpRequest request, ILogger logger) => logger.LogTrace("{Key}", {|PUX001:request.Headers["X-Pleo-Api-Key"]|});
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// A body that reads a key from the query string (an old page sent it there) writes that key again when it writes the
    /// query or the URL whole. A body that reads no key from the query may write both.
    /// </summary>
    [Fact]
    public async Task The_query_of_a_request_the_body_read_a_key_from_carries_that_key()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Extensions;
            using Microsoft.Extensions.Logging;

            static class LegacyConnect
            {
                static void Validate(HttpRequest request, ILogger logger)
                {
                    var apiKey = request.Query["api_key"];
                    logger.LogInformation("{Query}", {|PUX001:request.QueryString|});
                    logger.LogInformation("{Query}", {|PUX001:request.QueryString.Value|});
                    logger.LogInformation("{Url}", {|PUX001:request.GetDisplayUrl()|});
                    logger.LogInformation("{Url}", {|PUX001:request.GetEncodedUrl()|});
                    foreach (var (name, value) in request.Query)
                    {
                        logger.LogInformation("{Name}={Value}", name, {|PUX001:value|});
                    }

                    logger.LogInformation("{Path}", request.Path);
                    logger.LogInformation("{Company}", request.Query["company_id"]);
                    logger.LogInformation("{Names}", string.Join(",", request.Query.Keys));
                }

                static void Page(HttpRequest request, ILogger logger)
                {
                    var page = request.Query["page"];
                    logger.LogInformation("{Query} {Url} {Page}", request.QueryString, request.GetDisplayUrl(), page);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Slices_of_a_secret_are_left_to_PUX005()
    {
        await Verify.VerifyAsync(InMethod("""logger.LogInformation("{Prefix}", apiKey[..8]); logger.LogInformation("{Part}", apiKey.Substring(0, 6));"""));
    }

    [Fact]
    public async Task A_reassignment_only_in_one_branch_does_not_clear_the_secret()
    {
        await Verify.VerifyAsync(InMethod(
            Blocks(new[]
            {
                "var copy = apiKey; if (copy.Length > 40) { copy = Mask(copy); } logger.LogInformation({|PUX001:copy|});",
                "if (apiKey.Length > 40) { apiKey = Mask(apiKey); } logger.LogInformation({|PUX001:apiKey|});",
            }),
            members: "static string Mask(string value) => \"••••\" + value[^4..];"));
    }

    [Fact]
    public async Task A_masking_helper_that_returns_a_key_too_short_to_mask_whole_still_masks()
    {
        // The whole key returned is the guard of a short key; another helper that returns the key is followed as before.
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("Key {Masked}", MaskShort(apiKey));
            var masked = apiKey;
            masked = MaskShort(masked);
            logger.LogInformation("Key {Masked}", masked);
            logger.LogInformation("Key {Key}", Echo({|PUX001:apiKey|}));
            """,
            members: "static string MaskShort(string key) => key.Length <= 4 ? key : \"••••\" + key[^4..]; static string Echo(string value) => value.Trim();"));
    }

    [Fact]
    public async Task A_method_named_as_a_masker_that_returns_the_whole_key_on_every_path_gives_the_key_away()
    {
        // Walkthrough 13's KeyMask.Normalize: a masker by its type's name that only trims the key cleared it. A masker
        // that returns the key whole on some paths only is guarding an empty or short key, as before.
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{Key}", KeyMask.Normalize({|PUX001:apiKey|}));
            logger.LogInformation("{Key}", MaskKey({|PUX001:apiKey|}));
            logger.LogInformation("{Key}", KeyMask.Checked({|PUX001:apiKey|}));
            var local = apiKey;
            local = KeyMask.Normalize(local);
            logger.LogInformation("{Key}", {|PUX001:local|});

            logger.LogInformation("{Key}", KeyMask.LastFour(apiKey));
            logger.LogInformation("{Key}", KeyMask.Inverted(apiKey));
            logger.LogInformation("{Key}", KeyMask.OrEmpty(apiKey));
            logger.LogInformation("{Key}", KeyMask.Hint(apiKey));
            logger.LogInformation("{Key}", KeyMask.UnderTwelve(apiKey));
            """,
            members: """
                static string MaskKey(string key) { return key.ToUpperInvariant(); }
                static class KeyMask
                {
                    public static string Normalize(string key) => key.Trim();
                    public static string Checked(string key) { if (key.Length > 0) { return key.Trim(); } throw new System.ArgumentException("empty", nameof(key)); }
                    public static string LastFour(string key) => key.Length <= 4 ? key : "••••" + key[^4..];
                    public static string Inverted(string key) { if (key.Length > 4) return "••••" + key[^4..]; return key; }
                    public static string OrEmpty(string key) => string.IsNullOrEmpty(key) ? key : "••••" + key[^4..];
                    public static string UnderTwelve(string key) => key.Length < 12 ? key.Trim() : "••••" + key[^4..];
                    public static string Hint(string key) { var hint = key.Length > 4 ? key[^4..] : key; return "••••" + hint; }
                }
                """));
    }

    [Fact]
    public async Task What_a_local_function_returns_of_a_secret_is_followed_as_a_methods_is()
    {
        // A review found local functions' results not followed at all: Echo(apiKey) was a missed leak.
        await Verify.VerifyAsync(InMethod(
            """
            string Echo(string k) => k.Trim();
            string MaskKey(string k) => "••••" + k[^4..];
            string Company(string k) => "company";
            logger.LogInformation("{A}", Echo({|PUX001:apiKey|}));
            logger.LogInformation("{A}", MaskKey(apiKey));
            logger.LogInformation("{A}", Company(apiKey));
            """));
    }

    [Fact]
    public async Task A_key_shown_whole_only_when_it_is_at_most_four_characters_long_shows_no_more_than_its_last_four()
    {
        // A walkthrough's LastFourOf helper: its guard for short keys returned the key whole, which read as a leak.
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{Ending}", LastFourOf(apiKey));
            logger.LogInformation("{Ending}", Tail(apiKey));
            logger.LogInformation("{Ending}", apiKey.Length <= 4 ? apiKey : apiKey[^4..]);
            logger.LogInformation("{Ending}", apiKey.Length > 4 ? apiKey.Substring(apiKey.Length - 4) : apiKey);
            logger.LogInformation("{Ending}", string.IsNullOrEmpty(apiKey) || apiKey.Length < 5 ? apiKey : apiKey[^4..]);
            logger.LogInformation("{Ending}", 4 >= apiKey.Length ? apiKey : apiKey[^4..]);

            logger.LogInformation("{Ending}", apiKey.Length <= 40 ? {|PUX001:apiKey|} : apiKey[^4..]);
            logger.LogInformation("{Ending}", other.Length <= 4 ? {|PUX001:apiKey|} : apiKey[^4..]);
            logger.LogInformation("{Ending}", apiKey.Length <= 4 ? apiKey : {|PUX001:apiKey|});
            logger.LogInformation("{Ending}", LongGuard({|PUX001:apiKey|}));

            // With nullable annotations on, the short branch gives "" for null: still the key at most four characters long.
            logger.LogInformation("{Ending}", OrEmpty(apiKey));
            logger.LogInformation("{Ending}", OrStringEmpty(apiKey));
            logger.LogInformation("{Ending}", Lifted(apiKey));
            logger.LogInformation("{Ending}", OtherOrEmpty({|PUX001:apiKey|}, other));
            """,
            "ILogger logger, string apiKey, string other",
            members: """
                static string LastFourOf(string value) => value.Length <= 4 ? value : value.Substring(value.Length - 4);
                static string Tail(string value) { if (value.Length <= 4) { return value; } return value[^4..]; }
                static string LongGuard(string value) { if (value.Length <= 10) return value; return value[^4..]; }
                static string OrEmpty(string? key) => string.IsNullOrEmpty(key) || key.Length <= 4 ? key ?? "" : "••••" + key[^4..];
                static string OrStringEmpty(string? key) { if (string.IsNullOrEmpty(key) || key.Length <= 4) return key ?? string.Empty; return "••••" + key[^4..]; }
                static string Lifted(string? key) => key?.Length > 4 ? "••••" + key[^4..] : key ?? "";
                static string OtherOrEmpty(string? key, string? other) => string.IsNullOrEmpty(other) || other.Length <= 4 ? key ?? "" : "••••" + key![^4..];
                """));
    }

    [Fact]
    public async Task Configured_sanitizers_clear_the_secret()
    {
        await Verify.VerifyAsync(
            InMethod("logger.LogInformation(Obscure(apiKey)); logger.LogInformation(Scramble2(apiKey));", members: "static string Obscure(string v) => v; static string Scramble2(string v) => v;"),
            "pleouxguard.sanitizer_methods = Connector.Obscure, Scramble*\n");
    }

    [Fact]
    public async Task A_configured_sanitizer_of_a_generic_or_nested_type_is_named_as_the_type_options_name_it()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            namespace Acme.Keys
            {
                static class Printer<T> { public static string Obscure(string v) => v; }

                static class Outer { public static class Inner { public static string Obscure(string v) => v; } }

                static class Other<T> { public static string Obscure(string v) => v; }

                class Connector(ILogger logger)
                {
                    void Connect(string apiKey)
                    {
                        logger.LogInformation(Printer<int>.Obscure(apiKey));
                        logger.LogInformation(Outer.Inner.Obscure(apiKey));
                        logger.LogInformation(Other<int>.Obscure({|PUX001:apiKey|}));
                    }
                }
            }
            """;
        await Verify.VerifyAsync(source, "pleouxguard.sanitizer_methods = Acme.Keys.Printer`1.Obscure, Acme.Keys.Outer.Inner.Obscure\n");
    }

    // ---- Across methods of the same compilation ----

    [Fact]
    public async Task A_secret_passed_to_a_method_that_logs_its_parameter_is_reported_at_the_call()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                void Connect(string apiKey) => Audit("connect", {|PUX001:apiKey|});

                void Audit(string action, string detail) => Write(detail);

                void Write(string text) => logger.LogInformation("{Text}", text);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Call_depth_bounds_how_far_a_secret_is_followed()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                void Connect(string apiKey) => Audit("connect", apiKey);

                void Audit(string action, string detail) => Write(detail);

                void Write(string text) => logger.LogInformation("{Text}", text);
            }
            """;
        await Verify.VerifyAsync(source, "pleouxguard.call_depth = 1\n");
    }

    [Fact]
    public async Task A_method_that_returns_its_parameter_carries_the_secret()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                static string Describe(string value) => "value: " + value;

                void Connect(string apiKey) => logger.LogInformation(Describe({|PUX001:apiKey|}));
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_secret_method_result_is_a_secret()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                string GetApiKey() => "";
                Task<string> GetClientSecretAsync() => Task.FromResult("");

                async Task Connect()
                {
                    logger.LogInformation({|PUX001:GetApiKey()|});
                    logger.LogInformation(await {|PUX001:GetClientSecretAsync()|});
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
