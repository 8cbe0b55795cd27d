using PleoUxGuard.Analyzers.Tests.Messages;
using SecretRules = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

/// <summary>
/// A FastEndpoints app answers through the library's own API: its response sender and the value <c>ExecuteAsync</c>
/// returns are the response (PUX002, PUX004, PUX010–PUX012), its redirects URLs (PUX006), its validation errors
/// messages the user reads, and a property bound from a header or query value named for a secret is a secret.
/// </summary>
public sealed class FastEndpointsTests
{
    /// <summary>The members of FastEndpoints 9 the rules use, with their parameter names.</summary>
    private const string Stub = """
        namespace FastEndpoints
        {
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ResponseSender<TRequest, TResponse>
            {
                public Task OkAsync(TResponse response, CancellationToken cancellation = default) => Task.CompletedTask;
                public Task ResponseAsync(TResponse response, int statusCode = 200, CancellationToken cancellation = default) => Task.CompletedTask;
                public Task StringAsync(string content, int statusCode = 200, string contentType = "text/plain", CancellationToken cancellation = default) => Task.CompletedTask;
                public Task RedirectAsync(string location, bool isPermanent = false, bool allowRemoteRedirects = false) => Task.CompletedTask;
            }

            public abstract class Endpoint<TRequest, TResponse>
            {
                public ResponseSender<TRequest, TResponse> Send { get; } = new();
                public void AddError(System.Linq.Expressions.Expression<Func<TRequest, object?>> property, string errorMessage, string? errorCode = null) { }
                public void AddError(string message, string? errorCode = null) { }
                public void ThrowError(string message, int? statusCode = null) { }
                public virtual Task HandleAsync(TRequest req, CancellationToken ct) => Task.CompletedTask;
                public virtual Task<TResponse> ExecuteAsync(TRequest req, CancellationToken ct) => Task.FromResult(default(TResponse)!);
            }

            [AttributeUsage(AttributeTargets.Property)]
            public sealed class FromHeaderAttribute(string? headerName = null, bool isRequired = true) : Attribute { }

            [AttributeUsage(AttributeTargets.Property)]
            public sealed class BindFromAttribute(string name) : Attribute { }
        }
        """;

    private const string Request = """
        public sealed class ConnectRequest
        {
            [FastEndpoints.FromHeader("X-Pleo-Api-Key")] public string Sent { get; set; } = "";
            [FastEndpoints.BindFrom("api_key")] public string Given { get; set; } = "";
            [FastEndpoints.BindFrom("company_id")] public string Company { get; set; } = "";
        }
        """;

    [Fact]
    public async Task What_an_endpoint_sends_is_judged_as_the_response_and_its_bound_names_make_secrets()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using FastEndpoints;
            using Microsoft.Extensions.Logging;

            public sealed class ConnectEndpoint(ILogger<ConnectEndpoint> logger) : Endpoint<ConnectRequest, object>
            {
                public override async Task HandleAsync(ConnectRequest req, CancellationToken ct)
                {
                    logger.LogInformation("Key {Key}", {|PUX001:req.Sent|});
                    logger.LogInformation("Key {Key}", {|PUX001:req.Given|});
                    logger.LogInformation("Company {Company}", req.Company);
                    await Send.OkAsync(new { {|PUX004:req.Sent|} }, ct);
                    await Send.OkAsync(new { keyEnding = req.Sent[^4..] }, ct);
                    await Send.StringAsync("Pleo rejected the key " + {|PUX002:req.Sent|});
                    await Send.RedirectAsync("/connected?api_key=" + {|PUX006:req.Sent|});
                    await Send.RedirectAsync("/connected?company=" + req.Company);
                    AddError(r => r.Sent, "Pleo rejected the key " + {|PUX002:req.Sent|});
                }
            }

            public sealed class StatusEndpoint : Endpoint<ConnectRequest, object>
            {
                public override async Task<object> ExecuteAsync(ConnectRequest req, CancellationToken ct)
                {
                    await Task.Yield();
                    return req.Company.Length == 0 ? new { {|PUX004:req.Sent|} } : new { keyEnding = req.Sent[^4..] };
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Request + Stub);
    }

    /// <summary>Named by BindFrom alone: the quick look for attributes that bind by name must see it too.</summary>
    [Fact]
    public async Task A_query_value_bound_by_BindFrom_alone_is_a_secret_by_its_name()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public sealed class ExportRequest
            {
                [FastEndpoints.BindFrom("api_key")] public string Given { get; set; } = "";
                [FastEndpoints.BindFrom("company_id")] public string Company { get; set; } = "";
            }

            public static class ExportLog
            {
                public static void Log(ILogger logger, ExportRequest req)
                {
                    logger.LogInformation("Key {Key}", {|PUX001:req.Given|});
                    logger.LogInformation("Company {Company}", req.Company);
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Stub);
    }

    [Fact]
    public async Task An_endpoint_s_validation_errors_and_response_texts_are_user_facing_messages()
    {
        const string source = """
            using System.Threading;
            using FastEndpoints;

            public sealed class ConnectEndpoint(HttpClient client) : Endpoint<ConnectRequest, object>
            {
                public override async Task HandleAsync(ConnectRequest req, CancellationToken ct)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect", ct);
                    }
                    catch (HttpRequestException ex)
                    {
                        AddError(r => r.Sent, {|PUX010:"Something went wrong"|});
                        AddError({|PUX012:ex.Message|});
                        await Send.StringAsync({|PUX010:"Something went wrong"|}, 502);
                        await Send.ResponseAsync(new { error = "Pleo could not be reached. Try again in a few minutes.", detail = {|PUX012:ex.Message|} }, 502);
                        ThrowError("Pleo could not be reached. Try again in a few minutes.");
                    }
                }
            }
            """;

        await MessageRulesVerifier.VerifyAsync(source + Request + Stub);
    }
}
