using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>
/// Code PUX010, PUX011 and PUX012 must all leave alone: specific messages, state labels, log messages,
/// sign-in flows, localised resources, messages with a recovery cue, test code, and places that are
/// not user-facing. Each case is one small program; each would be reported if its one saving detail
/// were different (the positive tests show the same sinks firing).
/// </summary>
public sealed class SilentCasesTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        // Specific messages: the catalogue's own and others that say what failed and what to do.
        { "catalogue invalid key", Controller("ModelState.AddModelError(\"ApiKey\", \"The API key appears to be invalid. Check that you copied the whole key from Pleo and try again.\");") },
        { "catalogue missing permission", Controller("TempData[\"Error\"] = \"This API key does not have the permissions this integration needs. Reinstall the integration in Pleo, approve the requested permissions, and paste the new key.\";") },
        { "catalogue revoked", Controller("ViewBag.ErrorMessage = \"Your connection to Pleo has been interrupted because the API key was revoked or has expired. Update your API key to restore access.\";") },
        { "catalogue unavailable", Controller("ModelState.AddModelError(\"\", \"Pleo could not be reached just now, so the key was not saved. Try again in a few minutes.\");") },
        { "catalogue rate limited", Controller("ViewData[\"Alert\"] = \"Pleo is receiving too many requests right now. Wait a minute, then try again.\";") },
        { "catalogue wrong format", Controller("ModelState.AddModelError(\"ApiKey\", \"This does not look like a Pleo API key. Copy the key exactly as Pleo shows it after installation and paste it here.\");") },
        { "specific with company", Controller("TempData[\"Error\"] = $\"The key belongs to another company ({Guid.NewGuid()}). Paste the key for this company.\";") },
        { "success message", Controller("TempData[\"StatusMessage\"] = \"Connected to Pleo.\";") },
        { "generic word inside a specific sentence", Controller("ModelState.AddModelError(\"\", \"Error saving the key: the key field is empty. Paste your key.\");") },

        // State labels: the same words, but in a status, state or badge member.
        { "status tempdata", Controller("TempData[\"Status\"] = \"Connection failed\";") },
        { "state viewbag", Controller("ViewBag.ConnectionState = \"Failed\";") },
        { "badge viewdata", Controller("ViewData[\"Badge\"] = \"Error\";") },
        { "status property", """
            class ConnectionModel : PageModel
            {
                public string Status { get; set; } = "";
                public string StatusLabel { get; set; } = "";
                void OnGet() { Status = "Connection failed"; StatusLabel = "Action required"; }
            }
            """ },
        { "status record", """
            record PleoConnectionViewModel(string State, string BadgeText);
            class C { object Make() => new PleoConnectionViewModel("Connection failed", "Failed"); }
            """ },
        { "label constants", """
            static class ConnectionStateLabels
            {
                public const string ConnectionFailed = "Connection failed";
                public const string ActionRequired = "Action required";
            }
            """ },

        // Log messages are for operators, not users.
        { "logger error", Controller("logger.LogError(\"Authentication failed for tenant {Tenant}\", 42);") },
        { "logger exception", Controller("try { } catch (HttpRequestException ex) { logger.LogWarning(ex, \"Pleo call failed: {Message}\", ex.Message); }") },
        { "console", Controller("Console.WriteLine(\"Something went wrong\");") },
        { "debug", Controller("System.Diagnostics.Debug.WriteLine(\"Error 401 from Pleo\");") },
        { "trace", Controller("System.Diagnostics.Trace.TraceError(\"Request failed with \" + 500);") },

        // End-user sign-in flows stay generic on purpose (OWASP: do not reveal which accounts exist).
        { "login page model", """
            class LoginModel : PageModel
            {
                public string? ErrorMessage { get; set; }
                void OnPost() { ModelState.AddModelError("", "Invalid credentials"); ErrorMessage = "Login failed."; }
            }
            """ },
        { "account sign in action", """
            class AccountController : Controller
            {
                IActionResult SignIn(string email, string password)
                {
                    ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                    return View();
                }
            }
            """ },
        { "password parameter", """
            class AccountController : Controller
            {
                IActionResult Submit(string email, string password) { TempData["Error"] = "Authentication failed"; return View(); }
            }
            """ },
        { "login route", """
            static class Routes
            {
                static void Map(WebApplication app) => app.MapPost("/account/login", () => Results.Problem(title: "Unauthorized", statusCode: 401));
            }
            """ },
        { "register page", """
            class RegisterModel : PageModel
            {
                void OnPost() => ModelState.AddModelError("", "Registration failed.");
            }
            """ },
        { "two factor page", """
            class LoginWith2faModel : PageModel
            {
                void OnPost() => ModelState.AddModelError("", "Invalid authenticator code.");
            }
            """ },
        { "sign in beats connection names", """
            class PleoConnectionController : Controller
            {
                IActionResult Login() { ModelState.AddModelError("", "Access denied"); return View(); }
            }
            """ },
        { "sign in with exception text", """
            class LoginModel : PageModel
            {
                public string? ErrorMessage { get; set; }
                void OnPost() { try { } catch (Exception) { ErrorMessage = "Unauthorized"; } }
            }
            """ },

        // Localised resources: translations are fixed through their neutral text; localizers are not judged by key.
        { "localizer key", """
            class KeysController : Controller
            {
                IActionResult Save(Microsoft.Extensions.Localization.IStringLocalizer<KeysController> localizer)
                {
                    ModelState.AddModelError("", localizer["KeyRejected"]);
                    return View();
                }
            }
            """ },
        { "resource property without resx", """
            class Strings
            {
                public static System.Resources.ResourceManager ResourceManager => null!;
                public static string KeyRejected => ResourceManager.GetString("KeyRejected")!;
            }
            class KeysController : Controller
            {
                IActionResult Save() { ModelState.AddModelError("", Strings.KeyRejected); return View(); }
            }
            """ },
        { "french text", Controller("ModelState.AddModelError(\"\", \"Échec de l'authentification.\");") },
        { "german text", Controller("TempData[\"Error\"] = \"Verbindung fehlgeschlagen.\";") },

        // Messages that already tell the user what to do next.
        { "cue check", Controller("ModelState.AddModelError(\"\", \"Pleo rejected this key. Check that you pasted all of it.\");") },
        { "cue reconnect", Controller("TempData[\"Error\"] = \"The key has expired. Reconnect to Pleo from the settings page.\";") },
        { "cue contact", Controller("ViewBag.ErrorMessage = \"The key lacks a permission. Contact your Pleo administrator.\";") },
        { "cue replace", Controller("ModelState.AddModelError(\"\", \"This key was revoked. Replace it with a new key from Pleo.\");") },
        { "cue in interpolation hole", Controller("var next = \"Paste a new key.\"; ModelState.AddModelError(\"\", $\"The key was rejected. {next}\");") },

        // Test code: fakes and assertions are not shown to users.
        { "xunit fact", """
            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
            class ConnectionControllerTests : Controller
            {
                [Xunit.Fact]
                public void Shows_error() { ModelState.AddModelError("", "Authentication failed"); TempData["Error"] = new Exception().Message; }
            }
            """ },
        { "nunit test", """
            namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }
            class PleoKeyTests
            {
                [NUnit.Framework.Test]
                public void Fails() => throw new HttpRequestException("Request failed");
            }
            """ },
        { "test class", """
            namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestClassAttribute : System.Attribute { } }
            [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
            class KeyControllerTests : Controller
            {
                public void Check() => TempData["Error"] = "Error";
            }
            """ },

        // Not user-facing, or not a message.
        { "argument exception parameter name", Controller("_ = new ArgumentNullException(\"Error\");") },
        { "exception outside connection code", """
            class ReportService { void Run() => throw new InvalidOperationException("Operation failed"); }
            """ },
        { "exception text wrapped in an exception", """
            class PleoClient
            {
                void Call() { try { } catch (HttpRequestException ex) { throw new InvalidOperationException(ex.Message, ex); } }
            }
            """ },
        { "message member of a service", """
            class ImportJob
            {
                public string? LastError { get; set; }
                void Run() => LastError = "Failed";
            }
            """ },
        { "jargon outside connection code", Controller("ModelState.AddModelError(\"\", \"Upload a JSON file. Choose one that is smaller than 5 MB.\");", "ReportsController") },
        { "no next step outside connection code", Controller("ModelState.AddModelError(\"\", \"The report could not be created.\");", "ReportsController") },
        { "problem type and instance", Controller("_ = Problem(type: \"https://example.com/errors/401\", instance: \"Error\", statusCode: 401);") },
        { "status code number in a result", Controller("_ = StatusCode(503);") },
        { "unknown text parameter", Controller("ModelState.AddModelError(\"\", text);") },
        // Generated code is the generator's business: a file marked generated, and a type marked [GeneratedCode].
        { "generated file", "// <auto-generated/>\n" + Controller("ModelState.AddModelError(\"\", \"Authentication failed\");") },
        { "generated type", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\n" + Controller("ModelState.AddModelError(\"\", \"Authentication failed\");") },
        { "status code switch governs a specific message", Controller("ModelState.AddModelError(\"\", (int)response.StatusCode switch { 403 => \"This key lacks a permission. Reinstall the integration in Pleo and paste the new key.\", _ => \"Pleo could not be reached. Try again in a few minutes.\" });") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stays_silent(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Test_projects_are_skipped_as_a_whole()
    {
        var test = Verify.Create(Controller("ModelState.AddModelError(\"\", \"Authentication failed\");"));
        test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    private static string Controller(string body, string name = "PleoKeyController") => $$"""
        class {{name}} : Controller
        {
            IActionResult Save(ILogger<{{name}}> logger, HttpResponseMessage response, string text)
            {
                {{body}}
                return View();
            }
        }
        """;
}
