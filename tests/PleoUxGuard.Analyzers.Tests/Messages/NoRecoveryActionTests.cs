using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>PUX011: failures without a next step, in each kind of connection code.</summary>
public sealed class NoRecoveryActionTests
{
    [Fact]
    public async Task A_rejected_key_without_a_next_step_is_reported_with_its_kind()
    {
        const string source = """
            class PleoConnectionController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("ApiKey", "Pleo rejected this API key.");
                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX011", DiagnosticSeverity.Warning)
            .WithSpan(5, 44, 5, 73)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Pleo rejected this API key.", "ModelState.AddModelError", "; this code handles an invalid API key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_key_of_something_else_does_not_make_connection_code()
    {
        // SortKey, CacheKey, PartitionKey: a "key" that names no credential. A key named for Pleo or the API still does.
        const string source = """
            using System.ComponentModel.DataAnnotations;

            sealed class ReceiptFilterForm
            {
                [Required(ErrorMessage = "The sort order is missing.")]
                public string SortKey { get; set; } = "date";

                [Required(ErrorMessage = "The cache entry is missing.")]
                public string CacheKey { get; set; } = "";

                [Required(ErrorMessage = {|PUX011:"The API key is missing."|})]
                public string ApiKey { get; set; } = "";

                [Required(ErrorMessage = {|PUX011:"The key is missing."|})]
                public string PleoCacheKey { get; set; } = "";
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_cancellation_token_parameter_does_not_make_connection_code()
    {
        // Walkthrough 15: every async handler's cancellationToken or stoppingToken made it connection code by "token".
        // A parameter named for a credential still does, beside one or alone.
        const string source = """
            using System.Threading;
            using Microsoft.AspNetCore.Http;

            static class ReportEndpoints
            {
                static IResult Export(CancellationToken cancellationToken) => Results.BadRequest("The export failed.");
                static IResult ExportLater(CancellationToken stoppingToken, int page) => Results.BadRequest("The export failed.");
                static IResult Send(string accessToken) => Results.BadRequest({|PUX011:"The export failed."|});
                static IResult Save(string apiKey, CancellationToken cancellationToken) => Results.BadRequest({|PUX011:"The export failed."|});
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Catch_blocks_for_connection_exceptions_are_connection_code()
    {
        const string source = """
            class SettingsModel : PageModel
            {
                public string? ErrorMessage { get; set; }

                async Task OnPostAsync(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                    }
                    catch (HttpRequestException)
                    {
                        ErrorMessage = {|PUX011:"We could not reach the server."|};
                    }
                    catch (TaskCanceledException)
                    {
                        ErrorMessage = {|PUX011:$"The request timed out after {30} seconds."|};
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Type_tests_of_connection_exceptions_are_connection_code_as_their_catch_blocks_are()
    {
        // A message in a settings page with no connection name is judged only where the code tells a connection
        // failed; a test of the caught exception's type tells it as a catch clause of that type would.
        const string source = """
            class SettingsModel : PageModel
            {
                public string? ErrorMessage { get; set; }

                async Task OnPostAsync(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                    }
                    catch (Exception ex)
                    {
                        switch (ex)
                        {
                            case HttpRequestException:
                                ErrorMessage = {|PUX011:"We could not reach the server."|};
                                break;
                            case FormatException:
                                ErrorMessage = "We could not read the answer.";
                                break;
                        }

                        if (ex is TaskCanceledException)
                        {
                            ErrorMessage = {|PUX011:"The connection to Pleo was interrupted."|};
                        }
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_branch_of_a_failed_response_is_connection_code()
    {
        // !response.IsSuccessStatusCode, or the else of a success check: the call failed, whatever its status.
        const string source = """
            class SettingsModel : PageModel
            {
                public string? ErrorMessage { get; set; }

                async Task OnPostAsync(HttpClient client)
                {
                    var response = await client.GetAsync("/v1/introspect");
                    if (!response.IsSuccessStatusCode)
                    {
                        ErrorMessage = {|PUX011:"We could not reach the server."|};
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        ErrorMessage = "We could not read the settings.";
                    }
                    else
                    {
                        ErrorMessage = {|PUX011:"The key was not accepted."|};
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_failed_revoke_is_not_a_revoked_key_and_the_responses_own_outage_status_names_the_kind()
    {
        // Walkthrough 15: a Revoke action's "Could not revoke the key." was taken for a revoked key, whose catalogue
        // message the fix wrote. The verb names the user's own disconnect; "revoked" still names the state. A 503 the
        // response is sent with names an outage unless the words say more; the app's own 400 says nothing of the key, so
        // the names decide.
        const string source = """
            static class PleoConnectionEndpoints
            {
                static IResult Revoke() => Results.BadRequest("Could not revoke the key.");
                static IResult Check() => Results.Problem(title: "Loading failed.", statusCode: 503);
                static IResult Permissions() => Results.Problem(title: "Loading failed.", statusCode: 503);
                static IResult PermissionsBadRequest() => Results.Problem(title: "Loading failed.", statusCode: 400);
                static IResult Recheck() => Results.BadRequest("The key was revoked.");
                static IResult Gateway() => Results.Problem(title: "Pleo rejected the key.", statusCode: 502);
            }
            """;

        var test = Verify.Create(source);
        void Expect(int line, int start, string text, string sink, string kind) =>
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX011", DiagnosticSeverity.Warning)
                .WithSpan(line, start, line, start + text.Length + 2)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(text, sink, kind));
        Expect(3, 51, "Could not revoke the key.", "Results.BadRequest", "");
        Expect(4, 54, "Loading failed.", "Results.Problem", "; this code handles Pleo being unreachable or failing");
        Expect(5, 60, "Loading failed.", "Results.Problem", "; this code handles Pleo being unreachable or failing");
        Expect(6, 70, "Loading failed.", "Results.Problem", "; this code handles a key without a needed permission");
        Expect(7, 52, "The key was revoked.", "Results.BadRequest", "; this code handles a revoked or expired key");
        Expect(8, 56, "Pleo rejected the key.", "Results.Problem", "; this code handles an invalid API key");
        await test.RunAsync();
    }

    [Fact]
    public async Task Status_branches_are_connection_code_and_name_the_kind()
    {
        const string source = """
            class SettingsController : Controller
            {
                IActionResult Check(HttpResponseMessage response)
                {
                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        TempData["Error"] = "This key is missing a permission.";
                    }

                    switch ((int)response.StatusCode)
                    {
                        case StatusCodes.Status429TooManyRequests:
                            TempData["Error"] = "Too many requests were sent.";
                            break;
                    }

                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX011", DiagnosticSeverity.Warning)
            .WithSpan(7, 33, 7, 68)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("This key is missing a permission.", "TempData[\"Error\"]", "; this code handles a key without a needed permission"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX011", DiagnosticSeverity.Warning)
            .WithSpan(13, 37, 13, 67)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Too many requests were sent.", "TempData[\"Error\"]", "; this code handles Pleo limiting the request rate"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Switch_arms_and_problem_details_in_connection_routes_are_checked()
    {
        const string source = """
            static class PleoRoutes
            {
                static IResult Activate(HttpStatusCode status) => Results.Problem(detail: status switch
                {
                    HttpStatusCode.Unauthorized => {|PUX011:"The API key is not valid."|},
                    HttpStatusCode.Forbidden => "The API key lacks a permission. Reinstall the integration in Pleo and paste the new key.",
                    _ => {|PUX011:"Pleo is unavailable."|},
                });
            }
            """;

        await Verify.VerifyAsync(source);
    }

    /// <summary>
    /// A minimal-API handler is named by its route, and also by its group's prefix (<c>MapGroup("/api/pleo")</c>, chained
    /// or through a local) and by its own parameters (<c>PleoClient pleo</c>), as a method is by its parameters.
    /// </summary>
    [Fact]
    public async Task A_minimal_API_handler_is_connection_code_by_its_groups_prefix_and_its_parameters()
    {
        const string source = """
            sealed class PleoClient { }

            static class Routes
            {
                static void Map(WebApplication app)
                {
                    app.MapPost("/troubleshoot", (PleoClient pleo) => Results.Problem(title: {|PUX011:"Pleo rejected the stored key."|}, statusCode: 401));
                    app.MapGroup("/api/pleo").MapPost("/troubleshoot", () => Results.Problem(title: {|PUX011:"Pleo rejected the stored key."|}, statusCode: 401));
                    var integration = app.MapGroup("/integrations").MapGroup("/pleo");
                    integration.MapPost("/troubleshoot", () => Results.Problem(title: {|PUX011:"Pleo rejected the stored key."|}, statusCode: 401));

                    app.MapGroup("/api/reports").MapPost("/troubleshoot", (string format) => Results.Problem(title: "Pleo rejected the stored key.", statusCode: 401));
                    var reports = app.MapGroup("/reports");
                    reports.MapPost("/troubleshoot", () => Results.Problem(title: "Pleo rejected the stored key.", statusCode: 401));
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_problem_title_whose_detail_gives_the_next_step_is_one_message_with_a_next_step()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult Forbidden() =>
                    Results.Problem(
                        title: "This key does not have the required permissions",
                        detail: "Reinstall the integration in Pleo, approve the permissions and paste the new key.",
                        statusCode: 403);

                static IResult Typed() =>
                    TypedResults.Problem(detail: "Generate a new key in Pleo and paste it here.", title: "The Pleo API key was revoked");

                static ProblemDetails Revoked() => new()
                {
                    Title = "The Pleo API key was revoked",
                    Detail = "Generate a new key in Pleo and paste it here to reconnect.",
                };

                static ProblemDetails OnALocal()
                {
                    var problem = new ProblemDetails { Title = "Pleo rejected the key." };
                    problem.Detail = "Check that you copied the whole key and try again.";
                    return problem;
                }

                static ProblemDetails DetailFirst(string hint)
                {
                    var problem = new ProblemDetails();
                    problem.Detail = "The key is missing a permission.";
                    problem.Title = $"Reconnect: {hint}";
                    return problem;
                }
            }

            class PleoKeyController : ControllerBase
            {
                IActionResult Save() => Problem(title: "Pleo rejected the key.", detail: "Copy the whole key from Pleo and paste it again.");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_problem_title_is_still_reported_when_neither_it_nor_its_detail_gives_a_next_step()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult Forbidden() =>
                    Results.Problem(title: {|PUX011:"This key does not have the required permissions"|}, detail: {|PUX011:"The key lacks a permission for expenses."|});

                static IResult NoDetail() =>
                    Results.Problem(title: {|PUX011:"The Pleo API key was revoked"|}, detail: null, statusCode: 401);

                static ProblemDetails Revoked() => new()
                {
                    Title = {|PUX011:"The Pleo API key was revoked"|},
                    Detail = "",
                };

                static ProblemDetails Branches(bool quota)
                {
                    var problem = new ProblemDetails { Title = {|PUX011:"Pleo rejected the key."|} };
                    problem.Detail = quota ? "Wait a minute, then try again." : "Your plan does not include this.";
                    return problem;
                }

                static ProblemDetails OtherObject()
                {
                    var shown = new ProblemDetails { Title = {|PUX011:"Pleo rejected the key."|} };
                    var other = new ProblemDetails { Detail = "Copy the whole key and paste it again." };
                    return shown;
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_problem_title_over_a_detail_whose_constant_text_gives_no_next_step_is_reported()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult TraceId(HttpContext context) =>
                    Results.Problem(title: {|PUX011:"Pleo rejected the key."|}, detail: $"Reference: {context.TraceIdentifier}");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_problem_title_over_a_detail_wholly_known_at_run_time_may_have_its_next_step_there()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult Hint(string hint) =>
                    Results.Problem(title: "Pleo rejected the key.", detail: hint);

                static IResult InterpolatedHint(string hint) =>
                    Results.Problem(title: "Pleo rejected the key.", detail: $"{hint}");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_innermost_name_decides_between_sign_in_and_connection_code()
    {
        const string source = """
            static class Endpoints
            {
                static void RegisterEndpoints(WebApplication app) =>
                    app.MapPost("/integrations/pleo/connect", () => Results.Problem(detail: {|PUX011:"Pleo rejected the key."|}));
            }

            class LoginController : Controller
            {
                IActionResult ConnectPleo()
                {
                    ModelState.AddModelError("", {|PUX011:"The key was rejected."|});
                    return View();
                }

                IActionResult SignIn()
                {
                    ModelState.AddModelError("", "Your sign-in was rejected.");
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_401_in_a_background_check_means_a_revoked_key()
    {
        const string source = """
            class ConnectionMonitor
            {
                public string? LastAlert { get; set; }

                void Recheck(HttpResponseMessage response)
                {
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        var model = new StatusViewModel { Alert = "The key did not work." };
                    }
                }
            }

            class StatusViewModel
            {
                public string? Alert { get; set; }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX011", DiagnosticSeverity.Warning)
            .WithSpan(9, 55, 9, 78)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("The key did not work.", "Alert", "; this code handles a revoked or expired key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Resource_texts_are_judged_at_the_use_in_connection_code()
    {
        const string source = """
            class Strings
            {
                public static System.Resources.ResourceManager ResourceManager => null!;
                public static string KeyRejected => ResourceManager.GetString("KeyRejected")!;
                public static string KeyRejectedWithHelp => ResourceManager.GetString("KeyRejectedWithHelp")!;
            }

            class ApiKeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("", {|PUX011:Strings.KeyRejected|});
                    ModelState.AddModelError("", Strings.KeyRejectedWithHelp);
                    return View();
                }
            }
            """;
        const string resx = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="KeyRejected" xml:space="preserve"><value>Your key was not accepted.</value></data>
              <data name="KeyRejectedWithHelp" xml:space="preserve"><value>Your key was not accepted. Paste the key again.</value></data>
            </root>
            """;

        await Verify.VerifyAsync(source, null, ("/0/Strings.resx", resx));
    }

    [Fact]
    public async Task Extra_recovery_cues_come_from_editorconfig()
    {
        const string source = """
            class ApiKeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("", "Pleo did not accept the key, call our support desk.");
                    ModelState.AddModelError("", {|PUX011:"Pleo did not accept the key."|});
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.recovery_cues = call our support\n");

        // Written as a person would: case, spacing and a full stop do not matter.
        await Verify.VerifyAsync(source, "pleouxguard.recovery_cues = Call our  Support.\n");

        // Without the option the same message is reported: the option is what silences it.
        var withoutOption = source.Replace("\"Pleo did not accept the key, call our support desk.\"", "{|PUX011:\"Pleo did not accept the key, call our support desk.\"|}", StringComparison.Ordinal);
        await Verify.VerifyAsync(withoutOption);
    }

    [Fact]
    public async Task Configured_connection_names_and_exceptions_widen_connection_code()
    {
        const string source = """
            sealed class LedgerSyncException : Exception;

            class LedgerController : Controller
            {
                IActionResult Sync()
                {
                    try
                    {
                        return View();
                    }
                    catch (LedgerSyncException)
                    {
                        ModelState.AddModelError("", {|PUX011:"The ledger sync was rejected."|});
                        return View();
                    }
                }
            }

            class VaultPage : PageModel
            {
                public string? ErrorMessage { get; set; }

                void OnPost() => ErrorMessage = {|PUX011:"The vault refused the request."|};
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.connection_exceptions = LedgerSyncException\npleouxguard.connection_names = vault\n");
    }
}
