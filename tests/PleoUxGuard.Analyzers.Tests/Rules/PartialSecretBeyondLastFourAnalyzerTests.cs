using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux005>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX005: any slice of a secret other than at most its last 4 characters reaches a sink.</summary>
public sealed class PartialSecretBeyondLastFourAnalyzerTests
{
    [Fact]
    public async Task Prefixes_middles_and_long_suffixes_are_reported_at_every_kind_of_sink()
    {
        await Verify.VerifyAsync(InController("""
            logger.LogInformation("Key starts {Prefix}", {|PUX005:apiKey[..8]|});
            logger.LogInformation("Key {Part}", {|PUX005:apiKey.Substring(0, 6)|});
            logger.LogInformation("Key ends {Suffix}", {|PUX005:apiKey[^6..]|});
            logger.LogInformation("Key {Part}", {|PUX005:apiKey.Remove(4)|});
            logger.LogInformation("Key {Char}", {|PUX005:apiKey[0]|});
            logger.LogInformation("Key {Part}", new string({|PUX005:apiKey.Take(8)|}.ToArray()));
            logger.LogInformation("Key {Part}", new string({|PUX005:apiKey.AsSpan(0, 8)|}));
            var prefix = apiKey.Substring(0, 8);
            ModelState.AddModelError("ApiKey", $"Key {{|PUX005:prefix|}}… was rejected");
            var uri = new Uri("https://example.test/?hint=" + {|PUX005:apiKey[..6]|});
            Response.Cookies.Append("hint", {|PUX005:apiKey[..6]|});
            return Ok();
            """));
    }

    [Fact]
    public async Task At_most_the_last_four_characters_are_fine()
    {
        await Verify.VerifyAsync(InController("""
            logger.LogInformation("Key ends {Last}", apiKey[^4..]);
            logger.LogInformation("Key ends {Last}", apiKey[^3..]);
            logger.LogInformation("Key ends {Last}", apiKey.Substring(apiKey.Length - 4));
            logger.LogInformation("Key ends {Last}", apiKey.Substring(Math.Max(0, apiKey.Length - 4)));
            logger.LogInformation("Key ends {Last}", new string(apiKey.TakeLast(4).ToArray()));
            logger.LogInformation("Key ends {Last}", apiKey[^1]);
            ViewData["KeyEnding"] = "••••" + apiKey[^4..];
            return Ok();
            """));
    }

    [Fact]
    public async Task A_masking_helper_of_the_project_that_shows_more_than_the_last_four_gives_that_part_away()
    {
        // Named as a sanitizer, but its body keeps the first eight characters: taken at its body's word, not its name.
        // A key it returns whole is the guard of a key too short to mask, not a leak of its own.
        await Verify.VerifyAsync(InController(
            """
            logger.LogInformation("Key {Masked}", {|PUX005:MaskKey(apiKey)|});
            var shown = Redact(apiKey);
            ViewData["Key"] = {|PUX005:shown|};
            var key = apiKey;
            key = MaskKey(key);
            logger.LogInformation("Key {Masked}", {|PUX005:key|});
            logger.LogInformation("Key {Part}", {|PUX005:Shorten(apiKey)|});

            logger.LogInformation("Key {Masked}", {|PUX005:MaskOrPrefix(apiKey)|});
            string LocalMask(string k) => k[..8] + "…";
            logger.LogInformation("Key {Masked}", {|PUX005:LocalMask(apiKey)|});

            logger.LogInformation("Key {Masked}", MaskLastFour(apiKey));
            logger.LogInformation("Key {Masked}", MaskShort(apiKey));
            var masked = apiKey;
            masked = MaskLastFour(masked);
            logger.LogInformation("Key {Masked}", masked);
            return Ok();
            """,
            """
            static string MaskKey(string key) => key[..8] + "…";
            static string Redact(string value) { var start = value.Substring(0, 6); return start + "••••"; }
            static string Shorten(string value) => value[..12];
            static string MaskLastFour(string key) => "••••" + key[^4..];
            static string MaskShort(string key) => key.Length <= 4 ? key : "••••" + key[^4..];
            static string MaskOrPrefix(string key) => key.Length < 12 ? key : key[..8] + "…";
            """));
    }

    [Fact]
    public async Task Masking_helpers_that_keep_the_last_four_by_a_loop_a_buffer_or_a_count_passed_in_still_mask()
    {
        // A review's cases: the part they keep depends on the text or on a value passed in, not on the code alone.
        await Verify.VerifyAsync(InController(
            """
            logger.LogInformation("{A}", MaskByLoop(apiKey));
            logger.LogInformation("{A}", MaskByBuilder(apiKey));
            logger.LogInformation("{A}", MaskVisible(apiKey));
            logger.LogInformation("{A}", MaskOrEmpty(apiKey));
            logger.LogInformation("{A}", Redact(apiKey));
            logger.LogInformation("{A}", {|#0:Combine(apiKey, clientSecret)|});
            return Ok();
            """,
            """
            string clientSecret = "";
            static string MaskByLoop(string key) { var c = key.ToCharArray(); for (var i = 0; i < c.Length - 4; i++) c[i] = '*'; return new string(c); }
            static string MaskByBuilder(string key) { var sb = new System.Text.StringBuilder(); for (var i = 0; i < key.Length; i++) sb.Append(i < key.Length - 4 ? '*' : key[i]); return sb.ToString(); }
            static string MaskVisible(string key, int visible = 4) => new string('*', key.Length - visible) + key[^visible..];
            static string MaskOrEmpty(string key) { if (string.IsNullOrEmpty(key)) return key; return "****" + key[^4..]; }
            static string Redact(string value) => string.IsNullOrWhiteSpace(value) ? value : "[redacted]";
            static string Combine(string a, string b) => a[..8] + b[..8];
            """),
            null,
            // Two secrets given away at one place: each is named.
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.PartialSecretBeyondLastFour).WithLocation(0).WithArguments("apiKey", "ILogger.LogInformation"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.PartialSecretBeyondLastFour).WithLocation(0).WithArguments("clientSecret", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task A_whole_secret_is_not_this_rules_business()
    {
        await Verify.VerifyAsync(InMethod("logger.LogInformation(\"{Key}\", apiKey);"));
    }
}
