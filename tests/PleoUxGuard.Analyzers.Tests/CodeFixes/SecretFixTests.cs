using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.CodeFixes;
using PleoUxGuard.CodeFixes.Secrets;
using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;

namespace PleoUxGuard.Analyzers.Tests.CodeFixes;

/// <summary>The fixes of PUX002–PUX005: each compiles and leaves no diagnostic of its rule behind.</summary>
public sealed class SecretFixTests
{
    [Fact]
    public async Task PUX002_masks_a_secret_in_an_exception_message()
    {
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretLeakAnalyzer, SecretToMessageCodeFix>(
            InMethod("""throw new InvalidOperationException($"Pleo rejected {{|PUX002:apiKey|}}");"""),
            InMethod("""throw new InvalidOperationException($"Pleo rejected {SecretMask.LastFour(apiKey)}");"""));
    }

    [Fact]
    public async Task PUX002_removes_a_secret_from_a_concatenated_message()
    {
        await Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToMessageCodeFix>.VerifyAsync(
            InMethod("""throw new InvalidOperationException("Pleo rejected the key " + {|PUX002:apiKey|});"""),
            InMethod("""throw new InvalidOperationException("Pleo rejected the key ");"""),
            SecretFixes.RemoveKey);
    }

    [Fact]
    public async Task A_masked_member_of_an_anonymous_object_or_tuple_keeps_its_name()
    {
        // new { tenantId, apiKey } names its member after the variable; a call names nothing (CS0746), so the name is written.
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod(
                """logger.LogInformation("{@Payload}", new { tenantId, {|PUX001:apiKey|} }); logger.LogInformation("{Pair}", (tenantId, {|PUX001:apiKey|}));""",
                parameters: "ILogger logger, string apiKey, string tenantId"),
            InMethod(
                """logger.LogInformation("{@Payload}", new { tenantId, apiKey = SecretMask.LastFour(apiKey) }); logger.LogInformation("{Pair}", (tenantId, apiKey: SecretMask.LastFour(apiKey)));""",
                parameters: "ILogger logger, string apiKey, string tenantId"),
            iterations: 2);
    }

    [Fact]
    public async Task A_text_built_around_the_key_is_not_masked_but_can_be_removed()
    {
        // page, line and the options' JSON hold more than the key: their last four are not the key's, so "Mask" is not
        // offered for them. key is the key itself (trimmed), which masks as the key does.
        const string body = """var page = $"<p>{apiKey}</p>"; var line = "key " + apiKey; var key = apiKey.Trim(); logger.LogInformation("{Page}", {|PUX001:page|}); logger.LogInformation("{Line}", {|PUX001:line|}); logger.LogInformation("{Json}", {|PUX001:System.Text.Json.JsonSerializer.Serialize(options)|}); logger.LogInformation("{Key}", {|PUX001:key|});""";
        const string parameters = "ILogger logger, string apiKey, PleoOptions options";
        const string members = """public sealed class PleoOptions { public string ApiKey { get; set; } = ""; }""";
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod(body, parameters, members),
            InMethod(body.Replace("{|PUX001:key|}", "SecretMask.LastFour(key)", StringComparison.Ordinal), parameters, members),
            iterations: 1,
            remainingMarkup: true);

        await Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.VerifyAsync(
            InMethod("""var page = $"<p>{apiKey}</p>"; logger.LogInformation("Rendered {Page}", {|PUX001:page|});"""),
            InMethod("""var page = $"<p>{apiKey}</p>"; logger.LogInformation("Rendered");"""),
            SecretFixes.RemoveKey);
    }

    [Fact]
    public async Task PUX005_replaces_a_prefix_by_the_masked_key()
    {
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretLeakAnalyzer, PartialSecretBeyondLastFourCodeFix>(
            InMethod("""logger.LogInformation("Key {Prefix}", {|PUX005:apiKey[..8]|}); logger.LogInformation("Key {Part}", {|PUX005:apiKey.Substring(0, 6)|});"""),
            InMethod("""logger.LogInformation("Key {Prefix}", SecretMask.LastFour(apiKey)); logger.LogInformation("Key {Part}", SecretMask.LastFour(apiKey));"""),
            iterations: 2);
    }

    [Fact]
    public async Task PUX003_generates_a_PrintMembers_that_masks_every_secret_member()
    {
        const string source = """
            record PleoConnection(string CompanyId, string {|PUX003:ApiKey|}, string {|PUX003:ClientSecret|});
            """;
        const string fixedSource = """
            record PleoConnection(string CompanyId, string ApiKey, string ClientSecret)
            {
                protected virtual bool PrintMembers(System.Text.StringBuilder builder)
                {
                    builder.Append("CompanyId = ").Append(CompanyId);
                    builder.Append(", ApiKey = ").Append(SecretMask.LastFour(ApiKey));
                    builder.Append(", ClientSecret = ").Append(SecretMask.LastFour(ClientSecret));
                    return true;
                }
            }
            """;
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretInToStringAnalyzer, SecretInToStringCodeFix>(source, fixedSource, equivalenceKey: SecretInToStringCodeFix.PrintMembersKey);
    }

    [Fact]
    public async Task PUX003_uses_the_modifiers_sealed_records_record_structs_and_derived_records_require()
    {
        const string source = """
            sealed record Sealed(string {|PUX003:Token|});

            record struct Pair(int Id, string {|PUX003:Password|});

            record Base(string CompanyId);

            record Derived(string CompanyId, string {|PUX003:ApiKey|}) : Base(CompanyId);
            """;
        const string fixedSource = """
            sealed record Sealed(string Token)
            {
                private bool PrintMembers(System.Text.StringBuilder builder)
                {
                    builder.Append("Token = ").Append(SecretMask.LastFour(Token));
                    return true;
                }
            }

            record struct Pair(int Id, string Password)
            {
                private bool PrintMembers(System.Text.StringBuilder builder)
                {
                    builder.Append("Id = ").Append(Id);
                    builder.Append(", Password = ").Append(SecretMask.LastFour(Password));
                    return true;
                }
            }

            record Base(string CompanyId);

            record Derived(string CompanyId, string ApiKey) : Base(CompanyId)
            {
                protected override bool PrintMembers(System.Text.StringBuilder builder)
                {
                    if (base.PrintMembers(builder)) { builder.Append(", "); }
                    builder.Append("ApiKey = ").Append(SecretMask.LastFour(ApiKey));
                    return true;
                }
            }
            """;
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretInToStringAnalyzer, SecretInToStringCodeFix>(source, fixedSource, iterations: 3, equivalenceKey: SecretInToStringCodeFix.PrintMembersKey);
    }

    [Fact]
    public async Task PUX003_keeps_comments_and_untouched_members_skips_overrides_and_escapes_keywords()
    {
        const string source = """
            record Base(string CompanyId)
            {
                public virtual string Region { get; init; } = "";
            }

            sealed record PleoConnection(string CompanyId, string {|PUX003:ApiKey|}) : Base(CompanyId); // stored in db

            sealed record Regional(string {|PUX003:ClientSecret|}) : Base("acme")
            {
                public override string Region {get;init;} = "eu";
                public string @event {get;init;} = "";
            }
            """;
        const string fixedSource = """
            record Base(string CompanyId)
            {
                public virtual string Region { get; init; } = "";
            }

            sealed record PleoConnection(string CompanyId, string ApiKey) : Base(CompanyId)
            {
                protected override bool PrintMembers(System.Text.StringBuilder builder)
                {
                    if (base.PrintMembers(builder)) { builder.Append(", "); }
                    builder.Append("ApiKey = ").Append(SecretMask.LastFour(ApiKey));
                    return true;
                }
            } // stored in db

            sealed record Regional(string ClientSecret) : Base("acme")
            {
                public override string Region {get;init;} = "eu";
                public string @event {get;init;} = "";
                protected override bool PrintMembers(System.Text.StringBuilder builder)
                {
                    if (base.PrintMembers(builder)) { builder.Append(", "); }
                    builder.Append("ClientSecret = ").Append(SecretMask.LastFour(ClientSecret));
                    builder.Append(", event = ").Append(@event);
                    return true;
                }
            }
            """;
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretInToStringAnalyzer, SecretInToStringCodeFix>(source, fixedSource, iterations: 2, equivalenceKey: SecretInToStringCodeFix.PrintMembersKey);
    }

    [Fact]
    public async Task PUX003_masks_a_secret_read_in_ToString()
    {
        await SecretToLogCodeFixTests.VerifyMaskAsync<SecretInToStringAnalyzer, SecretInToStringCodeFix>(
            """
            class PleoConnection
            {
                public string ApiKey { get; set; } = "";
                public override string ToString() => $"key {{|PUX003:ApiKey|}}";
            }
            """,
            """
            class PleoConnection
            {
                public string ApiKey { get; set; } = "";
                public override string ToString() => $"key {SecretMask.LastFour(ApiKey)}";
            }
            """);
    }

    [Fact]
    public async Task PUX004_adds_JsonIgnore_to_the_member_a_returned_object_exposes()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ConnectionView
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";
            }

            public sealed record SavedView(string CompanyId, string Token);

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult View(ConnectionView view) => Ok({|PUX004:view|});
                public IActionResult Saved(SavedView saved) => Ok({|PUX004:saved|});
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ConnectionView
            {
                public string CompanyId { get; set; } = "";
                [System.Text.Json.Serialization.JsonIgnore]
                public string ApiKey { get; set; } = "";
            }

            public sealed record SavedView(string CompanyId, [property: System.Text.Json.Serialization.JsonIgnore] string Token);

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult View(ConnectionView view) => Ok(view);
                public IActionResult Saved(SavedView saved) => Ok(saved);
            }
            """;
        await Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToClientCodeFix>.VerifyAsync(source, fixedSource, SecretToClientCodeFix.JsonIgnoreKey);
    }

    [Fact]
    public async Task PUX004_adds_JsonIgnore_once_per_member_after_its_doc_comment_and_drops_a_condition()
    {
        // Three endpoints return one model: Fix All must not write [JsonIgnore] three times (CS0579), nor a second
        // one beside a conditional one, nor above the doc comment (CS1587).
        const string source = """
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ConnectionView
            {
                public string CompanyId { get; set; } = "";

                /// <summary>The key.</summary>
                public string ApiKey { get; set; } = "";
            }

            public sealed class SecretView
            {
                [JsonPropertyName("secret")]
                public string ClientSecret { get; set; } = "";
            }

            public sealed class PasswordView
            {
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
                public string? Password { get; set; }
            }

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult First(ConnectionView view) => Ok({|PUX004:view|});
                public IActionResult Second(ConnectionView view) => Ok({|PUX004:view|});
                public IActionResult Third(ConnectionView view) => Ok({|PUX004:view|});
                public IActionResult Secret(SecretView view) => Ok({|PUX004:view|});
                public IActionResult Password(PasswordView view) => Ok({|PUX004:view|});
            }
            """;
        const string fixedSource = """
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ConnectionView
            {
                public string CompanyId { get; set; } = "";

                /// <summary>The key.</summary>
                [JsonIgnore]
                public string ApiKey { get; set; } = "";
            }

            public sealed class SecretView
            {
                [JsonPropertyName("secret")]
                [JsonIgnore]
                public string ClientSecret { get; set; } = "";
            }

            public sealed class PasswordView
            {
                [JsonIgnore]
                public string? Password { get; set; }
            }

            public sealed class ConnectionController : ControllerBase
            {
                public IActionResult First(ConnectionView view) => Ok(view);
                public IActionResult Second(ConnectionView view) => Ok(view);
                public IActionResult Third(ConnectionView view) => Ok(view);
                public IActionResult Secret(SecretView view) => Ok(view);
                public IActionResult Password(PasswordView view) => Ok(view);
            }
            """;
        var test = new Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToClientCodeFix>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SecretToClientCodeFix.JsonIgnoreKey,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }
}
