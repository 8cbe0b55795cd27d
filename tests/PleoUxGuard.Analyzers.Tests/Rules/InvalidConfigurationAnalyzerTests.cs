using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.InvalidConfigurationAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX000: a malformed or unknown pleouxguard.* option is reported, never ignored, never a crash.</summary>
public sealed class InvalidConfigurationAnalyzerTests
{
    private const string Source = "class C { }";

    private static DiagnosticResult Problem(string key, string problem) =>
        new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(key, problem);

    [Fact]
    public async Task Well_formed_options_are_silent()
    {
        await Verify.VerifyAsync(Source, """
            pleouxguard.secret_words = pin, signing key, otp
            pleouxguard.veto_words = nonce
            pleouxguard.secret_types = Acme.Vault.SecretValue, Secret`1
            pleouxguard.secret_attributes = Classified, Acme.SensitiveAttribute
            pleouxguard.sanitizer_methods = Obscure, Acme.Keys.KeyPrinter.Mask*,
            pleouxguard.call_depth = 3
            pleouxguard.public_settings = GoogleMaps, Firebase:ApiKey, Maps__Browser-Key, recaptcha.site
            """);
    }

    [Fact]
    public async Task No_options_at_all_are_silent() => await Verify.VerifyAsync(Source);

    [Fact]
    public async Task A_word_with_punctuation_is_reported_with_the_entry()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.secret_words = pin, api-key!\n",
            Problem("pleouxguard.secret_words", "'api-key!' is not a word list: use letters and digits, separate words with spaces"));
    }

    [Fact]
    public async Task An_empty_entry_in_the_middle_of_a_list_is_reported()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.veto_words = nonce,,salt\n",
            Problem("pleouxguard.veto_words", "entry 2 is empty; separate entries with a single ','"));
    }

    [Fact]
    public async Task A_malformed_type_name_is_reported()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.secret_types = Acme..Secret\n",
            Problem("pleouxguard.secret_types", "'Acme..Secret' is not a type name such as Secret or Acme.Vault.SecretValue"));
    }

    [Fact]
    public async Task A_malformed_method_name_is_reported()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.sanitizer_methods = Mask(string)\n",
            Problem("pleouxguard.sanitizer_methods", "'Mask(string)' is not a method name such as Mask, Acme.Keys.Redact or Acme.Keys.Mask*"));
    }

    [Fact]
    public async Task A_malformed_setting_path_or_a_Pleo_setting_declared_public_is_reported()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.public_settings = GoogleMaps, Maps::ApiKey, Maps:*, Pleo, Integrations:PleoApi:ApiKey, PLEO__ApiKey, PLEOAPI, Integrations:pleoapi\n",
            Problem("pleouxguard.public_settings", "'Maps::ApiKey' is not a configuration section or key such as GoogleMaps or Firebase:ApiKey"),
            Problem("pleouxguard.public_settings", "'Maps:*' is not a configuration section or key such as GoogleMaps or Firebase:ApiKey"),
            Problem("pleouxguard.public_settings", "'Pleo' names a Pleo setting, which is never public: Pleo's key stays on the backend"),
            Problem("pleouxguard.public_settings", "'Integrations:PleoApi:ApiKey' names a Pleo setting, which is never public: Pleo's key stays on the backend"),
            Problem("pleouxguard.public_settings", "'PLEO__ApiKey' names a Pleo setting, which is never public: Pleo's key stays on the backend"),
            Problem("pleouxguard.public_settings", "'PLEOAPI' names a Pleo setting, which is never public: Pleo's key stays on the backend"),
            Problem("pleouxguard.public_settings", "'Integrations:pleoapi' names a Pleo setting, which is never public: Pleo's key stays on the backend"));
    }

    [Theory]
    [InlineData("deep", "'deep' is not a whole number; use a number from 0 to 4")]
    [InlineData("9", "9 is out of range; use a number from 0 to 4")]
    [InlineData("-1", "-1 is out of range; use a number from 0 to 4")]
    [InlineData("99999999999", "99999999999 is out of range; use a number from 0 to 4")]
    [InlineData("123456789012345678901234", "123456789012345678901234 is out of range; use a number from 0 to 4")]
    [InlineData("+", "'+' is not a whole number; use a number from 0 to 4")]
    [InlineData("1.5", "'1.5' is not a whole number; use a number from 0 to 4")]
    public async Task A_bad_number_is_reported(string value, string problem)
    {
        await Verify.VerifyAsync(Source, $"pleouxguard.call_depth = {value}\n", Problem("pleouxguard.call_depth", problem));
    }

    [Fact]
    public async Task A_misspelt_key_is_reported_with_the_nearest_known_key()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.secret_word = pin\n",
            Problem("pleouxguard.secret_word", "no such option; did you mean 'pleouxguard.secret_words'?"));
    }

    [Fact]
    public async Task An_unknown_key_far_from_any_option_points_at_the_documentation()
    {
        await Verify.VerifyAsync(
            Source,
            "pleouxguard.colour = blue\n",
            Problem("pleouxguard.colour", "no such option; the known options are listed in docs/configuration.md"));
    }

    [Fact]
    public async Task Each_problem_is_reported_once_however_many_files_share_it()
    {
        var test = new Verifiers.AnalyzerVerifier<InvalidConfigurationAnalyzer>.Test();
        test.TestState.Sources.Add(("/A.cs", "class A { }"));
        test.TestState.Sources.Add(("/B.cs", "class B { }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\npleouxguard.call_depth = x\n"));
        test.ExpectedDiagnostics.Add(Problem("pleouxguard.call_depth", "'x' is not a whole number; use a number from 0 to 4"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_problem_in_a_section_only_resource_files_read_is_reported()
    {
        var test = new Verifiers.AnalyzerVerifier<InvalidConfigurationAnalyzer>.Test();
        test.TestState.Sources.Add(("/A.cs", Source));
        test.TestState.AdditionalFiles.Add(("/Strings.resx", "<root />"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.resx]\npleouxguard.generic_messages_only_in_connection_code = sometimes\n"));
        test.ExpectedDiagnostics.Add(Problem("pleouxguard.generic_messages_only_in_connection_code", "'sometimes' is neither true nor false"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Other_tools_keys_are_not_ours_to_judge()
    {
        await Verify.VerifyAsync(Source, "dotnet_diagnostic.PUX001.severity = error\nmeziantou.secret_words = x!\n");
    }
}
