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
}
