using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Tests.Sinks.UserMessageSinkProbe>;

namespace PleoUxGuard.Analyzers.Tests.Sinks;

public sealed class UserMessageSinksTests
{
    [Fact]
    public async Task Mvc_controller_sinks_are_found()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            class KeysController : Controller
            {
                IActionResult Save(string text)
                {
                    ModelState.AddModelError("ApiKey", {|SINK:text|});
                    ModelState.TryAddModelError("ApiKey", {|SINK:"b"|});
                    TempData["Error"] = {|SINK:text|};
                    TempData.Add("Flash", {|SINK:text|});
                    ViewData["Alert"] = {|SINK:text|};
                    ViewBag.ErrorMessage = {|SINK:text|};
                    TempData["Status"] = {|LABEL:text|};
                    ViewBag.ConnectionState = {|LABEL:text|};
                    _ = Problem(detail: {|SINK:text|}, title: {|SINK:"t"|});
                    _ = Content({|SINK:text|});
                    _ = StatusCode(502, {|SINK:text|});
                    _ = Conflict({|SINK:text|});
                    _ = new BadRequestObjectResult({|SINK:text|});
                    _ = new ContentResult { Content = {|SINK:text|} };
                    return BadRequest({|SINK:text|});
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Minimal_api_problem_details_and_response_writers_are_found()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            static class Endpoints
            {
                static async Task<IResult> Connect(HttpContext context, string text)
                {
                    await context.Response.WriteAsync({|SINK:text|});
                    await context.Response.WriteAsJsonAsync({|SINK:text|});
                    var problem = new ProblemDetails { Title = {|SINK:text|}, Detail = {|SINK:"d"|}, Type = "about:blank" };
                    problem.Instance = text;
                    _ = TypedResults.BadRequest({|SINK:text|});
                    _ = Results.Text({|SINK:text|}, "text/plain");
                    _ = Results.Json(new { error = {|SINK:text|}, code = 3 });
                    return Results.Problem(title: {|SINK:text|}, statusCode: 401);
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Message_members_of_page_models_view_models_and_components_are_found()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Components;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            class ConnectModel : PageModel
            {
                public string? StatusMessage { get; set; }
                public string? ConnectionStatus { get; set; }
                public string? KeyError { get; set; }
                public bool ShowAlert { get; set; }
                public System.Collections.Generic.List<string> Alerts { get; } = new();
                public System.Collections.Generic.List<string> Names { get; } = new();

                void OnPost(string text)
                {
                    StatusMessage = {|SINK:text|};
                    KeyError = {|SINK:text|};
                    ConnectionStatus = text;
                    ShowAlert = true;
                    Alerts.Add({|SINK:text|});
                    Alerts.Insert(0, {|SINK:text|});
                    Names.Add(text);
                }
            }

            class SettingsViewModel
            {
                public string? ErrorMessage;
                public string? Notification { get; set; }
                public string? Hint { get; set; }
            }

            record ConnectResult(string? ErrorMessage);

            class ConnectInput
            {
                [System.ComponentModel.DataAnnotations.Required(ErrorMessage = {|SINK:"Enter your key."|})]
                [System.ComponentModel.DataAnnotations.StringLength(80, ErrorMessage = {|SINK:"Too long."|})]
                public string? ApiKey { get; set; }
            }

            class KeyForm : ComponentBase
            {
                string? alert;

                void Show(string text)
                {
                    alert = {|SINK:text|};
                    var model = new SettingsViewModel { ErrorMessage = {|SINK:text|}, Notification = {|SINK:text|}, Hint = text };
                    _ = new ConnectResult({|SINK:text|});
                }
            }

            class Repository
            {
                public string? LastError { get; set; }

                void Remember(string text)
                {
                    LastError = text;
                    throw new InvalidOperationException({|SINK:text|});
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Logs_and_non_message_arguments_are_not_sinks()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            class KeysController : ControllerBase
            {
                IActionResult Save(ILogger<KeysController> logger, string text)
                {
                    logger.LogError("Authentication failed: {Reason}", text);
                    Console.WriteLine({|#0:text|});
                    _ = new ArgumentNullException(text);
                    new System.IO.StringWriter().WriteLine(text);
                    return Problem(type: text, instance: text, statusCode: 500);
                }
            }
            """;

        // The console is found as console output, which only a command-line tool's message rules judge (ConsoleMessagesTests).
        await Verify.VerifyAsync(
            source,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(UserMessageSinkProbe.Sink).WithLocation(0).WithArguments("Console.WriteLine", "ConsoleOutput"));
    }

    [Fact]
    public async Task Without_asp_net_core_only_exceptions_and_named_members_remain()
    {
        var test = new Verifiers.AnalyzerVerifier<UserMessageSinkProbe>.Test
        {
            TestCode = """
                class ConnectViewModel
                {
                    public string? ErrorMessage { get; set; }

                    void Fail(string text)
                    {
                        ErrorMessage = {|SINK:text|};
                        throw new System.Exception({|SINK:text|});
                    }
                }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task FluentValidation_WithMessage_text_is_found_by_its_namespace()
    {
        const string source = """
            using FluentValidation;

            sealed record ConnectRequest(string ApiKey);

            sealed class ConnectRequestValidator : AbstractValidator<ConnectRequest>
            {
                public ConnectRequestValidator(string text)
                {
                    RuleFor(x => x.ApiKey).WithMessage({|SINK:text|});
                    RuleFor(x => x.ApiKey).WithMessage(x => {|SINK:text|});
                    Other.Rules.WithMessage(text);
                }
            }

            namespace Other
            {
                static class Rules
                {
                    public static void WithMessage(string errorMessage) { }
                }
            }
            """;

        await Verify.VerifyAsync(source + Messages.FluentValidationMessageTests.FluentValidationStub);
    }
}
