using Microsoft.CodeAnalysis.Testing;
using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux006>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX006: a secret is put into a URL instead of the Authorization header.</summary>
public sealed class SecretInUrlAnalyzerTests
{
    [Fact]
    public async Task Uris_and_http_client_request_uris_are_sinks()
    {
        await Verify.VerifyAsync(InMethod("""
            var uri = new Uri($"https://api.example.test/v1/company?api_key={{|PUX006:apiKey|}}");
            var relative = new Uri(new Uri("https://api.example.test"), "v1/company?key=" + {|PUX006:apiKey|});
            var builder = new UriBuilder("https://api.example.test") { Query = "key=" + {|PUX006:apiKey|} };
            await client.GetAsync($"/v1/company?key={{|PUX006:apiKey|}}");
            await client.GetStringAsync("/v1/company/" + {|PUX006:apiKey|});
            await client.PostAsync("/v1/validate?key=" + {|PUX006:apiKey|}, null);
            var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/company?key={{|PUX006:apiKey|}}");
            request.RequestUri = new Uri("/v1?key=" + {|PUX006:apiKey|}, UriKind.Relative);
            var valid = Uri.TryCreate($"https://api.example.test/v1/check?key={{|PUX006:apiKey|}}", UriKind.Absolute, out var checkUri);
            """, "HttpClient client, string apiKey"));
    }

    [Fact]
    public async Task A_Refit_request_parameter_goes_into_the_url_unless_marked_for_a_header_or_the_body()
    {
        // The stub stands in for Refit, declared as it declares these attributes. Refit substitutes a parameter into
        // the template, or sends it as a query parameter when the template does not name it.
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Refit;

            namespace Refit
            {
                public abstract class HttpMethodAttribute(string path) : Attribute { public string Path { get; } = path; }
                public sealed class GetAttribute(string path) : HttpMethodAttribute(path);
                public sealed class PostAttribute(string path) : HttpMethodAttribute(path);
                public sealed class HeaderAttribute(string header) : Attribute;
                public sealed class AuthorizeAttribute(string scheme = "Bearer") : Attribute;
                public sealed class BodyAttribute : Attribute;
                public sealed class QueryAttribute : Attribute;
                public sealed class AliasAsAttribute(string name) : Attribute;
            }

            public sealed record Account(string Id);

            public interface IAccountingApi
            {
                [Get("/accounts?api_key={apiKey}")] Task<Account[]> InTemplate(string {|PUX006:apiKey|});
                [Get("/accounts")] Task<Account[]> AsQuery(string companyId, string {|PUX006:accessToken|}, CancellationToken cancellationToken);
                [Get("/accounts")] Task<Account[]> Marked([Query] string {|PUX006:apiKey|});
                [Get("/accounts")] Task<Account[]> Aliased([AliasAs("api_key")] string {|PUX006:supplied|});
                [Get("/accounts?company={company}&api_key={k}")] Task<Account[]> ByTemplateKey(string {|PUX006:k|}, string company);

                // Where a key belongs: a header, the Authorization header, the body.
                [Get("/accounts")] Task<Account[]> Header([Header("X-Api-Key")] string apiKey);
                [Get("/accounts")] Task<Account[]> Bearer([Authorize("Bearer")] string token);
                [Post("/keys/validate")] Task Validate([Body] string apiKey);
                [Get("/accounts/{id}")] Task<Account> One(string id, string cursor);
            }

            // Not a Refit request: no attribute.
            public interface IKeyStore
            {
                Task Save(string apiKey);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// RestSharp puts a query parameter, a URL segment, a request's resource and a client's base URL into the URL it
    /// sends (walkthrough 15); its headers and body are where a key belongs. Against RestSharp's own API.
    /// </summary>
    [Fact]
    public async Task RestSharp_query_parameters_url_segments_and_resources_are_urls()
    {
        const string source = """
            using RestSharp;

            static class PleoRest
            {
                static void Build(string apiKey, string companyId)
                {
                    var request = new RestRequest($"/v1/companies?api_key={{|PUX006:apiKey|}}");
                    request.AddQueryParameter("api_key", {|PUX006:apiKey|});
                    request.AddUrlSegment("key", {|PUX006:apiKey|});
                    request.AddParameter(new QueryParameter("api_key", {|PUX006:apiKey|}));
                    using var client = new RestClient("https://external.pleo.io/?key=" + {|PUX006:apiKey|});
                    var options = new RestClientOptions($"https://external.pleo.io/{{|PUX006:apiKey|}}");

                    var safe = new RestRequest("/v1/companies");
                    safe.AddQueryParameter("company_id", companyId);
                    safe.AddHeader("Authorization", $"Bearer {apiKey}");
                    safe.AddJsonBody(new { apiKey });
                }
            }
            """;
        await Verify.VerifyAsync(Verifiers.TestReferences.WithClients, source);
    }

    /// <summary>
    /// Flurl builds URLs with query parameters, path segments and fragments on a <c>Url</c>, on a string or <c>Uri</c>,
    /// and on a Flurl.Http request: a key given as a value, a name, a segment or the URL puts the key in the URL; a
    /// header is where the key belongs. (The stub declares the API as Flurl 4 does, as a
    /// referenced library: the flow follows no library body.)
    /// </summary>
    [Fact]
    public async Task Flurl_query_parameters_and_path_segments_are_urls()
    {
        var flurl = await Verifiers.TestLibraries.CompileAsync("Flurl", """
            namespace Flurl
            {
                public enum NullValueHandling { Ignore, NameOnly, Remove }

                public class Url
                {
                    public Url(string baseUrl) { }
                    public static string Combine(params string[] parts) => "";
                    public Url SetQueryParam(string name, object value, NullValueHandling nullValueHandling = NullValueHandling.Remove) => this;
                    public Url SetQueryParams(object values, NullValueHandling nullValueHandling = NullValueHandling.Remove) => this;
                    public Url AppendPathSegment(object segment, bool fullyEncode = false) => this;
                    public Url SetFragment(string fragment) => this;
                }

                public static class GeneratedExtensions
                {
                    public static Url SetQueryParam(this string url, string name, object value, NullValueHandling nullValueHandling = NullValueHandling.Remove) => new(url);
                    public static Url AppendPathSegments(this string url, params object[] segments) => new(url);
                }
            }

            namespace Flurl.Http
            {
                public interface IFlurlRequest { }

                public static class UrlBuilderExtensions
                {
                    public static IFlurlRequest SetQueryParam(this IFlurlRequest request, string name, object value, NullValueHandling nullValueHandling = NullValueHandling.Remove) => request;
                    public static IFlurlRequest AppendPathSegment(this IFlurlRequest request, object segment, bool fullyEncode = false) => request;
                }

                public static class HeaderExtensions
                {
                    public static IFlurlRequest WithHeader(this IFlurlRequest request, string name, object value) => request;
                }
            }
            """, Verifiers.TestReferences.Default);
        var test = new Verify.Test
        {
            TestCode = """
                using Flurl;
                using Flurl.Http;

                public static class PleoCalls
                {
                    public static void Build(string apiKey, string companyId, IFlurlRequest request)
                    {
                        var query = "https://api.example.test/v1/expenses".SetQueryParam("api_key", {|PUX006:apiKey|});
                        var segments = "https://api.example.test".AppendPathSegments("v1", {|PUX006:apiKey|});
                        var url = new Url("https://api.example.test").AppendPathSegment({|PUX006:apiKey|}).SetFragment({|PUX006:apiKey|});
                        var all = new Url("https://api.example.test").SetQueryParams(new { company = companyId, key = {|PUX006:apiKey|} });
                        var named = new Url("https://api.example.test").SetQueryParam({|PUX006:apiKey|}, true);
                        var built = new Url($"https://api.example.test/v1?key={{|PUX006:apiKey|}}");
                        var combined = Url.Combine("https://api.example.test", {|PUX006:apiKey|});
                        request.SetQueryParam("key", {|PUX006:apiKey|}).AppendPathSegment({|PUX006:apiKey|});
                        var inText = $"https://api.example.test/v1?key={{|PUX006:apiKey|}}".SetQueryParam("page", 1);

                        var safe = "https://api.example.test/v1/expenses".SetQueryParam("company", companyId).AppendPathSegment(companyId);
                        var safeSegments = "https://api.example.test".AppendPathSegments("v1", companyId, apiKey.Length);
                        request.SetQueryParam("company", companyId).WithHeader("Authorization", "Basic " + apiKey);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(flurl);
        await test.RunAsync();
    }

    [Fact]
    public async Task Links_and_the_location_of_a_created_result_are_urls()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            class ConnectionController(LinkGenerator links) : Controller
            {
                public IActionResult Save(string tenantId, string apiKey)
                {
                    var path = links.GetPathByAction(HttpContext, "Status", values: new { tenantId, key = {|PUX006:apiKey|} });
                    var byName = links.GetPathByName("status", new { tenantId, {|PUX006:apiKey|} });
                    var minimal = Results.CreatedAtRoute("status", new { {|PUX006:apiKey|} }, tenantId);
                    // The value is the body (PUX004's), not the URL.
                    var located = CreatedAtAction("Status", new { tenantId }, new { tenantId, apiKey });
                    return CreatedAtAction("Status", new { tenantId, {|PUX006:apiKey|} }, tenantId);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Query_string_builders_redirects_and_navigation_are_sinks()
    {
        const string source = """
            using Microsoft.AspNetCore.Components;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.WebUtilities;

            class ConnectionController : Controller
            {
                public IActionResult Save(string apiKey, NavigationManager navigation)
                {
                    var url = QueryHelpers.AddQueryString("/connect", "key", {|PUX006:apiKey|});
                    var query = QueryString.Create("key", {|PUX006:apiKey|});
                    Response.Redirect("/done?key=" + {|PUX006:apiKey|});
                    navigation.NavigateTo($"/done?key={{|PUX006:apiKey|}}");
                    var minimal = Results.Redirect("/done?key=" + {|PUX006:apiKey|});
                    return RedirectToAction("Done", new { key = {|PUX006:apiKey|} });
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>The redirect and created results made directly, as an Azure Functions app must.</summary>
    [Fact]
    public async Task Redirect_and_located_results_made_with_new_are_sinks()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            static class Answers
            {
                static IActionResult A(string apiKey) => new RedirectResult("/done?key=" + {|PUX006:apiKey|});
                static IActionResult B(string apiKey) => new LocalRedirectResult("/done?key=" + {|PUX006:apiKey|});
                static IActionResult C(string apiKey) => new RedirectToActionResult("Done", "Home", new { key = {|PUX006:apiKey|} });
                static IActionResult D(string apiKey) => new RedirectToRouteResult(new { key = {|PUX006:apiKey|} });
                static IActionResult E(string apiKey) => new CreatedAtActionResult("Get", "Connection", new { key = {|PUX006:apiKey|} }, null);
                static IActionResult F(string apiKey) => new RedirectResult("/done?ending=" + apiKey[^4..]);
                static IActionResult G(string apiKey) => new CreatedAtActionResult("Get", "Connection", new { id = 7 }, new { keyEnding = apiKey[^4..] });
                static IActionResult H(string apiKey) => new RedirectResult("/done") { Url = "/done?key=" + {|PUX006:apiKey|} };
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>A route that takes the key in its path: every request to it carries the key in its URL.</summary>
    [Fact]
    public async Task Routes_with_a_secret_in_their_path_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            [Route("api/connections")]
            public sealed class ConnectionController : ControllerBase
            {
                [HttpGet("validate/{|PUX006:{apiKey}|}")]
                public IActionResult Validate(string apiKey) => Ok();

                [HttpPost("{companyId:guid}/rotate/{|PUX006:{newApiKey:minlength(20)}|}")]
                public IActionResult Rotate(System.Guid companyId, string newApiKey) => Ok();

                [Route("keys/{|PUX006:{*pleoKey}|}", Name = "Keys")]
                public IActionResult Keys(string pleoKey) => Ok();

                [HttpGet("{companyId}/status")]
                public IActionResult Status(string companyId) => Ok();

                [HttpGet("{connectionId}/key-ending")]
                public IActionResult Ending(string connectionId, ILogger<ConnectionController> logger)
                {
                    logger.LogInformation("Ending of {ApiKey} asked", connectionId);
                    return Ok();
                }

                public static void Map(WebApplication app)
                {
                    app.MapGet("/validate/{|PUX006:{apiKey}|}", (string apiKey) => Results.Ok());
                    app.MapPost(pattern: "/connections/{id}/keys/{|PUX006:{token?}|}", (string id) => Results.Ok());
                    app.MapGet("/connections/{id}", (string id) => Results.Ok());
                    var keys = app.MapGroup("/keys/{|PUX006:{secret}|}");
                    var message = "/validate/{apiKey}";
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Function_triggers_and_endpoint_routes_with_a_secret_in_their_path_are_reported()
    {
        const string source = """
            namespace Microsoft.Azure.Functions.Worker
            {
                public sealed class HttpTriggerAttribute(params string[] methods) : System.Attribute { public string? Route { get; set; } }
            }

            public static class SupportFunctions
            {
                public static void Validate([Microsoft.Azure.Functions.Worker.HttpTrigger("get", Route = "support/validate/{|PUX006:{apiKey}|}")] object req, string apiKey) { }
                public static void Status([Microsoft.Azure.Functions.Worker.HttpTrigger("get", Route = "support/{companyId}")] object req, string companyId) { }
            }

            public abstract class EndpointBase
            {
                protected void Get(params string[] routePatterns) { }
                public abstract void Configure();
            }

            public sealed class ValidateEndpoint : EndpointBase
            {
                public override void Configure() => Get("/keys/validate", "/keys/{|PUX006:{pleoApiKey}|}/validate");
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Messages_name_each_sink_with_its_type()
    {
        // A bare Add, Action or Redirect does not say which one: each is named with the type it is called on.
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Extensions;
            using Microsoft.AspNetCore.Mvc;

            class ConnectionController : Controller
            {
                public IActionResult Save(string apiKey, HttpContext ctx)
                {
                    var query = new QueryBuilder { { "api_key", {|#0:apiKey|} } };
                    var link = Url.Action("Done", new { key = {|#1:apiKey|} });
                    ctx.Response.Redirect("/done?key=" + {|#2:apiKey|});
                    var builder = new System.UriBuilder("https://api.example.test") { Query = "key=" + {|#3:apiKey|} };
                    return Results.Redirect("/done?key=" + {|#4:apiKey|}) is null ? Ok() : NoContent();
                }
            }

            // A Razor component's @page directive, as the Razor compiler writes it.
            [global::Microsoft.AspNetCore.Components.RouteAttribute("/pleo/quick-connect/{|#5:{ApiKey}|}")]
            public partial class QuickConnect : Microsoft.AspNetCore.Components.ComponentBase
            {
                [Microsoft.AspNetCore.Components.Parameter] public string ApiKey { get; set; } = "";
            }

            [Microsoft.AspNetCore.Mvc.Route("api/keys/{|#6:{apiKey}|}")]
            public sealed class KeysController : ControllerBase { }
            """;
        await Verify.VerifyAsync(
            source,
            null,
            Placed(0, "QueryBuilder.Add"),
            Placed(1, "IUrlHelper.Action"),
            Placed(2, "HttpResponse.Redirect"),
            Placed(3, "UriBuilder.Query"),
            Placed(4, "Results.Redirect"),
            Placed(5, "the @page route", "ApiKey"),
            Placed(6, "the route of Route"));
    }

    private static DiagnosticResult Placed(int location, string sink, string secret = "apiKey") =>
        new DiagnosticResult(Descriptors.SecretInUrl).WithLocation(location).WithArguments(secret, sink);

    [Fact]
    public async Task Headers_and_bodies_are_where_keys_belong()
    {
        await Verify.VerifyAsync(InMethod("""
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            var request = new HttpRequestMessage(HttpMethod.Get, "/v1/company");
            request.Headers.Add("Authorization", $"Bearer {apiKey}");
            await client.SendAsync(request);
            await client.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["client_secret"] = apiKey }));
            var uri = new Uri(tokenEndpoint);
            await client.GetAsync($"/v1/company?key_ending={apiKey[^4..]}");
            """, "HttpClient client, string apiKey, string tokenEndpoint"));
    }
}
