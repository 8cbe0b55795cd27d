using PleoUxGuard.Analyzers.Tests.Verifiers;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretInToStringAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX003: a type prints a secret member through ToString, PrintMembers or DebuggerDisplay.</summary>
public sealed class SecretInToStringAnalyzerTests
{
    [Fact]
    public async Task Records_with_a_secret_member_and_the_generated_PrintMembers_are_reported_at_the_member()
    {
        const string source = """
            record PleoConnection(string CompanyId, string {|PUX003:ApiKey|});

            record struct PleoCredentials(string {|PUX003:ClientSecret|});

            record Settings
            {
                public string BaseUrl { get; init; } = "";
                public string {|PUX003:Token|} { get; init; } = "";
                public string {|PUX003:Password|} = "";
                private string PrivateToken { get; init; } = "";
                public static string SharedSecret = "";
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_record_member_marked_as_a_secret_is_reported_whatever_its_name()
    {
        const string source = """
            [System.AttributeUsage(System.AttributeTargets.All)]
            sealed class SensitiveAttribute : System.Attribute { }

            record Settings(string CompanyId, [Sensitive] string {|PUX003:Value|});

            record Plain(string CompanyId, string Value);
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Where_nothing_can_mark_a_secret_a_record_is_judged_by_its_member_names()
    {
        const string source = """
            record PleoConnection(string CompanyId, string {|PUX003:ApiKey|});

            record Settings
            {
                public string BaseUrl { get; init; } = "";
                public string {|PUX003:ClientSecret|} = "";
            }

            record Credentials
            {
                public string CompanyId { get; init; } = "";
                public string {|PUX003:AccessToken|} { get; init; } = "";
            }

            record struct Pair(string CompanyId, string {|PUX003:ApiKey|});

            partial record Split(string CompanyId);

            partial record Split
            {
                public string {|PUX003:Password|} { get; init; } = "";
            }

            record Plain(string CompanyId, string Value)
            {
                public string ApiKeyHint() => "";
            }
            """;
        var test = new Verify.Test { ReferenceAssemblies = TestReferences.WithoutCompliance };
        await Verify.RunAsync(test, source, editorConfig: null, []);
    }

    [Fact]
    public async Task Records_that_print_their_members_by_hand_are_judged_by_what_they_print()
    {
        const string source = """
            using System.Text;

            record Masked(string CompanyId, string ApiKey)
            {
                protected virtual bool PrintMembers(StringBuilder builder)
                {
                    builder.Append("CompanyId = ").Append(CompanyId);
                    builder.Append(", ApiKey = ••••").Append(ApiKey[^4..]);
                    return true;
                }
            }

            record Leaky(string CompanyId, string ApiKey)
            {
                protected virtual bool PrintMembers(StringBuilder builder)
                {
                    builder.Append("ApiKey = ").Append({|PUX003:ApiKey|});
                    return true;
                }
            }

            record OwnToString(string ApiKey)
            {
                public override string ToString() => "OwnToString";
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ToString_overrides_that_read_a_secret_are_reported_where_they_read_it()
    {
        const string source = """
            class PleoConnection
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";

                public override string ToString() => $"{CompanyId} ({{|PUX003:ApiKey|}})";
            }

            class SafeConnection
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";

                public override string ToString() => $"{CompanyId} (key ••••{ApiKey[^4..]})";
            }
            """;
        await Verify.VerifyAsync(source);
    }

    /// <summary>R-VIS-2: at most the last four characters; a longer slice in ToString reaches every log line that prints the object.</summary>
    [Fact]
    public async Task A_slice_beyond_the_last_four_in_ToString_or_PrintMembers_is_PUX005()
    {
        const string source = """
            class PleoConnection
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";

                public override string ToString() => $"{CompanyId} (key {{|PUX005:ApiKey[..8]|}}…, ending {ApiKey[^4..]})";
            }

            record PleoInstallation(string CompanyId, [property: System.Text.Json.Serialization.JsonIgnore] string ApiKey)
            {
                protected virtual bool PrintMembers(System.Text.StringBuilder builder)
                {
                    builder.Append({|PUX005:ApiKey.Substring(0, 6)|});
                    return true;
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ToString_overrides_of_nested_types_structs_and_partial_types_are_each_reported_once()
    {
        const string source = """
            class Outer
            {
                public string ApiKey { get; set; } = "";

                public override string ToString() => {|PUX003:ApiKey|};

                class Inner
                {
                    public string Token { get; set; } = "";

                    public override string ToString() => "Inner " + {|PUX003:Token|};
                }
            }

            class OnlyNestedPrints
            {
                struct Credentials
                {
                    public string ClientSecret;

                    public override string ToString() => {|PUX003:ClientSecret|};
                }
            }

            partial class Split
            {
                public string Password { get; set; } = "";
            }

            partial class Split
            {
                public override string ToString() => "Split " + {|PUX003:Password|};
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DebuggerDisplay_showing_a_secret_is_reported()
    {
        const string source = """
            using System.Diagnostics;

            [{|PUX003:DebuggerDisplay("{CompanyId} {ApiKey,nq}")|}]
            class PleoConnection
            {
                public string CompanyId { get; set; } = "";
                public string ApiKey { get; set; } = "";
            }

            [DebuggerDisplay("{CompanyId} {KeyEnding}")]
            class SafeConnection
            {
                public string CompanyId { get; set; } = "";
                public string KeyEnding { get; set; } = "";
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Plain_classes_and_records_without_secrets_are_silent()
    {
        const string source = """
            using System.Threading;

            record Connection(string CompanyId, string KeyEnding, string TokenType, int TokenLength);

            class Client
            {
                public string ApiKey { get; set; } = "";
            }

            record Request(CancellationToken CancellationToken);
            """;
        await Verify.VerifyAsync(source);
    }
}
