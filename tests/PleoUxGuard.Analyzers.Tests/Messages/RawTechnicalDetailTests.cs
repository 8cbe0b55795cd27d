using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>PUX012: raw exception text, HTTP details and response bodies, and jargon in connection code.</summary>
public sealed class RawTechnicalDetailTests
{
    /// <summary>
    /// SignalR sends a HubException's message to the caller, gRPC a status's detail and GraphQL.NET an ExecutionError's
    /// message: what the user reads, so raw
    /// detail there is reported, and in connection code a failure with no next step. Any other exception's message is
    /// for developers until something shows it.
    /// </summary>
    [Fact]
    public async Task Errors_the_framework_sends_to_the_caller_are_judged_as_what_the_user_reads()
    {
        const string source = """
            using Microsoft.AspNetCore.SignalR;

            namespace Grpc.Core
            {
                public enum StatusCode { OK, Unauthenticated, Unavailable }
                public struct Status { public Status(StatusCode statusCode, string detail) { } }
                public class RpcException : Exception { public RpcException(Status status) { } }
            }

            sealed class PleoConnectionHub(HttpClient http) : Hub
            {
                public async Task Connect()
                {
                    try
                    {
                        await http.GetAsync("/v1/company");
                    }
                    catch (HttpRequestException ex)
                    {
                        throw new HubException({|PUX012:ex.Message|});
                    }
                }

                public void Rejected() => throw new HubException({|PUX011:"Pleo rejected the key."|});

                public void Explained() => throw new HubException("Pleo rejected the key. Copy the whole key from Pleo and paste it again.");

                public void Internal(Exception ex) => throw new InvalidOperationException("Pleo rejected the key: " + ex.Message);
            }

            sealed class PleoConnectionService(HttpClient http)
            {
                public async Task Connect()
                {
                    try
                    {
                        await http.GetAsync("/v1/company");
                    }
                    catch (HttpRequestException ex)
                    {
                        throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, {|PUX012:ex.Message|}));
                    }
                }

                public void Rejected() => throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unauthenticated, {|PUX011:"Pleo rejected the key."|}));
            }

            // GraphQL.NET sends an ExecutionError's message (and its subclasses') in the response's errors.
            namespace GraphQL
            {
                public class ExecutionError : Exception { public ExecutionError(string message) : base(message) { } }
                public class KeyRejectedError(string message) : ExecutionError(message) { }
            }

            sealed class PleoConnectionMutation(HttpClient http)
            {
                public async Task<string> Connect()
                {
                    try
                    {
                        await http.GetAsync("/v1/company");
                        return "Connected";
                    }
                    catch (HttpRequestException ex)
                    {
                        throw new GraphQL.ExecutionError({|PUX012:ex.Message|});
                    }
                }

                public void Rejected() => throw new GraphQL.KeyRejectedError({|PUX011:"Pleo rejected the key."|});

                public void Explained() => throw new GraphQL.ExecutionError("Pleo rejected the key. Copy the whole key from Pleo and paste it again.");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Exception_message_in_a_model_error_is_reported_with_the_kind_of_the_catch()
    {
        const string source = """
            class PleoController : Controller
            {
                async Task<IActionResult> Connect(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                    }
                    catch (HttpRequestException ex)
                    {
                        ModelState.AddModelError("ApiKey", ex.Message);
                    }

                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PUX012", DiagnosticSeverity.Warning)
            .WithSpan(11, 48, 11, 58)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("the exception text 'ex.Message'", "ModelState.AddModelError", "; this code handles Pleo being unreachable or failing"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Exception_details_are_reported_outside_connection_code_too()
    {
        const string source = """
            class ReportsController : Controller
            {
                IActionResult Export()
                {
                    try
                    {
                        return View();
                    }
                    catch (Exception ex)
                    {
                        TempData["Error"] = {|PUX012:ex.ToString()|};
                        ViewBag.ErrorMessage = $"Export failed: {{|PUX012:ex.InnerException?.Message|}}";
                        ViewData["Alert"] = {|PUX012:ex.GetType().Name|} + " at " + {|PUX012:ex.StackTrace|};
                        return Problem(detail: string.Format("Failed: {0}", {|PUX012:ex.Message|}));
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Http_status_reason_phrase_and_response_body_are_reported()
    {
        const string source = """
            class ConnectModel : PageModel
            {
                public string? ErrorMessage { get; set; }

                async Task OnPostAsync(HttpClient client)
                {
                    var response = await client.GetAsync("/v1/installations/me");
                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await {|PUX012:response.Content.ReadAsStringAsync()|};
                        ErrorMessage = body;
                        ErrorMessage = $"Pleo answered {{|PUX012:response.StatusCode|}}: {{|PUX012:response.ReasonPhrase|}}";
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Status_code_of_an_http_request_exception_is_reported()
    {
        const string source = """
            static class PleoEndpoints
            {
                static async Task<IResult> Activate(HttpClient client)
                {
                    try
                    {
                        await client.GetStringAsync("/v1/companies");
                        return Results.Ok();
                    }
                    catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        return Results.BadRequest(new { error = $"Pleo said {{|PUX012:ex.StatusCode|}}. Check the key and try again." });
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Exception_text_in_a_response_s_data_is_reported()
    {
        // Beside the message, a problem's extensions and an anonymous body's other members reach the browser too.
        const string source = """
            class PleoKeyController : Controller
            {
                IActionResult Save(string key)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (HttpRequestException ex)
                    {
                        var problem = new ProblemDetails { Title = "Pleo could not be reached", Detail = "Try again in a few minutes." };
                        problem.Extensions["exception"] = {|PUX012:ex.ToString()|};
                        problem.Extensions.Add("stack", {|PUX012:ex.StackTrace|});
                        problem.Extensions["traceId"] = HttpContext.TraceIdentifier;
                        problem.Extensions["state"] = "failed";
                        return new JsonResult(new { error = "Pleo could not be reached. Try again in a few minutes.", detail = {|PUX012:ex.ToString()|} });
                    }
                    catch (InvalidOperationException ex)
                    {
                        return BadRequest(new { error = "This key could not be saved. Paste it again.", reason = {|PUX012:ex.Message|}, status = "failed", code = "HTTP_401" });
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Exception_text_in_the_data_of_a_body_written_to_the_response_is_reported()
    {
        // A global exception handler or a processor writes the body itself; a bare "message" member is the message.
        const string source = """
            class ErrorWriter
            {
                async Task Write(HttpContext context, Exception ex)
                {
                    await context.Response.WriteAsJsonAsync(new { error = "Pleo could not be reached. Try again in a few minutes.", detail = {|PUX012:ex.Message|} });
                    await context.Response.WriteAsJsonAsync(new { message = {|PUX010:"Something went wrong"|}, traceId = context.TraceIdentifier });
                    await context.Response.WriteAsJsonAsync(new { Message = $"Export failed: {{|PUX012:ex.Message|}}", status = "failed" });
                    await context.Response.WriteAsJsonAsync(new { message = "Pleo could not be reached. Try again in a few minutes.", code = "HTTP_503" });
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_MassTransit_fault_s_exception_text_is_reported()
    {
        const string source = """
            namespace MassTransit
            {
                public interface ExceptionInfo { string ExceptionType { get; } string Message { get; } string StackTrace { get; } string Source { get; } }
                public interface Fault<T> { T Message { get; } ExceptionInfo[] Exceptions { get; } }
            }

            sealed class AlertViewModel
            {
                public string? ErrorMessage { get; set; }
                public string? StatusMessage { get; set; }
            }

            sealed record ExportRequested(string ConnectionId);

            static class ExportFaults
            {
                static AlertViewModel Alert(MassTransit.Fault<ExportRequested> fault) => new()
                {
                    ErrorMessage = $"Export failed: {{|PUX012:fault.Exceptions[0].Message|}}",
                    StatusMessage = $"Export of {fault.Message.ConnectionId} failed: {{|PUX012:fault.Exceptions[0].ExceptionType|}}. Try again in a few minutes.",
                };
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task The_response_an_api_exception_carries_is_reported()
    {
        // Refit's ApiException (the stub stands in for it) carries the failed response's status, reason and body.
        const string source = """
            sealed class ApiException(string message) : Exception(message)
            {
                public HttpStatusCode StatusCode { get; } = HttpStatusCode.Unauthorized;
                public string? ReasonPhrase { get; } = "Unauthorized";
                public string? Content { get; } = "{}";
                public string HelpText { get; } = "";
            }

            // A client's own exception keeps the body under a name of its own.
            sealed class PleoApiException(string message) : Exception(message)
            {
                public string ResponseBody { get; } = "{}";
                public string RawResponse { get; } = "{}";
                public string Body { get; } = "{}";
            }

            // Flurl's exception reads the failed call's body on demand.
            sealed class FlurlHttpException(string message) : Exception(message)
            {
                public System.Threading.Tasks.Task<string> GetResponseStringAsync() => System.Threading.Tasks.Task.FromResult("{}");
                public string GetFriendlyText() => "Pleo could not be reached.";
            }

            class PleoKeyController : Controller
            {
                async System.Threading.Tasks.Task<IActionResult> Call()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (FlurlHttpException ex)
                    {
                        ModelState.AddModelError("", await {|PUX012:ex.GetResponseStringAsync()|});
                        ModelState.AddModelError("", ex.GetFriendlyText());
                        return View();
                    }
                }

                IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (ApiException ex)
                    {
                        ModelState.AddModelError("", {|PUX012:ex.Content|}!);
                        ModelState.AddModelError("", $"Pleo said {{|PUX012:ex.StatusCode|}} ({{|PUX012:ex.ReasonPhrase|}}). Reinstall the integration and paste the new key.");
                        ModelState.AddModelError("", ex.HelpText);
                        return View();
                    }
                    catch (PleoApiException ex)
                    {
                        ModelState.AddModelError("", $"Pleo said: {{|PUX012:ex.ResponseBody|}}");
                        ModelState.AddModelError("", {|PUX012:ex.RawResponse|});
                        ModelState.AddModelError("", {|PUX012:ex.Body|});
                        return View();
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Jargon_literals_are_reported_in_connection_code()
    {
        const string source = """
            class ApiKeyController : Controller
            {
                IActionResult Save(HttpResponseMessage response)
                {
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        ModelState.AddModelError("ApiKey", "Pleo returned 401. Check the key and try again.");
                    }

                    TempData["Error"] = {|PUX012:"The JSON payload could not be deserialized. Try again."|};
                    return View();
                }
            }
            """;

        var test = Verify.Create(source);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("PUX012", DiagnosticSeverity.Warning)
            .WithSpan(7, 48, 7, 97)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("the jargon \"401\" in \"Pleo returned 401. Check the key and try again.\"", "ModelState.AddModelError", "; this code handles an invalid API key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Extra_jargon_comes_from_editorconfig()
    {
        const string source = """
            class ApiKeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("", {|PUX012:"The tenant GUID was not found. Check the key and try again."|});
                    return View();
                }
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.jargon_terms = guid\n");

        // Written as the term is spelled: its case does not matter.
        await Verify.VerifyAsync(source, "pleouxguard.jargon_terms = GUID\n");
    }

    [Fact]
    public async Task A_quoted_term_in_guidance_about_what_to_paste_is_text_the_user_sees_not_jargon()
    {
        const string source = """
            class KeyController : ControllerBase
            {
                IActionResult Save(string apiKey)
                {
                    if (!apiKey.StartsWith("pleo_"))
                        return BadRequest("Paste the whole key, without the 'Bearer ' prefix.");
                    if (apiKey.Contains(' '))
                        return BadRequest("Remove the \"Basic auth\" text and enter only the key.");
                    return Ok();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_term_is_still_jargon_unquoted_outside_guidance_or_when_it_is_a_status_or_a_failure()
    {
        const string source = """
            class KeyController : ControllerBase
            {
                IActionResult Save(int attempt)
                {
                    return attempt switch
                    {
                        1 => BadRequest({|PUX012:"Paste the key without the Bearer prefix."|}),
                        2 => BadRequest({|PUX012:"Pleo did not accept the 'Bearer' value. Check the key and try again."|}),
                        3 => BadRequest({|PUX012:"Pleo said '401'. Paste the key again."|}),
                        4 => BadRequest({|PUX012:"Pleo said 'Unauthorized'. Paste the key again."|}),
                        5 => BadRequest({|PUX012:"Pleo threw a 'TimeoutException'. Paste the key again."|}),
                        _ => BadRequest({|PUX012:"Paste the key without the 'Bearer token' header."|}),
                    };
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Built_in_jargon_terms_can_be_allowed_from_editorconfig()
    {
        const string source = """
            class KeyController : ControllerBase
            {
                IActionResult Save(bool spaced) =>
                    spaced
                        ? BadRequest("The key does not start with Bearer. Copy only the key from Pleo.")
                        : BadRequest({|PUX012:"Remove the Bearer header and try again."|});
            }
            """;

        await Verify.VerifyAsync(source, "pleouxguard.allowed_jargon_terms = Bearer\n");
    }

    [Fact]
    public async Task A_response_body_carried_in_a_member_of_an_object_the_body_created_is_reported_where_it_is_read()
    {
        const string source = """
            sealed class PleoResult
            {
                public bool Ok { get; init; }
                public string? Body { get; set; }
            }

            static class PleoChecks
            {
                static async Task<IResult> Check(HttpClient http)
                {
                    using var response = await http.GetAsync("v1/me");
                    var result = new PleoResult { Ok = response.IsSuccessStatusCode, Body = await {|PUX012:response.Content.ReadAsStringAsync()|} };
                    return Results.Problem(title: "Pleo did not accept the key. Check it and try again.", detail: result.Body);
                }

                static async Task<string> Describe(HttpClient http)
                {
                    using var response = await http.GetAsync("v1/me");
                    var res = new PleoResult();
                    res.Body = await {|PUX012:response.Content.ReadAsStringAsync()|};
                    var anonymous = new { Text = await {|PUX012:response.Content.ReadAsStringAsync()|} };
                    var model = new StatusModel();
                    model.ErrorMessage = $"Pleo said: {res.Body}";
                    model.ErrorMessage = anonymous.Text;
                    return model.ErrorMessage;
                }
            }

            sealed class StatusModel
            {
                public string? ErrorMessage { get; set; }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_member_that_holds_no_raw_detail_is_not_reported()
    {
        const string source = """
            sealed class PleoResult
            {
                public bool Ok { get; init; }
                public string? Body { get; set; }
                public string? Summary { get; set; }
            }

            static class PleoChecks
            {
                static async Task<IResult> Check(HttpClient http, PleoResult given)
                {
                    using var response = await http.GetAsync("v1/me");
                    var result = new PleoResult { Body = await response.Content.ReadAsStringAsync(), Summary = "Pleo did not accept the key." };
                    var other = new PleoResult { Body = "Check the key and paste it again." };
                    if (given.Ok)
                        return Results.Problem(title: "Pleo did not accept the key.", detail: other.Body);
                    return Results.Problem(title: result.Summary, detail: given.Body);
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task An_exception_member_written_for_users_is_shown_where_its_message_would_be_reported()
    {
        const string source = """
            sealed class PleoConnectionException(string developerMessage) : Exception(developerMessage)
            {
                public string UserMessage => "Pleo did not accept this API key. Check that you copied the whole key and try again.";
            }

            class PleoKeyController : Controller
            {
                IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (PleoConnectionException ex) when (ex.UserMessage.Length > 0)
                    {
                        ModelState.AddModelError("ApiKey", ex.UserMessage);
                        ModelState.AddModelError("", {|PUX012:ex.Message|});
                        return View();
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
