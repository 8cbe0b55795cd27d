using PleoUxGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>PUX010: one test per sink and per context in which a generic message is reported.</summary>
public sealed class GenericErrorMessageTests
{
    [Fact]
    public async Task Model_error_quotes_the_message_and_names_the_failure_kind()
    {
        const string source = """
            class KeysController : Controller
            {
                IActionResult Connect(string key)
                {
                    ModelState.AddModelError("ApiKey", "Authentication failed.");
                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(Reported(line: 5, 44, 68)
            .WithArguments("Authentication failed.", "shown through ModelState.AddModelError", "says only that authentication failed, not why or what to do next", "; this code handles an invalid API key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_message_a_SignalR_hub_sends_to_the_page_is_judged()
    {
        // The page's handler for "keyRejected" shows the text it is sent; a handler named for a state shows a state label
        // ("Connection failed" is one of Pleo's), one named for a status message a message.
        const string source = """
            using Microsoft.AspNetCore.SignalR;

            public interface IConnectClient
            {
                Task KeyRejected(string message);
                Task StateChanged(string state);
            }

            public sealed class ConnectHub : Hub<IConnectClient>
            {
                public async Task Test(string key)
                {
                    await Clients.Caller.KeyRejected({|PUX010:"Something went wrong."|});
                    await Clients.Caller.KeyRejected("Pleo did not accept this key: it was revoked. Paste a new key from Pleo > Settings > Integrations.");
                    await Clients.Caller.StateChanged("Connected");
                    await Clients.Caller.StateChanged("Connection failed");
                }
            }

            public sealed class NotifyHub : Hub
            {
                public async Task Test()
                {
                    await Clients.Caller.SendAsync("keyRejected", {|PUX010:"Error"|});
                    await Clients.Caller.SendAsync("stateChanged", "Connected");
                    await Clients.Caller.SendAsync("state", "Connection failed");
                    await Clients.Caller.SendAsync("statusMessage", {|PUX010:"Connection failed"|});
                    await Clients.Caller.SendAsync("keyRejected", {|PUX010:"Connection failed"|});
                }
            }
            """;

        await Verify.Create(source).RunAsync();
    }

    [Fact]
    public async Task The_project_template_s_error_page_text_is_generic()
    {
        // ASP.NET Core's templates show this on their Error page; it says nothing about what failed or what to do.
        const string source = """
            class KeysController : Controller
            {
                IActionResult Connect(string key)
                {
                    ModelState.AddModelError("", {|PUX010:"An error occurred while processing your request."|});
                    ModelState.AddModelError("", "An error occurred while processing your request to Pleo: the key was revoked. Paste a new key from Pleo.");
                    return View();
                }
            }
            """;

        await Verify.Create(source).RunAsync();
    }

    [Fact]
    public async Task A_generic_message_that_names_what_failed_is_said_to_say_only_that()
    {
        const string source = """
            class ConnectForm
            {
                public string? PleoApiKey { get; set; }
            }

            class PleoController : Controller
            {
                IActionResult Connect(ConnectForm form, bool known)
                {
                    ModelState.AddModelError(nameof(form.PleoApiKey), "Invalid API key.");
                    if (!known) ModelState.AddModelError("", "Something went wrong. Please try again.");
                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(Reported(line: 10, 59, 77)
            .WithArguments("Invalid API key.", "shown through ModelState.AddModelError", "says only that the key is invalid, not why or what to do next", "; this code handles an invalid API key"));
        test.ExpectedDiagnostics.Add(Reported(line: 11, 50, 91)
            .WithArguments("Something went wrong. Please try again.", "shown through ModelState.AddModelError", "does not say what failed", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Problem_details_of_a_minimal_api_route_are_checked()
    {
        const string source = """
            static class Routes
            {
                static void Map(WebApplication app)
                {
                    app.MapPost("/integrations/pleo/connect", () => Results.Problem(title: {|PUX010:"Unauthorized"|}, statusCode: 401));
                    app.MapGet("/reports", () => Results.Problem(detail: {|PUX010:"Something went wrong"|}));
                    var problem = new ProblemDetails { Title = {|PUX010:"Bad request"|}, Detail = {|PUX010:"Oops!"|} };
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Validation_problem_errors_are_judged_as_the_messages_shown_next_to_their_field()
    {
        // A walkthrough: PUX002 read these messages for secrets while PUX010 left "Invalid." next to the key field.
        const string source = """
            static class Routes
            {
                static void Map(WebApplication app)
                {
                    app.MapPost("/connect", () => Results.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]> { ["PleoApiKey"] = new[] { {|PUX010:"Invalid."|} } }));
                    app.MapPost("/connect2", () => TypedResults.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]> { { "PleoApiKey", [{|PUX010:"Error"|}] } }));
                    app.MapPost("/connect3", () => Results.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]>
                    {
                        ["PleoApiKey"] = new[] { "This does not look like a Pleo API key. Copy the key exactly as Pleo shows it and paste it here." },
                    }));
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_generic_problem_title_over_a_detail_that_says_what_failed_is_one_message_that_does()
    {
        const string source = """
            static class Routes
            {
                static IResult Revoked() =>
                    Results.Problem(title: "Error", detail: "The Pleo API key was revoked. Generate a new key in Pleo and paste it here.");

                static ProblemDetails Permission() => new()
                {
                    Title = "The key does not have the permissions this integration needs.",
                    Detail = "Please try again.",
                };
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_generic_problem_title_over_a_detail_known_only_at_run_time_is_still_generic()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult TraceId(HttpContext context) =>
                    Results.Problem(title: {|PUX010:"Something went wrong."|}, detail: $"Reference: {context.TraceIdentifier}");

                static IResult GenericPrefix(string reason) =>
                    Results.Problem(title: {|PUX010:"Error"|}, detail: $"Error: {reason}");

                static IResult WhollyRunTime(string reason) =>
                    Results.Problem(title: {|PUX010:"Something went wrong."|}, detail: reason);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_generic_problem_title_over_an_interpolated_detail_whose_constant_text_says_what_failed_is_one_message_that_does()
    {
        const string source = """
            static class PleoConnectionErrors
            {
                static IResult Rejected(string company) =>
                    Results.Problem(title: "Error", detail: $"Pleo rejected the key for {company}. Paste a new key from Pleo.");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_generic_problem_title_without_a_detail_or_over_a_generic_one_is_reported()
    {
        const string source = """
            static class Routes
            {
                static IResult NoDetail() => Results.Problem(title: {|PUX010:"Error"|}, statusCode: 500);

                static IResult NullDetail() => Results.Problem(title: {|PUX010:"Something went wrong"|}, detail: null);

                static IResult BothGeneric() => TypedResults.Problem(title: {|PUX010:"Error"|}, detail: {|PUX010:"Please try again later."|});
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Text_a_controller_sends_as_json_is_checked()
    {
        const string source = """
            class ReportsController : Controller
            {
                IActionResult Export(bool failed) =>
                    failed ? Json({|PUX010:"Something went wrong"|}) : new JsonResult({|PUX010:"Error"|});
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task TempData_ViewData_and_ViewBag_are_checked_everywhere_but_state_labels()
    {
        const string source = """
            class ReportsController : Controller
            {
                IActionResult Export()
                {
                    TempData["Error"] = {|PUX010:"Something went wrong"|};
                    ViewData["Message"] = {|PUX010:$"Error"|};
                    ViewBag.ErrorMessage = {|PUX010:"Request failed."|};
                    TempData["ConnectionStatus"] = "Connection failed";
                    ViewBag.State = "Failed";
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Constants_locals_conditionals_and_switches_are_followed_to_their_text()
    {
        const string source = """
            static class Messages
            {
                public const string Failed = "Operation failed";
            }

            class ConnectionController : ControllerBase
            {
                IActionResult Save(HttpResponseMessage response)
                {
                    var message = {|PUX010:"Oops! Something went wrong."|};
                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        message = {|PUX010:"Access denied"|};
                    }

                    ModelState.AddModelError("", message);
                    ModelState.AddModelError("", {|PUX010:Messages.Failed|});
                    ModelState.AddModelError("", response.IsSuccessStatusCode ? "Connected to Pleo." : {|PUX010:"Error!"|});
                    return BadRequest((int)response.StatusCode switch
                    {
                        401 => {|PUX010:"Invalid credentials"|},
                        _ => {|PUX010:"Authentication failed. Please try again."|},
                    });
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Page_model_members_and_response_writers_are_checked()
    {
        const string source = """
            class SettingsModel : PageModel
            {
                public string? StatusMessage { get; set; }

                public string? ConnectionState { get; set; }

                async Task OnPostAsync()
                {
                    StatusMessage = {|PUX010:"Failed"|};
                    ConnectionState = "Connection failed";
                    await HttpContext.Response.WriteAsync({|PUX010:"Unknown error"|});
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Validation_attribute_messages_are_checked()
    {
        const string source = """
            using System.ComponentModel.DataAnnotations;

            class ConnectInput
            {
                [Required(ErrorMessage = {|PUX010:"Invalid input"|})]
                [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "This does not look like a Pleo API key. Copy the key exactly as Pleo shows it and paste it here.")]
                public string? ApiKey { get; set; }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Exceptions_count_in_connection_code_only()
    {
        const string source = """
            sealed class PleoConnectionException(string message) : Exception(message);

            class PleoClient
            {
                void Check(bool ok)
                {
                    if (!ok) throw new PleoConnectionException({|PUX010:"Connection error"|});
                }
            }

            class ReportExporter
            {
                void Export(bool ok)
                {
                    if (!ok) throw new InvalidOperationException("Operation failed");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_exception_message_is_said_to_be_given_to_the_exception_not_shown_through_it()
    {
        const string source = """
            class PleoSyncClient
            {
                async Task PullAsync(HttpClient http)
                {
                    var response = await http.GetAsync("v1/expenses");
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                        throw new HttpRequestException("Request failed");
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(Reported(line: 7, 44, 60)
            .WithArguments("Request failed", "given to new HttpRequestException", "does not say what failed", "; this code handles an invalid API key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Exception_messages_are_left_alone_where_generic_messages_in_exceptions_is_false()
    {
        const string source = """
            class PleoSyncClient
            {
                async Task PullAsync(HttpClient http, SyncModel model)
                {
                    var response = await http.GetAsync("v1/expenses");
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        model.ErrorMessage = {|PUX010:"Authentication failed."|};
                        throw new HttpRequestException("Request failed");
                    }
                }
            }

            class SyncModel
            {
                public string? ErrorMessage { get; set; }
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.generic_messages_in_exceptions = false\n");
    }

    [Fact]
    public async Task A_source_exception_whose_message_parameter_has_another_name_is_checked()
    {
        const string source = """
            class PleoApiException : Exception
            {
                public PleoApiException(string msg) : base(msg) { }
                public PleoApiException(string msg, string hint) : base(hint) { }
            }

            class PleoClient
            {
                void Connect(bool ok, bool known)
                {
                    if (!ok) throw new PleoApiException({|PUX010:"Something went wrong"|});
                    if (!known) throw new PleoApiException("Something went wrong", "Pleo did not accept this API key. Copy the whole key from Pleo and save it again.");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_base_message_a_connection_exception_fixes_in_its_constructor_is_checked()
    {
        const string source = """
            sealed class PleoUnavailableException() : Exception({|PUX010:"Something went wrong"|});

            sealed class PleoKeyRejectedException : Exception
            {
                public PleoKeyRejectedException() : base({|PUX010:"Connection error"|}) { }
                public PleoKeyRejectedException(string companyId) : base($"Pleo did not accept the API key for company {companyId}. Copy the whole key from Pleo and save it again.") { }
            }

            sealed class ReportExportException() : Exception("Operation failed");
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_message_a_connection_exception_returns_from_its_Message_override_is_checked()
    {
        const string source = """
            sealed class PleoUnavailableException : Exception
            {
                public override string Message => {|PUX010:"Something went wrong"|};
            }

            sealed class PleoKeyRejectedException : Exception
            {
                private readonly bool _revoked;

                public override string Message
                {
                    get
                    {
                        // A helper's own return is not the message.
                        Func<string> fallback = () => { return "Error"; };
                        if (_revoked) return {|PUX010:"Connection error"|};
                        return "Pleo did not accept this API key. Copy the whole key from Pleo and save it again.";
                    }
                }
            }

            // Not connection code, and not an exception's Message.
            sealed class ReportExportException : Exception
            {
                public override string Message => "Operation failed";
            }

            sealed class PleoStatus
            {
                public string Message => "Something went wrong";
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_Message_override_is_reported_as_the_text_it_returns()
    {
        const string source = """
            sealed class PleoUnavailableException : Exception
            {
                public override string Message => "Something went wrong";
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(Reported(line: 3, 39, 61)
            .WithArguments("Something went wrong", "returned by PleoUnavailableException.Message", "does not say what failed", "; this code handles Pleo being unreachable or failing"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_gRPC_status_detail_in_connection_code_is_judged_as_an_exception_s_message()
    {
        // The stub stands in for Grpc.Core, declared as it declares these types.
        const string source = """
            namespace Grpc.Core
            {
                public enum StatusCode { OK, Unauthenticated, Unavailable }
                public struct Status { public Status(StatusCode statusCode, string detail) { } }
                public class RpcException : Exception { public RpcException(Status status) { } }
            }

            sealed class PleoConnectionService
            {
                void Connect(bool ok, bool reachable)
                {
                    if (!reachable) throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, {|PUX010:"Something went wrong"|}));
                    if (!ok) throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unauthenticated, "Pleo did not accept this API key. Copy the whole key from Pleo and save it again."));
                }
            }

            // Not connection code: a gRPC detail is judged there as an exception's message is, not at all.
            sealed class ReportService
            {
                void Export() => throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "Something went wrong"));
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_message_given_with_a_coalescing_or_compound_assignment_is_checked()
    {
        // CustomizeProblemDetails commonly fills a title only when none was set; a page appends to its message.
        const string source = """
            sealed class ConnectViewModel
            {
                public string? ErrorMessage { get; set; }
                public int Attempts { get; set; }

                public void Fail(ProblemDetails problem, bool again)
                {
                    problem.Title ??= {|PUX010:"An error occurred"|};
                    ErrorMessage ??= {|PUX010:"Something went wrong."|};
                    if (again) ErrorMessage += {|PUX010:"Error"|};
                    Attempts += 1;
                    ErrorMessage ??= "Pleo did not accept this API key. Copy the whole key from Pleo and save it again.";
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_Blazor_form_s_validation_messages_are_checked()
    {
        // <ValidationMessage For="() => form.ApiKey" /> shows what the page adds to its ValidationMessageStore.
        const string source = """
            using Microsoft.AspNetCore.Components.Forms;

            sealed class ConnectForm
            {
                public string ApiKey { get; set; } = "";
            }

            sealed class ConnectPleo
            {
                private readonly ConnectForm _form = new();

                void Rejected(ValidationMessageStore messages, EditContext context)
                {
                    messages.Add(() => _form.ApiKey, {|PUX010:"Invalid API key"|});
                    messages.Add(context.Field(nameof(ConnectForm.ApiKey)), {|PUX010:"Something went wrong"|});
                    messages.Add(() => _form.ApiKey, "Pleo did not accept this API key. Copy the whole key from Pleo and paste it again.");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Extra_generic_phrases_come_from_editorconfig()
    {
        const string source = """
            class KeysController : Controller
            {
                IActionResult Connect()
                {
                    ModelState.AddModelError("", {|PUX010:"Computer says no."|});
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.generic_phrases = computer says no, nope\n");
    }

    [Fact]
    public async Task Limiting_generic_messages_to_connection_code_leaves_other_pages_alone()
    {
        const string source = """
            class ReportsController : Controller
            {
                IActionResult Export()
                {
                    TempData["Error"] = "Something went wrong";
                    return View();
                }
            }

            class PleoKeyController : Controller
            {
                IActionResult Save()
                {
                    TempData["Error"] = {|PUX010:"Something went wrong"|};
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.generic_messages_only_in_connection_code = true\n");
    }

    [Fact]
    public async Task A_generic_resource_entry_used_in_code_is_reported_once_at_the_entry_not_again_at_the_use()
    {
        const string source = """
            class Strings
            {
                public static System.Resources.ResourceManager ResourceManager => null!;
                public static string AccessDenied => ResourceManager.GetString("AccessDenied")!;
            }

            class ApiKeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("", Strings.AccessDenied);
                    return View();
                }
            }
            """;
        const string resx = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="AccessDenied" xml:space="preserve"><value>{|PUX010:Access denied.|}</value></data>
            </root>
            """;

        await Verify.VerifyAsync(source, null, ("/0/Strings.resx", resx));
    }

    [Fact]
    public async Task Generic_resource_entries_are_reported_at_the_entry()
    {
        const string resx = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="KeyRejected" xml:space="preserve">
                <value>{|PUX010:Access denied.|}</value>
              </data>
              <data name="ErrorPageTitle" xml:space="preserve">
                <value>Error</value>
              </data>
              <data name="StatusFailed" xml:space="preserve">
                <value>Failed</value>
              </data>
              <data name="KeyInvalid" xml:space="preserve">
                <value>The API key appears to be invalid. Check that you copied the whole key from Pleo and try again.</value>
              </data>
              <data name="LoginFailed" xml:space="preserve">
                <value>Invalid credentials</value>
              </data>
            </root>
            """;
        const string translated = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="KeyRejected" xml:space="preserve">
                <value>Accès refusé.</value>
              </data>
              <data name="Generic" xml:space="preserve">
                <value>Error</value>
              </data>
            </root>
            """;

        await Verify.VerifyAsync("class Empty { }", null, ("/0/Resources/Strings.resx", resx), ("/0/Resources/Strings.fr.resx", translated));
    }

    private const string GenericEntries = """
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <data name="KeyRejected" xml:space="preserve"><value>{|PUX010:Access denied.|}</value></data>
          <data name="ExportFailed" xml:space="preserve"><value>Something went wrong.</value></data>
        </root>
        """;

    [Fact]
    public async Task With_generic_messages_only_in_connection_code_a_resource_is_judged_when_its_file_or_entry_is_connection_named()
    {
        const string connectionFile = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="Generic" xml:space="preserve"><value>{|PUX010:Error|}</value></data>
            </root>
            """;

        await Verify.VerifyAsync(
            "class Empty { }",
            "pleouxguard.generic_messages_only_in_connection_code = true\n",
            ("/0/Resources/Strings.resx", GenericEntries),
            ("/0/Resources/PleoConnection.resx", connectionFile));

        // Without the option every generic entry is reported: the option is what narrows it.
        await Verify.VerifyAsync(
            "class Empty { }",
            null,
            ("/0/Resources/Strings.resx", GenericEntries.Replace("<value>Something went wrong.</value>", "<value>{|PUX010:Something went wrong.|}</value>", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Resource_entries_of_a_test_project_are_not_reported()
    {
        var test = Verify.Create("class Empty { }", null, ("/0/Resources/Strings.resx", GenericEntries.Replace("{|PUX010:Access denied.|}", "Access denied.", StringComparison.Ordinal)));
        test.TestState.AdditionalReferences.Add(await TestLibraries.CompileAsync(
            "xunit.core", "namespace Xunit { public sealed class FactAttribute : System.Attribute { } }", TestReferences.Default, "/packages/xunit.core.dll"));

        await test.RunAsync();
    }

    /// <summary>A PUX010 diagnostic on one line, its additional locations (the place it is shown) not compared.</summary>
    private static DiagnosticResult Reported(int line, int column, int endColumn) =>
        new DiagnosticResult("PUX010", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan(line, column, line, endColumn)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
