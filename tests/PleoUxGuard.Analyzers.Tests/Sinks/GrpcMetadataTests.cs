using SecretRules = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

/// <summary>
/// A gRPC call's metadata: what the client sent (<c>context.RequestHeaders</c>) holds its authorization entry and any key
/// sent under a name of its own, as a request's headers do; what the service adds to <c>context.ResponseTrailers</c>
/// reaches the client with the call's status.
/// </summary>
public sealed class GrpcMetadataTests
{
    /// <summary>Grpc.Core's metadata types, declared as Grpc.Core.Api declares them (the members the rules use).</summary>
    private const string Stub = """

        namespace Grpc.Core
        {
            public abstract class ServerCallContext
            {
                public Metadata RequestHeaders => new();
                public Metadata ResponseTrailers => new();
            }

            public sealed class Metadata : System.Collections.Generic.IEnumerable<Metadata.Entry>
            {
                public void Add(string key, string value) { }
                public string? GetValue(string key) => null;
                public Entry? Get(string key) => null;
                public System.Collections.Generic.IEnumerator<Entry> GetEnumerator() => null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;

                public sealed class Entry
                {
                    public string Key => "";
                    public string Value => "";
                }
            }
        }
        """;

    [Fact]
    public async Task The_metadata_a_client_sent_is_read_as_request_headers_are_and_trailers_reach_the_client()
    {
        const string source = """
            using Grpc.Core;
            using Microsoft.Extensions.Logging;

            sealed class KeyAdminService(ILogger<KeyAdminService> logger)
            {
                void Rotate(ServerCallContext context, string apiKey)
                {
                    logger.LogDebug("Metadata {Headers}", {|PUX001:context.RequestHeaders|});
                    foreach (var entry in context.RequestHeaders)
                    {
                        logger.LogTrace("{Key}: {Value}", entry.Key, {|PUX001:entry.Value|});
                    }

                    logger.LogInformation("Sent {Key}", {|PUX001:context.RequestHeaders.GetValue("x-pleo-api-key")|});
                    logger.LogInformation("Sent {Key}", context.RequestHeaders.Get("x-pleo-api-key")?{|PUX001:.Value|});
                    logger.LogInformation("Request {Id}", context.RequestHeaders.GetValue("x-request-id"));
                    logger.LogInformation("Request {Id}", context.RequestHeaders.Get("x-request-id")?.Value);

                    context.ResponseTrailers.Add("x-last-key", {|PUX004:apiKey|});
                    context.ResponseTrailers.Add("x-key-ending", apiKey[^4..]);
                    context.ResponseTrailers.Add({|PUX004:apiKey|}, "rejected");
                    context.ResponseTrailers.Add("x-request-id", context.RequestHeaders.GetValue("x-request-id") ?? "");
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Stub);
    }
}
