using PleoUxGuard.Analyzers.Tests.Messages;
using SecretRules = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

/// <summary>
/// An Azure Functions isolated worker without ASP.NET Core's integration answers with its own <c>HttpResponseData</c>:
/// what it writes there is the response (PUX002, PUX004, PUX010–PUX012), its headers and cookies reach the browser
/// (PUX007), and the <c>HttpRequestData</c>'s query and headers are what the client sent, secret by their names.
/// </summary>
public sealed class FunctionsWorkerTests
{
    /// <summary>The worker's HTTP types, as Microsoft.Azure.Functions.Worker.Core declares them (the members the rules use).</summary>
    internal const string Stub = """
        namespace Microsoft.Azure.Functions.Worker.Http
        {
            public abstract class HttpResponseData
            {
                public abstract System.Net.HttpStatusCode StatusCode { get; set; }
                public abstract HttpHeadersCollection Headers { get; set; }
                public abstract HttpCookies Cookies { get; }
            }

            public sealed class HttpHeadersCollection : System.Net.Http.Headers.HttpHeaders { }

            public abstract class HttpCookies
            {
                public abstract void Append(string name, string value);
                public abstract void Append(IHttpCookie cookie);
            }

            public interface IHttpCookie { string Name { get; } string Value { get; } }

            public sealed class HttpCookie(string name, string value) : IHttpCookie
            {
                public string Name { get; } = name;
                public string Value { get; } = value;
            }

            public static class HttpResponseDataExtensions
            {
                public static System.Threading.Tasks.Task WriteStringAsync(this HttpResponseData response, string value, System.Text.Encoding? encoding = null) => System.Threading.Tasks.Task.CompletedTask;
                public static System.Threading.Tasks.ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, System.Threading.CancellationToken cancellationToken = default) => default;
            }

            public abstract class HttpRequestData
            {
                public abstract System.Collections.Specialized.NameValueCollection Query { get; }
                public abstract HttpHeadersCollection Headers { get; }
                public abstract System.Uri Url { get; }
            }
        }
        """;

    [Fact]
    public async Task What_a_function_writes_to_its_response_is_judged_as_the_response()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Azure.Functions.Worker.Http;

            static class ConnectFunction
            {
                static async Task Answer(HttpResponseData response, string apiKey)
                {
                    await response.WriteAsJsonAsync(new { {|PUX004:apiKey|} });
                    await response.WriteAsJsonAsync(new { keyEnding = apiKey[^4..] });
                    await response.WriteStringAsync("Pleo rejected the key " + {|PUX002:apiKey|});
                    response.Headers.Add("X-Pleo-Api-Key", {|PUX007:apiKey|});
                    response.Headers.Add("X-Pleo-Key-Ending", apiKey[^4..]);
                    response.Cookies.Append("pleo_key", {|PUX007:apiKey|});
                    response.Cookies.Append("pleo_key_ending", apiKey[^4..]);
                    response.Cookies.Append(new HttpCookie("pleo_key", {|PUX007:apiKey|}));
                    response.Cookies.Append(new HttpCookie("pleo_key_ending", apiKey[^4..]));
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Stub);
    }

    [Fact]
    public async Task A_request_s_query_and_headers_are_secret_by_their_names()
    {
        const string source = """
            using System.Linq;
            using Microsoft.Azure.Functions.Worker.Http;
            using Microsoft.Extensions.Logging;

            static class SupportFunction
            {
                static void Log(HttpRequestData req, ILogger logger)
                {
                    logger.LogInformation("Key {Key}", {|PUX001:req.Query["api_key"]|});
                    logger.LogInformation("Company {Company}", req.Query["company_id"]);
                    if (req.Headers.TryGetValues("X-Pleo-Api-Key", out var sent))
                    {
                        logger.LogInformation("Key {Key}", {|PUX001:sent|}.First());
                    }

                    if (req.Headers.TryGetValues("X-Correlation-Id", out var correlation))
                    {
                        logger.LogInformation("Correlation {Id}", correlation.First());
                    }

                    logger.LogInformation("Key {Key}", {|PUX001:req.Headers.GetValues("X-Pleo-Api-Key")|}.First());
                    logger.LogInformation("Agent {Agent}", req.Headers.GetValues("User-Agent").First());
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Stub);
    }

    [Fact]
    public async Task A_request_s_headers_and_the_URL_it_read_a_key_from_carry_the_secret_when_written_whole()
    {
        const string source = """
            using Microsoft.Azure.Functions.Worker.Http;
            using Microsoft.Extensions.Logging;

            static class LegacyFunction
            {
                static void Validate(HttpRequestData req, ILogger logger)
                {
                    var apiKey = req.Query["api_key"];
                    logger.LogInformation("v1 validate {Url}", {|PUX001:req.Url|});
                    logger.LogInformation("v1 validate {Query}", {|PUX001:req.Url.Query|});
                    logger.LogInformation("v1 validate {Path}", req.Url.AbsolutePath);
                    logger.LogInformation("v1 validate {Company}", req.Query["company_id"]);
                    foreach (var header in req.Headers)
                    {
                        logger.LogTrace("{Name}: {Value}", header.Key, {|PUX001:header.Value|});
                    }
                }

                static void Export(HttpRequestData req, ILogger logger)
                {
                    logger.LogInformation("export {Url} {Format}", req.Url, req.Query["format"]);
                    if (req.Headers.TryGetValues("X-Correlation-Id", out var correlation))
                    {
                        logger.LogInformation("Correlation {Id}", correlation);
                    }
                }
            }
            """;

        await SecretRules.VerifyAsync(source + Stub);
    }

    [Fact]
    public async Task A_function_s_response_text_is_a_user_facing_message()
    {
        const string source = """
            using Microsoft.Azure.Functions.Worker.Http;

            static class ConnectFunction
            {
                static async Task Answer(HttpResponseData response, HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                        await response.WriteStringAsync("Connected to Pleo.");
                    }
                    catch (HttpRequestException ex)
                    {
                        await response.WriteStringAsync({|PUX010:"Something went wrong"|});
                        await response.WriteStringAsync($"Pleo could not be reached: {{|PUX012:ex.Message|}}");
                        await response.WriteAsJsonAsync(new { error = "Pleo could not be reached. Try again in a few minutes.", detail = {|PUX012:ex.Message|} });
                    }
                }
            }
            """;

        await MessageRulesVerifier.VerifyAsync(source + Stub);
    }
}
