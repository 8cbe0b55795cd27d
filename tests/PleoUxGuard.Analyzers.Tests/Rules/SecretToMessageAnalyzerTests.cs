using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux002>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX002: a secret is placed in an exception or a message the user reads.</summary>
public sealed class SecretToMessageAnalyzerTests
{
    /// <summary>A command-line tool's console is a message sink for PUX010–PUX012, but a key written there is PUX001's, reported once.</summary>
    [Fact]
    public async Task The_console_of_a_command_line_tool_is_left_to_PUX001()
    {
        await Verify.VerifyAsync(InMethod("""
            Console.Error.WriteLine($"Pleo rejected the key {apiKey}. Paste a new one.");
            var rejected = new InvalidOperationException({|PUX002:apiKey|});
            """) + """

            namespace System.CommandLine { public class RootCommand { } }
            """);
    }

    [Fact]
    public async Task Exception_messages_and_exception_data_are_sinks()
    {
        await Verify.VerifyAsync(InMethod("""
            var error = new InvalidOperationException($"Pleo rejected {{|PUX002:apiKey|}}");
            error.Data["key"] = {|PUX002:apiKey|};
            error.Data.Add("key", {|PUX002:apiKey|});
            throw new ArgumentException("Bad key: " + {|PUX002:apiKey|}, nameof(apiKey));
            """));
    }

    [Fact]
    public async Task The_actual_value_of_an_argument_out_of_range_is_in_its_message()
    {
        // ArgumentOutOfRangeException's Message prints "Actual value was …".
        await Verify.VerifyAsync(InMethod("""
            if (apiKey.Length < 32) throw new ArgumentOutOfRangeException(nameof(apiKey), {|PUX002:apiKey|}, "The key is too short.");
            throw new ArgumentOutOfRangeException(nameof(apiKey), apiKey.Length, "The key is too short.");
            """));
    }

    [Fact]
    public async Task A_gRPC_status_detail_is_the_message_the_client_receives()
    {
        // The stub stands in for Grpc.Core, declared as it declares these types.
        await Verify.VerifyAsync(InMethod(
            """
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unauthenticated, $"Pleo rejected {{|PUX002:apiKey|}}"));
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unauthenticated, "Pleo rejected the key ending " + apiKey[^4..]));
            """) + """

            namespace Grpc.Core
            {
                public enum StatusCode { OK, Unauthenticated }
                public struct Status { public Status(StatusCode statusCode, string detail) { } }
                public class RpcException : System.Exception { public RpcException(Status status) { } }
            }
            """);
    }

    [Fact]
    public async Task A_source_exception_constructor_passing_its_parameter_to_the_base_message_is_a_sink_whatever_the_parameter_is_called()
    {
        await Verify.VerifyAsync(InMethod(
            """
            throw new PleoApiException($"Pleo rejected key {{|PUX002:apiKey|}}");
            throw new PleoRejection({|PUX002:apiKey|});
            throw new PleoRejection(401, {|PUX002:apiKey|});
            throw new PleoKeyError({|PUX002:apiKey|});
            throw new PleoApiException(text: "Pleo rejected the key", code: apiKey);
            throw new PleoHint(apiKey);
            """,
            members: """
                sealed class PleoApiException : Exception
                {
                    public PleoApiException(string msg) : base(msg) { }
                    public PleoApiException(string text, string code) : base(text) { Code = code; }
                    public string Code { get; } = "";
                }

                // Reaches the base message through : this(…) and then : base(…).
                sealed class PleoRejection : Exception
                {
                    public PleoRejection(string reason) : this(0, reason) { }
                    public PleoRejection(int status, string why) : base(message: why) { Status = status; }
                    public int Status { get; }
                }

                sealed class PleoKeyError(string detail) : Exception(detail);

                // The parameter is kept, never shown as the message.
                sealed class PleoHint : Exception
                {
                    public PleoHint(string hint) : base("Pleo rejected the key") { Hint = hint; }
                    public string Hint { get; }
                }
                """));
    }

    [Fact]
    public async Task An_exception_constructor_that_builds_its_base_message_from_the_key_is_reported_where_the_key_comes_from()
    {
        // A parameter named like a secret is reported inside the constructor, at its base call; any other parameter
        // at the creation that passes the key, as for a method of the project.
        await Verify.VerifyAsync(InMethod(
            """
            throw new ComposeException({|PUX002:apiKey|});
            throw new ComposeException2({|PUX002:apiKey|});
            throw new ComposeException3(401, {|PUX002:apiKey|});
            throw new KeyRejectedException(apiKey);
            throw new KeyRejected2Exception(apiKey);
            throw new QuietException(apiKey);
            """,
            members: """
                sealed class KeyRejectedException : Exception
                {
                    public KeyRejectedException(string apiKey) : base($"Pleo rejected API key {{|PUX002:apiKey|}}") { }
                }

                class PleoApiException(string message) : Exception(message);

                sealed class KeyRejected2Exception(string apiKey) : PleoApiException("Pleo rejected API key " + {|PUX002:apiKey|});

                sealed class ComposeException(string value) : Exception($"Pleo rejected {value}");

                sealed class ComposeException2 : Exception
                {
                    public ComposeException2(string value) : base("Pleo rejected " + value) { }
                }

                // Through : this(…) to the constructor that builds the message.
                sealed class ComposeException3 : Exception
                {
                    public ComposeException3(int status, string value) : this($"{status}: " + value) { }
                    private ComposeException3(string text) : base("Pleo rejected " + text) { }
                }

                // The key is kept for the handler, never put in the message.
                sealed class QuietException(string apiKey) : Exception("Pleo rejected the key")
                {
                    public int KeyLength { get; } = apiKey.Length;
                }
                """));
    }

    [Fact]
    public async Task What_an_exception_s_Message_override_returns_is_its_message()
    {
        await Verify.VerifyAsync(InMethod(
            """
            throw new KeyRejectedException(apiKey);
            """,
            members: """
                sealed class KeyRejectedException(string apiKey) : Exception
                {
                    private readonly string _apiKey = apiKey;

                    public override string Message => $"Pleo rejected API key {{|PUX002:_apiKey|}}";
                }

                // Only the last four.
                sealed class MaskedKeyException(string apiKey) : Exception
                {
                    public override string Message => "Pleo rejected the key ending " + apiKey[^4..];
                }

                // Not an exception: its Message is no exception's message.
                sealed class KeyNote(string apiKey)
                {
                    public string Message => $"Key {apiKey}";
                }
                """));
    }

    [Fact]
    public async Task A_secret_appended_to_a_message_member_is_placed_in_the_message()
    {
        await Verify.VerifyAsync(InMethod(
            """
            var model = new ConnectViewModel();
            model.ErrorMessage += $" (key {{|PUX002:apiKey|}})";
            model.ErrorMessage ??= "Pleo rejected " + {|PUX002:apiKey|};
            model.ErrorMessage += " (key ending " + apiKey[^4..] + ")";
            """,
            members: """
                sealed class ConnectViewModel
                {
                    public string? ErrorMessage { get; set; }
                }
                """));
    }

    [Fact]
    public async Task A_localized_message_formatted_with_the_key_carries_it()
    {
        await Verify.VerifyAsync(InController(
            """
            ModelState.AddModelError("ApiKey", L["KeyRejectedFor", {|PUX002:apiKey|}]);
            ModelState.AddModelError("ApiKey", L["KeyRejectedEnding", apiKey[^4..]]);
            ModelState.AddModelError("ApiKey", L["KeyRejected"]);

            // TempData keeps text, so the localized string's Value is put there; GetString formats as the indexer does.
            TempData["Error"] = {|PUX002:L["KeyRejectedFor", apiKey].Value|};
            var rejected = Microsoft.Extensions.Localization.StringLocalizerExtensions.GetString(L, "KeyRejectedFor", apiKey);
            TempData["Error"] = {|PUX002:rejected.Value|};
            TempData["Error"] = Microsoft.Extensions.Localization.StringLocalizerExtensions.GetString(L, "KeyRejectedFor", apiKey[^4..]).Value;
            TempData["Error"] = L["KeyRejected"].Value;
            return View();
            """,
            members: """
                private readonly Microsoft.Extensions.Localization.IStringLocalizer<ConnectionController> L = null!;
                """));
    }

    [Fact]
    public async Task Model_state_problem_details_and_view_state_are_sinks()
    {
        await Verify.VerifyAsync(InController("""
            ModelState.AddModelError("ApiKey", $"The key {{|PUX002:apiKey|}} was rejected");
            TempData["Error"] = "Rejected " + {|PUX002:apiKey|};
            ViewData["Message"] = {|PUX002:apiKey|};
            ViewBag.Notice = {|PUX002:apiKey|};
            var problem = new ProblemDetails { Detail = $"Key {{|PUX002:apiKey|}} is invalid" };
            return BadRequest({|PUX002:apiKey|});
            """));
    }

    [Fact]
    public async Task Response_helpers_and_response_writes_are_sinks()
    {
        await Verify.VerifyAsync(InMethod("""
            await context.Response.WriteAsync("Rejected: " + {|PUX002:apiKey|});
            var bad = Results.BadRequest($"Rejected {{|PUX002:apiKey|}}");
            var problem = TypedResults.Problem(detail: {|PUX002:apiKey|});
            var text = Results.Content({|PUX002:apiKey|});
            """, "HttpContext context, string apiKey"));
    }

    /// <summary>
    /// Text sent as JSON is a body the browser reads like any other: PUX004 leaves text to this rule, so a JSON
    /// result this rule missed was reported by neither.
    /// </summary>
    [Fact]
    public async Task Text_sent_as_a_json_result_or_with_a_created_or_accepted_result_is_a_sink()
    {
        await Verify.VerifyAsync(InController("""
            var json = Json({|PUX002:apiKey|});
            var result = new JsonResult({|PUX002:apiKey|});
            var created = CreatedAtAction("Get", new { id = 1 }, {|PUX002:apiKey|});
            var routed = CreatedAtRoute("connection", {|PUX002:apiKey|});
            var accepted = AcceptedAtAction("Get", new { id = 1 }, {|PUX002:apiKey|});
            var controllerName = AcceptedAtAction("Get", apiKey);
            var minimal = Results.CreatedAtRoute("connection", null, {|PUX002:apiKey|});
            return Json(new { ending = "••••" + apiKey[^4..] });
            """));
    }

    [Fact]
    public async Task Messages_without_the_secret_are_silent()
    {
        await Verify.VerifyAsync(InController("""
            ModelState.AddModelError(nameof(apiKey), "Pleo did not accept this API key. Check that you copied the whole key, then save again.");
            TempData["Status"] = apiKey.Length > 0 ? "Connected" : "Not connected";
            ViewData["KeyEnding"] = "••••" + apiKey[^4..];
            if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("An API key is required.", nameof(apiKey));
            return BadRequest("The API key was rejected.");
            """));
    }

    /// <summary>
    /// The errors of a validation problem are messages the client shows next to the fields they name, like
    /// <c>ModelState.AddModelError</c>; the extensions of a problem are data, PUX004's.
    /// </summary>
    [Fact]
    public async Task Validation_problem_errors_are_sinks()
    {
        await Verify.VerifyAsync(InController("""
            var minimal = Results.ValidationProblem(new Dictionary<string, string[]> { ["ApiKey"] = new[] { $"The key {{|PUX002:apiKey|}} is not valid." } });
            var typed = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ApiKey"] = [$"The key {{|PUX002:apiKey|}} is not valid."] });
            var details = new ValidationProblemDetails(new Dictionary<string, string[]> { ["ApiKey"] = new[] { "Rejected: " + {|PUX002:apiKey|} } });
            details.Errors["ApiKey"] = new[] { {|PUX002:apiKey|} };
            details.Errors.Add("Key", new[] { {|PUX002:apiKey|} });
            var http = new HttpValidationProblemDetails { Errors = { ["ApiKey"] = new[] { {|PUX002:apiKey|} } } };
            var plain = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["ApiKey"] = new[] { "Pleo did not accept this API key. Copy the whole key and try again." } });
            details.Errors["KeyEnding"] = new[] { "The key ending " + apiKey[^4..] + " was revoked. Create a new key in Pleo and paste it here." };
            details.Extensions["key"] = apiKey;
            var fine = Results.ValidationProblem(new Dictionary<string, string[]> { ["ApiKey"] = new[] { "Pleo did not accept this API key." } }, extensions: new Dictionary<string, object?> { ["key"] = apiKey });
            return ValidationProblem(details);
            """));
    }

    /// <summary>An options validation's failures are OptionsValidationException's message, thrown and logged at startup.</summary>
    [Fact]
    public async Task Options_validation_failures_are_messages()
    {
        await Verify.VerifyAsync(InMethod(
            """
            var failed = ValidateOptionsResult.Fail($"The key {{|PUX002:apiKey|}} has a space.");
            var all = ValidateOptionsResult.Fail(new[] { "Rejected: " + {|PUX002:apiKey|} });
            var builder = new ValidateOptionsResultBuilder();
            builder.AddError($"The key {{|PUX002:apiKey|}} is too short.", "ApiKey");
            builder.AddError("The API key is too short. Copy the whole key from Pleo.", {|PUX002:apiKey|});
            var fine = ValidateOptionsResult.Fail($"The key ending {apiKey[^4..]} has a space. Copy it again from Pleo.");
            throw new OptionsValidationException("Pleo", typeof(string), new[] { $"Key {{|PUX002:apiKey|}} has a space" });
            """,
            members: "",
            parameters: "ILogger logger, string apiKey").Replace("using System;", "using System;\nusing Microsoft.Extensions.Options;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_of_an_object_with_a_secret_member_carries_the_secret_into_a_message()
    {
        await Verify.VerifyAsync(InController(
            """
            if (options.CompanyId.Length == 0) throw new InvalidOperationException("Bad options " + {|PUX002:System.Text.Json.JsonSerializer.Serialize(options)|});
            ModelState.AddModelError("Options", System.Text.Json.JsonSerializer.Serialize(new { options.CompanyId }));
            return BadRequest(System.Text.Json.JsonSerializer.Serialize(options.CompanyId));
            """,
            members: """
                public sealed class PleoOptions { public string ApiKey { get; set; } = ""; public string CompanyId { get; set; } = ""; }
                PleoOptions options = new();
                """));
    }
}
