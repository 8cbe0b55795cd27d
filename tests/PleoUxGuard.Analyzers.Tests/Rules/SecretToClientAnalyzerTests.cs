using PleoUxGuard.Analyzers.Tests.Verifiers;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux004>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX004: an endpoint sends a secret, or an object whose JSON holds one, to the client.</summary>
public sealed class SecretToClientAnalyzerTests
{
    private const string Dtos = """
        public sealed class ConnectionView
        {
            public string CompanyId { get; set; } = "";
            public string ApiKey { get; set; } = "";
        }

        public sealed class SafeConnectionView
        {
            public string CompanyId { get; set; } = "";
            [System.Text.Json.Serialization.JsonIgnore] public string ApiKey { get; set; } = "";
            public string KeyEnding { get; set; } = "";
            public string ApiKeyEnding { get; set; } = "";
        }

        public sealed class Wrapper
        {
            public ConnectionView Connection { get; set; } = new();
        }
        """;

    [Fact]
    public async Task Controller_actions_returning_secrets_or_secret_bearing_objects_are_reported()
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            {{Dtos}}

            public sealed class ConnectionController : ControllerBase
            {
                public string Key(string apiKey) => {|PUX004:apiKey|};
                public IActionResult View(ConnectionView view) => Ok({|PUX004:view|});
                public IActionResult Anonymous(string apiKey) => Ok(new { company = "x", key = {|PUX004:apiKey|} });
                public ActionResult<ConnectionView> Typed(ConnectionView view) => {|PUX004:view|};
                public Task<List<ConnectionView>> All(List<ConnectionView> views) => {|PUX004:Task.FromResult(views)|};
                public IActionResult Nested(Wrapper wrapper) => new JsonResult({|PUX004:wrapper|});
                public SafeConnectionView Safe(SafeConnectionView view) => view;
                [NonAction] public ConnectionView Helper(ConnectionView view) => view;
                private ConnectionView Internal(ConnectionView view) => view;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Every_collection_query_and_dictionary_of_secret_bearing_objects_is_reported()
    {
        // JSON writes each element of a set, a query and an async stream, and each value of a dictionary.
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            {{Dtos}}

            public sealed class ConnectionsController : ControllerBase
            {
                public HashSet<ConnectionView> Set(HashSet<ConnectionView> views) => {|PUX004:views|};
                public IQueryable<ConnectionView> Query(IQueryable<ConnectionView> views) => {|PUX004:views|};
                public IAsyncEnumerable<ConnectionView> Stream(IAsyncEnumerable<ConnectionView> views) => {|PUX004:views|};
                public Task<Dictionary<string, ConnectionView>> ByCompany(Dictionary<string, ConnectionView> views) => {|PUX004:Task.FromResult(views)|};
                public IReadOnlyDictionary<string, SafeConnectionView> Safe(IReadOnlyDictionary<string, SafeConnectionView> views) => views;
                public Dictionary<ConnectionView, int> Counts(Dictionary<ConnectionView, int> counts) => counts;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_anonymous_object_wrapping_a_secret_bearing_object_is_reported()
    {
        // The anonymous object's own members are judged by their values (the flow): a masked key is none.
        var source = $$"""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;

            {{Dtos}}

            public sealed class ConnectionsController : ControllerBase
            {
                public IActionResult First(List<ConnectionView> views) => Ok({|PUX004:new { data = views[0], count = 1 }|});
                public IActionResult Page(List<ConnectionView> views) => Ok({|PUX004:new { items = views, total = views.Count }|});
                public IActionResult Safe(SafeConnectionView view) => Ok(new { data = view, count = 1 });
                public IActionResult Masked(string apiKey) => Ok(new { apiKey = apiKey[^4..], company = "pleo" });
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_gRPC_service_s_reply_and_server_stream_are_sent_to_the_client()
    {
        // The stub stands in for Grpc.Core and a generated service base, declared as they are.
        var source = $$"""
            using System.Threading.Tasks;

            namespace Grpc.Core
            {
                public abstract class ServerCallContext { }
                public interface IAsyncStreamWriter<in T> { Task WriteAsync(T message); }
                public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T> { }
            }

            {{Dtos}}

            public sealed class ConnectRequest { public string CompanyId { get; set; } = ""; }

            public abstract class ConnectionsBase
            {
                public virtual Task<ConnectionView> Get(ConnectRequest request, Grpc.Core.ServerCallContext context) => Task.FromResult(new ConnectionView());
                public virtual Task<SafeConnectionView> GetSafe(ConnectRequest request, Grpc.Core.ServerCallContext context) => Task.FromResult(new SafeConnectionView());
                public virtual Task List(ConnectRequest request, Grpc.Core.IServerStreamWriter<ConnectionView> stream, Grpc.Core.ServerCallContext context) => Task.CompletedTask;
            }

            public sealed class ConnectionsService(ConnectionView stored, SafeConnectionView safe) : ConnectionsBase
            {
                public override Task<ConnectionView> Get(ConnectRequest request, Grpc.Core.ServerCallContext context) => {|PUX004:Task.FromResult(stored)|};
                public override Task<SafeConnectionView> GetSafe(ConnectRequest request, Grpc.Core.ServerCallContext context) => Task.FromResult(safe);
                public override async Task List(ConnectRequest request, Grpc.Core.IServerStreamWriter<ConnectionView> stream, Grpc.Core.ServerCallContext context)
                {
                    await stream.WriteAsync({|PUX004:stored|});
                }

                // Not a service method: a helper of the service.
                public ConnectionView Load() => stored;
            }

            // Replies made in place, finished with Task.FromResult as a synchronous service method does: what they are given.
            public sealed class MadeService : ConnectionsBase
            {
                public override Task<ConnectionView> Get(ConnectRequest request, Grpc.Core.ServerCallContext context) =>
                    Task.FromResult(new ConnectionView { CompanyId = request.CompanyId });
            }

            public sealed class GivenService(string apiKey) : ConnectionsBase
            {
                public override Task<ConnectionView> Get(ConnectRequest request, Grpc.Core.ServerCallContext context) =>
                    Task.FromResult(new ConnectionView { CompanyId = request.CompanyId, ApiKey = {|PUX004:apiKey|} });
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_object_made_in_place_exposes_only_what_it_is_given()
    {
        // A reply type with an ApiKey member, made without one, sends none; given a secret, the flow reports it; given
        // an object of ours loaded elsewhere, that object is judged by its type.
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;

            {{Dtos}}

            public sealed class ConnectionsController : ControllerBase
            {
                public ConnectionView Empty(string companyId) => new ConnectionView { CompanyId = companyId };
                public ConnectionView Masked(string companyId, string apiKey) => new ConnectionView { CompanyId = companyId, ApiKey = "••••" + apiKey[^4..] };
                public ConnectionView Given(string apiKey) => new ConnectionView { ApiKey = {|PUX004:apiKey|} };
                public Wrapper Wrapped(ConnectionView loaded) => {|PUX004:new Wrapper { Connection = loaded }|};
                public IActionResult Sent(ConnectionView loaded) => Ok({|PUX004:new Wrapper { Connection = loaded }|});
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task JsonIgnore_hides_a_secret_only_when_it_always_ignores()
    {
        const string source = """
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class WhenNull { [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ApiKey { get; set; } }
            public sealed class WhenDefault { [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? ApiKey { get; set; } }
            public sealed class Never { [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? ApiKey { get; set; } }
            public sealed class Always { [JsonIgnore(Condition = JsonIgnoreCondition.Always)] public string? ApiKey { get; set; } }
            public sealed class Plain { [JsonIgnore] public string? ApiKey { get; set; } }

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult A(WhenNull view) => Ok({|PUX004:view|});
                public IActionResult B(WhenDefault view) => Ok({|PUX004:view|});
                public IActionResult C(Never view) => Ok({|PUX004:view|});
                public IActionResult D(Always view) => Ok(view);
                public IActionResult E(Plain view) => Ok(view);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("", "{|PUX004:view|}")]
    [InlineData("namespace Microsoft.Extensions.DependencyInjection { public static class NewtonsoftJsonMvcBuilderExtensions { } }", "view")]
    public async Task Json_NET_s_JsonIgnore_hides_a_member_only_from_an_app_that_writes_with_Json_NET(string addNewtonsoftJson, string returned)
    {
        // ASP.NET Core writes responses with System.Text.Json, which does not read Json.NET's attribute, unless the app
        // calls AddNewtonsoftJson (its package's extensions class stands in for it here).
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;

            {{addNewtonsoftJson}}

            public sealed class RunSnapshot
            {
                public string CompanyId { get; set; } = "";
                [Newtonsoft.Json.JsonIgnore] public string ApiKey { get; set; } = "";
            }

            public sealed class SnapshotsController : ControllerBase
            {
                public RunSnapshot Latest(RunSnapshot view) => {{returned}};
            }
            """;
        await Verify.VerifyAsync(Verifiers.TestReferences.WithNewtonsoft, source);
    }

    [Fact]
    public async Task A_member_JsonIgnore_hides_does_not_carry_what_a_new_object_gives_it()
    {
        // The key given to a record's [property: JsonIgnore] parameter or set on a [JsonIgnore] property is not in the
        // JSON; given to a member without it, it is. Made text by ToString, the record prints it whatever JSON skips.
        const string source = """
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Mvc;

            public sealed record HiddenKey(string CompanyId, [property: JsonIgnore] string ApiKey);
            public sealed record ShownKey(string CompanyId, string ApiKey);
            public sealed class HiddenKeyView { public string CompanyId { get; set; } = ""; [JsonIgnore] public string ApiKey { get; set; } = ""; }

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult A(string apiKey) => Ok(new HiddenKey("c", apiKey));
                public IActionResult B(string apiKey) => Ok(new HiddenKeyView { CompanyId = "c", ApiKey = apiKey });
                public HiddenKey C(string apiKey) => new HiddenKey("c", apiKey);
                public IActionResult D(string apiKey) => Ok(new ShownKey("c", {|PUX004:apiKey|}));
                public IActionResult E(string apiKey) => Ok(new HiddenKeyView { CompanyId = {|PUX004:apiKey|} });
                public IActionResult F(string apiKey) => Ok(new { text = $"{new HiddenKey("c", {|PUX004:apiKey|})}" });

                // A copy keeps what it is not given, judged by its type, and holds what it is given, judged by the flow: one report each.
                public IActionResult G(ShownKey stored, string apiKey) => Ok({|PUX004:stored with { ApiKey = apiKey }|});
                public IActionResult H(ShownKey stored) => Ok({|PUX004:stored with { CompanyId = "c" }|});
                public IActionResult I(ShownKey stored) => Ok(stored with { ApiKey = "••••" + stored.ApiKey[^4..] });
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task What_a_SignalR_hub_sends_to_clients_is_sent_to_the_client()
    {
        // Every argument reaches the browser's handler, text included; the method's name and the token do not.
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;

            public interface IConnectionClient
            {
                Task KeyRejected(string key);
                Task Connected(string companyId, string keyEnding);
            }

            public sealed class ConnectionHub : Hub
            {
                public Task Reject(string apiKey) => Clients.Caller.SendAsync("KeyRejected", {|PUX004:apiKey|});
                public Task RejectAll(string apiKey) => Clients.All.SendCoreAsync("KeyRejected", new object[] { {|PUX004:apiKey|} });
                public Task Connected(string apiKey, string companyId) => Clients.Caller.SendAsync("Connected", companyId, "••••" + apiKey[^4..]);
            }

            public sealed class TypedConnectionHub : Hub<IConnectionClient>
            {
                public Task Reject(string apiKey) => Clients.Caller.KeyRejected({|PUX004:apiKey|});
                public Task RejectInGroup(string apiKey, string group) => Clients.Group(group).KeyRejected({|PUX004:apiKey|});
                public Task Connected(string apiKey, string companyId) => Clients.Caller.Connected(companyId, "••••" + apiKey[^4..]);
            }

            public sealed class Notifier(IHubContext<TypedConnectionHub, IConnectionClient> hub)
            {
                public Task Reject(string apiKey) => hub.Clients.All.KeyRejected({|PUX004:apiKey|});
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task What_a_hub_method_returns_or_streams_and_what_a_streaming_action_yields_go_to_the_client()
    {
        // A client invokes a hub's public method and receives its result, or each item of a stream; an action that
        // yields is written to the response item by item. Hub overrides, private methods and other iterators are not.
        var source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.SignalR;

            {{Dtos}}

            public sealed class ConnectionHub(string apiKey, ConnectionView stored) : Hub
            {
                public string Key() => {|PUX004:apiKey|};
                public ConnectionView Connection() => {|PUX004:stored|};
                public string Ending() => "••••" + apiKey[^4..];

                public async IAsyncEnumerable<string> Keys()
                {
                    await Task.Yield();
                    yield return {|PUX004:apiKey|};
                    yield return "••••" + apiKey[^4..];
                }

                public override Task OnConnectedAsync() => base.OnConnectedAsync();

                private string Hidden() => apiKey;
            }

            public sealed class ConnectionsController(ConnectionView stored, SafeConnectionView safe) : ControllerBase
            {
                public async IAsyncEnumerable<ConnectionView> Stream()
                {
                    await Task.Yield();
                    yield return {|PUX004:stored|};
                }

                public IEnumerable<SafeConnectionView> Safe()
                {
                    yield return safe;
                }
            }

            public static class Pieces
            {
                public static IEnumerable<string> Of(string apiKey)
                {
                    yield return apiKey;
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Carters_response_writers_write_their_object_as_JSON()
    {
        // The stub stands in for Carter's response extensions, declared as Carter declares them.
        var source = $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Carter.Response;
            using Microsoft.AspNetCore.Http;

            namespace Carter.Response
            {
                public static class ResponseExtensions
                {
                    public static Task Negotiate(this HttpResponse response, object obj, CancellationToken cancellationToken = default) => Task.CompletedTask;
                    public static Task AsJson(this HttpResponse response, object obj, CancellationToken cancellationToken = default) => Task.CompletedTask;
                }
            }

            {{Dtos}}

            public static class ConnectionModule
            {
                public static Task Show(HttpResponse res, string tenantId, string apiKey) => res.Negotiate(new { tenantId, {|PUX004:apiKey|} });
                public static Task Json(HttpResponse res, ConnectionView stored) => res.AsJson({|PUX004:stored|});
                public static Task Safe(HttpResponse res, SafeConnectionView safe) => res.AsJson(safe);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_debug_endpoint_listing_the_configuration_is_reported()
    {
        const string source = """
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;

            static class Endpoints
            {
                static void Map(WebApplication app)
                {
                    app.MapGet("/debug/config", (IConfiguration configuration) => {|PUX004:configuration.AsEnumerable()|});
                    app.MapGet("/debug/settings", (IConfiguration configuration) => Results.Ok({|PUX004:configuration.AsEnumerable()|}.ToDictionary(p => p.Key)));
                    app.MapGet("/debug/keys", (IConfiguration configuration) => configuration.AsEnumerable().Select(p => p.Key));
                    app.MapGet("/debug/env", () => {|PUX004:System.Environment.GetEnvironmentVariables()|});
                    app.MapGet("/debug/path", () => System.Environment.GetEnvironmentVariables()["PATH"]);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Error_results_with_an_object_body_are_reported_their_text_bodies_left_to_PUX002()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult A(string apiKey) => BadRequest(new { error = "Pleo did not accept this key.", {|PUX004:apiKey|} });
                public IActionResult B(string apiKey) => Conflict(new { {|PUX004:apiKey|} });
                public IActionResult C(string apiKey) => UnprocessableEntity(new { {|PUX004:apiKey|} });
                public IActionResult D(string apiKey) => NotFound(new { {|PUX004:apiKey|} });
                public IActionResult E(string apiKey) => new BadRequestObjectResult(new { {|PUX004:apiKey|} });
                public IActionResult F(string apiKey) => BadRequest(new { error = "Pleo did not accept this key.", keyEnding = apiKey[^4..] });
                public IActionResult G(string apiKey) => BadRequest("Pleo did not accept the key " + apiKey);

                public static void Map(WebApplication app) => app.MapPost("/connect", (string apiKey) => Results.BadRequest(new { {|PUX004:apiKey|} }));
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>Every object result writes its value as the body, wherever it is made (an Azure Functions app can only answer with one).</summary>
    [Fact]
    public async Task Object_results_of_every_type_are_reported_outside_endpoints_too()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public static class Answers
            {
                public static IActionResult Created(string apiKey) => new CreatedResult("/connection", new { {|PUX004:apiKey|} });
                public static IActionResult CreatedAt(string apiKey) => new CreatedAtActionResult("Get", "Connection", new { id = 1 }, new { {|PUX004:apiKey|} });
                public static IActionResult Unauthorized(string apiKey) => new UnauthorizedObjectResult(new { {|PUX004:apiKey|} });
                public static IActionResult Accepted(string apiKey) => new AcceptedResult("/connection", new { {|PUX004:apiKey|} });
                public static IActionResult Ok(string apiKey) => new OkObjectResult(new { {|PUX004:apiKey|} });
                public static IActionResult Own(string apiKey) => new PleoResult(new { {|PUX004:apiKey|} });
                public static IActionResult Ending(string apiKey) => new CreatedResult("/connection", new { keyEnding = apiKey[^4..] });
                public static IActionResult Text(string apiKey) => new UnauthorizedObjectResult("Pleo did not accept the key " + apiKey);
            }

            public sealed class PleoResult(object value) : ObjectResult(value);
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>A library's credential holder, written whole: its credential goes with it (walkthrough 9's Key Vault reveal).</summary>
    [Fact]
    public async Task A_library_credential_holder_sent_whole_is_reported()
    {
        const string source = """
            using Azure.Security.KeyVault.Secrets;
            using Microsoft.AspNetCore.Mvc;

            public sealed class VaultController : ControllerBase
            {
                public IActionResult Reveal(KeyVaultSecret stored) => Ok({|PUX004:stored|});
                public IActionResult Describe(KeyVaultSecret stored) => Ok(new { stored.Name });
                public IActionResult Properties(KeyVaultSecret stored) => Ok(stored.Properties);
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(await TestLibraries.KeyVaultAsync());
        await test.RunAsync();
    }

    [Fact]
    public async Task Minimal_api_handlers_and_results_are_reported()
    {
        var source = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            {{Dtos}}

            static class Endpoints
            {
                static void Map(WebApplication app, ConnectionView stored, string apiKey)
                {
                    app.MapGet("/connection", () => Results.Ok({|PUX004:stored|}));
                    app.MapGet("/typed", () => TypedResults.Json({|PUX004:stored|}));
                    app.MapGet("/raw", () => { return {|PUX004:stored|}; });
                    app.MapGet("/key", () => {|PUX004:apiKey|});
                    app.MapGet("/safe", () => Results.Ok(new { company = stored.CompanyId, keyEnding = "••••" + apiKey[^4..] }));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Method_groups_given_to_Map_are_minimal_api_handlers()
    {
        // app.MapGet("/key", GetKey) and Handlers.Connection: their returns answer the request, as a lambda's do. A method
        // no Map call names is not an endpoint.
        var source = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            {{Dtos}}

            static class Endpoints
            {
                static void Map(WebApplication app)
                {
                    app.MapGet("/key", GetKey);
                    app.MapGet("/connection", Handlers.Connection);
                    app.MapGet("/safe", Handlers.Safe);
                }

                static string GetKey(string apiKey) => {|PUX004:apiKey|};
            }

            static class Handlers
            {
                public static IResult Connection(ConnectionView stored) => Results.Ok({|PUX004:stored|});
                public static ConnectionView Returned(ConnectionView stored) => stored;
                public static string Safe(string apiKey) => "••••" + apiKey[^4..];
                public static string NotMapped(string apiKey) => apiKey;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Local_functions_given_to_Map_are_minimal_api_handlers()
    {
        // Top-level statements of a minimal API often declare their handlers as local functions.
        var source = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapGet("/key", GetKey);
            app.MapGet("/connection", Connection);
            app.MapGet("/safe", Safe);
            app.Run();

            static string GetKey(string apiKey) => {|PUX004:apiKey|};
            static IResult Connection(ConnectionView stored) => Results.Ok({|PUX004:stored|});
            static string Safe(string apiKey) => "••••" + apiKey[^4..];
            static string NotMapped(string apiKey) => apiKey;

            {{Dtos}}
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Page_handlers_are_endpoints_and_text_bodies_are_left_to_PUX002()
    {
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            {{Dtos}}

            public sealed class ConnectModel : PageModel
            {
                public IActionResult OnGetKey(ConnectionView view) => new JsonResult({|PUX004:view|});
                public IActionResult OnPostText(string apiKey) => Content("saved");
                public IActionResult OnPostMessage(string apiKey) => BadRequest("bad key " + apiKey);
                public ConnectionView OnGetView(ConnectionView view) => {|PUX004:view|};
                public ConnectionView Describe(ConnectionView view) => view;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// A problem details response writes each extension as a JSON member of its own (<c>{"apiKey": "…"}</c>): data
    /// sent to the browser, text or not, so a secret there is this rule's, as in <c>Ok(new { apiKey })</c>. Title and
    /// detail are messages (PUX002); an extension holding an object is judged by the members its JSON writes.
    /// </summary>
    [Fact]
    public async Task Problem_details_extensions_are_sent_to_the_client()
    {
        var source = $$"""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            {{Dtos}}

            public sealed record ConnectRequest(string ApiKey, string CompanyId);

            static class Endpoints
            {
                static void Map(WebApplication app, ConnectionView stored, SafeConnectionView safe)
                {
                    app.MapPost("/connect", (ConnectRequest req) =>
                    {
                        var problem = new ProblemDetails { Title = "Pleo did not accept the key. Check it and try again." };
                        problem.Extensions["apiKey"] = {|PUX004:req.ApiKey|};
                        problem.Extensions.Add("key", {|PUX004:req.ApiKey|});
                        problem.Extensions.TryAdd("pleoKey", {|PUX004:req.ApiKey|});
                        problem.Extensions["connection"] = {|PUX004:stored|};
                        problem.Extensions["companyId"] = req.CompanyId;
                        problem.Extensions["keyEnding"] = "••••" + req.ApiKey[^4..];
                        problem.Extensions["safe"] = safe;
                        return Results.Problem(problem);
                    });
                    app.MapPost("/connect2", (ConnectRequest req) =>
                        Results.Problem(detail: "Check the key and try again.", extensions: new Dictionary<string, object?> { ["key"] = {|PUX004:req.ApiKey|} }));
                    app.MapPost("/connect3", (ConnectRequest req) =>
                        TypedResults.Problem(extensions: new Dictionary<string, object?> { ["key"] = {|PUX004:req.ApiKey|}, ["companyId"] = req.CompanyId }));
                    app.MapPost("/connect4", (ConnectRequest req) =>
                    {
                        var details = new HttpValidationProblemDetails { Extensions = { ["key"] = {|PUX004:req.ApiKey|}, ["companyId"] = req.CompanyId } };
                        return Results.Problem(details);
                    });
                    app.MapPost("/connect5", (ConnectRequest req) =>
                        Results.ValidationProblem(new Dictionary<string, string[]>(), extensions: new Dictionary<string, object?> { ["companyId"] = req.CompanyId }));
                    app.MapPost("/connect6", (ConnectRequest req) =>
                        new ProblemDetails { Title = "Pleo did not accept the key.", Extensions = { ["key"] = {|PUX004:req.ApiKey|} } });
                    app.MapPost("/connect7", (ConnectRequest req) =>
                        Results.BadRequest(new ProblemDetails { Extensions = { ["key"] = {|PUX004:req.ApiKey|}, ["companyId"] = req.CompanyId } }));
                }
            }

            public sealed class ConnectController : ControllerBase
            {
                public IActionResult Save(string apiKey)
                {
                    var details = new ValidationProblemDetails(ModelState);
                    details.Extensions["key"] = {|PUX004:apiKey|};
                    details.Extensions["hint"] = "Copy the whole key from Pleo.";
                    return ValidationProblem(details);
                }

                public IActionResult Reject(string apiKey) =>
                    BadRequest(new ProblemDetails { Extensions = { ["key"] = {|PUX004:apiKey|} } });
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
