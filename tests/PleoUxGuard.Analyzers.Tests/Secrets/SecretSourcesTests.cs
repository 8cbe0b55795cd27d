using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;

using ToStringVerify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretInToStringAnalyzer>;

using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// What counts as a secret (docs/rules/secret-model.md), case by case: Pleo's own names for its keys, digests and
/// ciphertexts of a key, plaintext from the Data Protection API, environment variables, anonymous objects. Logged
/// (PUX001), as the simplest sink; the sinks themselves are the rules' tests.
/// </summary>
public sealed class SecretSourcesTests
{
    // ---- Names ----

    [Fact]
    public async Task Pleos_names_for_its_keys_are_secret_words_where_their_words_stand_together()
    {
        // "pleo" and "key" apart, a key's id, name or prefix, or one of the words alone: no key.
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{A} {B}", {|PUX001:pleoKey|}, {|PUX001:PleoKey|});
            logger.LogInformation("{A} {B}", {|PUX001:PLEO_KEY|}, {|PUX001:pleokey|});
            logger.LogInformation("{A} {B}", {|PUX001:integrationKey|}, {|PUX001:integratedKey|});
            logger.LogInformation("{A} {B}", {|PUX001:installationKey|}, {|PUX001:pleoIntegrationKeys|});
            logger.LogInformation("{A} {B} {C}", pleoCompanyKey, keyOfPleo, pleoKeyId);
            logger.LogInformation("{A} {B} {C}", integrationKeyName, installationKeyPrefix, installationId);
            logger.LogInformation("{A} {B} {C}", integration, installation, key);
            """,
            "ILogger logger, string pleoKey, string PleoKey, string PLEO_KEY, string pleokey, string integrationKey, string integratedKey, string installationKey, string[] pleoIntegrationKeys, "
            + "string pleoCompanyKey, string keyOfPleo, string pleoKeyId, string integrationKeyName, string installationKeyPrefix, string installationId, string integration, string installation, string key"));
    }

    [Fact]
    public async Task Protected_ciphertext_and_digests_of_a_secret_are_not_secrets()
    {
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{A} {B} {C}", protectedApiKey, ProtectedApiKey, apiKeyProtected);
            logger.LogInformation("{A} {B} {C}", apiKeyCiphertext, ciphertextPassword, apiKeyCipher);
            logger.LogInformation("{A} {B} {C}", apiKeySha256, ApiKeySHA512, passwordSha1);
            logger.LogInformation("{A} {B} {C}", apiKeyHash, passwordHashes, apiKeyDigest);
            logger.LogInformation("{A} {B}", tokenMd5, hashedPassword);
            """,
            "ILogger logger, string protectedApiKey, string ProtectedApiKey, string apiKeyProtected, string apiKeyCiphertext, string ciphertextPassword, string apiKeyCipher, "
            + "string apiKeySha256, string ApiKeySHA512, string passwordSha1, string apiKeyHash, string[] passwordHashes, string apiKeyDigest, string tokenMd5, string hashedPassword"));
    }

    [Fact]
    public async Task A_secret_that_keys_a_hash_a_digest_or_a_cipher_is_a_secret()
    {
        // The algorithm before the secret words says what the secret is for: VNPay's HashSecret, an HMAC key, HTTP Digest's password.
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{A} {B}", {|PUX001:hashSecret|}, {|PUX001:HmacSha256Secret|});
            logger.LogInformation("{A} {B}", {|PUX001:cipherPassword|}, {|PUX001:digestPassword|});
            logger.LogInformation("{A}", {|PUX001:sha512Token|});
            """,
            "ILogger logger, string hashSecret, string HmacSha256Secret, string cipherPassword, string digestPassword, string sha512Token"));
    }

    // ---- The Key or Value of a type named for a credential ----

    private const string CredentialTypes = """
        record PleoCredentials(string CompanyId, string Key);
        sealed class PleoApiKey { public string Value { get; init; } = ""; }
        sealed class AzureKeyCredential { public string Key { get; private set; } = ""; }
        sealed class ClientSecret { public readonly string Value = ""; }
        record SecretEntry(string Key, string Value);
        sealed class ApiKeyOptions { public string Key { get; set; } = ""; }
        sealed class SecretName { public string Value { get; set; } = ""; }
        sealed class Token { public string Key { get; set; } = ""; public string Text { get; set; } = ""; }
        sealed class Setting { public string Key { get; set; } = ""; public string Value { get; set; } = ""; }
        sealed class KeyVaultSecret { public string Name { get; set; } = ""; public string Value { get; set; } = ""; }
        sealed class V1SecretKeySelector { public string Key { get; set; } = ""; public string Name { get; set; } = ""; public bool? Optional { get; set; } }
        sealed class ApiKeyLookup { public string Key { get; set; } = ""; }
        sealed class PleoSecret { public string Key { get; set; } = ""; public string Path { get; set; } = ""; }
        """;

    [Fact]
    public async Task The_Key_or_Value_of_a_type_named_for_a_credential_is_that_credential()
    {
        await Verify.VerifyAsync(Usings + "\n" + CredentialTypes + """

            class Connector
            {
                void Log(ILogger logger, PleoCredentials credentials, PleoApiKey pleo, AzureKeyCredential azure, ClientSecret client, SecretEntry entry, KeyVaultSecret vault)
                {
                    logger.LogInformation("{A} {B}", {|#0:credentials.Key|}, credentials.CompanyId);
                    logger.LogInformation("{A} {B}", {|PUX001:pleo.Value|}, {|PUX001:azure.Key|});
                    logger.LogInformation("{A}", {|PUX001:client.Value|});

                    // A credential's entry: the Value is the secret, the Key its name.
                    logger.LogInformation("{A} {B}", entry.Key, {|PUX001:entry.Value|});
                    logger.LogInformation("{A} {B}", vault.Name, {|PUX001:vault.Value|});
                }
            }
            """,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("PleoCredentials.Key", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task The_Key_or_Value_of_pairs_dictionaries_options_names_and_tokens_is_no_credential()
    {
        await Verify.VerifyAsync(Usings + "\n" + CredentialTypes + """

            class Connector
            {
                void Log(ILogger logger, KeyValuePair<string, string> pair, Dictionary<string, string> secrets, IGrouping<string, string> group,
                    ApiKeyOptions options, SecretName name, Token token, Setting setting, Lazy<string> lazy, System.Threading.CancellationToken cancellationToken)
                {
                    logger.LogInformation("{A} {B} {C}", pair.Key, pair.Value, group.Key);
                    foreach (var entry in secrets)
                    {
                        logger.LogInformation("{A} {B}", entry.Key, entry.Value);
                    }

                    logger.LogInformation("{A} {B} {C}", options.Key, name.Value, token.Key);
                    logger.LogInformation("{A} {B} {C}", setting.Key, setting.Value, lazy.Value);
                    logger.LogInformation("{A}", cancellationToken.IsCancellationRequested);
                }
            }
            """);
    }

    [Fact]
    public async Task The_Key_of_settings_bound_from_a_section_that_names_a_secret_is_that_secret()
    {
        // PleoOptions binds the section Pleo: its Key is Pleo:Key. A cache's key, or the Key of settings for an API-key
        // scheme (ApiKeyOptions, often a header's name), is none.
        await Verify.VerifyAsync(Usings + "\n" + CredentialTypes + """

            sealed class PleoOptions { public string Key { get; set; } = ""; public string BaseUrl { get; set; } = ""; }
            sealed record IntegrationSettings(string Key);
            sealed class CacheOptions { public string Key { get; set; } = ""; }
            sealed class PleoConfig { public string Key { get; set; } = ""; public string Name { get; set; } = ""; }
            sealed class OpenApiOptions { public string Key { get; set; } = ""; }
            sealed class PublicApiSettings { public string Key { get; set; } = ""; }

            class Connector
            {
                void Log(ILogger logger, Microsoft.Extensions.Options.IOptions<PleoOptions> pleo, IntegrationSettings integration, CacheOptions cache, ApiKeyOptions scheme, PleoConfig named, OpenApiOptions openApi, PublicApiSettings publicApi)
                {
                    // Words that only end in an API key's (open api key, public api key) do not make one.
                    logger.LogInformation("{A} {B}", openApi.Key, publicApi.Key);
                    logger.LogInformation("{A} {B}", {|PUX001:pleo.Value.Key|}, pleo.Value.BaseUrl);
                    logger.LogInformation("{A}", {|PUX001:integration.Key|});
                    logger.LogInformation("{A} {B} {C}", cache.Key, scheme.Key, named.Key);
                }
            }
            """);
    }

    [Fact]
    public async Task The_Key_of_a_selector_lookup_or_a_type_with_a_Name_Id_or_Path_names_an_entry_not_a_credential()
    {
        await Verify.VerifyAsync(Usings + "\n" + CredentialTypes + """

            class Connector
            {
                void Log(ILogger logger, V1SecretKeySelector selector, ApiKeyLookup lookup, PleoSecret stored, PleoCredentials credentials)
                {
                    logger.LogInformation("{A} {B}", selector.Key, selector.Name);
                    logger.LogInformation("{A} {B} {C}", lookup.Key, stored.Key, stored.Path);
                    logger.LogInformation("{A}", {|PUX001:credentials.Key|});
                }
            }
            """);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_record_named_for_a_credential_prints_its_Key(bool somethingCanMark)
    {
        // Without the Compliance library, nothing can mark a secret and records are first judged by their members' names.
        const string source = """
            record PleoCredentials(string CompanyId, string {|PUX003:Key|});
            record PleoApiKey(string {|PUX003:Value|});
            record SecretEntry(string Key, string {|PUX003:Value|});
            record Setting(string Key, string Value);
            record ApiKeySettings(string Key);
            """;
        var test = new ToStringVerify.Test { ReferenceAssemblies = somethingCanMark ? Verifiers.TestReferences.Default : Verifiers.TestReferences.WithoutCompliance };
        await ToStringVerify.RunAsync(test, source, editorConfig: null, []);
    }

    // ---- Plaintext from the Data Protection API ----

    [Fact]
    public async Task What_a_data_protector_unprotects_from_a_protected_secret_is_a_secret_what_it_protects_is_not()
    {
        await Verify.VerifyAsync("using Microsoft.AspNetCore.DataProtection;\n" + InMethod(
            """
            var protector = provider.CreateProtector("pleo");
            var plain = protector.Unprotect(protectedApiKey);
            logger.LogDebug("{K}", {|#0:plain|});
            logger.LogDebug("{K}", {|PUX001:DataProtectionCommonExtensions.Unprotect(protector, protectedApiKey)|});
            logger.LogDebug("{K}", {|PUX001:protector.Unprotect(Convert.FromBase64String(protectedApiKey))|});
            logger.LogDebug("{K}", {|PUX001:timed.Unprotect(protectedApiKey, out var expires)|});
            logger.LogDebug("{K}", {|PUX001:persisted.DangerousUnprotect(encryptedToken, true, out var migrate, out var revoked)|});
            Console.WriteLine($"{{|PUX001:protector.Unprotect(protectedApiKey)|}}");

            logger.LogDebug("{K}", protector.Protect(plain));
            logger.LogDebug("{K} {E}", protectedApiKey, expires);
            logger.LogDebug("{K}", protector.Protect(protector.Unprotect(protectedApiKey)));
            logger.LogDebug("{K}", protector.Unprotect(protectedApiKey).Length);
            """,
            "ILogger logger, IDataProtectionProvider provider, ITimeLimitedDataProtector timed, IPersistedDataProtector persisted, string protectedApiKey, byte[] encryptedToken"),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("Unprotect()", "ILogger.LogDebug"));
    }

    [Fact]
    public async Task Unprotected_text_is_a_secret_when_the_protected_value_or_the_protectors_purpose_names_one()
    {
        await Verify.VerifyAsync("using Microsoft.AspNetCore.DataProtection;\n" + InMethod(
            """
            var protector = provider.CreateProtector("Links.OrderId");
            logger.LogDebug("{K}", {|PUX001:protector.Unprotect(row.EncryptedApiKey)|});
            logger.LogDebug("{K}", {|PUX001:protector.Unprotect(apiKeyCiphertext)|});
            logger.LogDebug("{K}", {|PUX001:protector.Unprotect(protector.Protect(apiKey))|});
            var keys = provider.CreateProtector("Pleo.ApiKey");
            logger.LogDebug("{K}", {|PUX001:keys.Unprotect(stored)|});
            logger.LogDebug("{K}", {|PUX001:_keys.Unprotect(stored)|});
            var apiKey2 = protector.Unprotect(stored);
            logger.LogDebug("{K}", {|PUX001:apiKey2|});
            """,
            "ILogger logger, IDataProtectionProvider provider, Row row, string apiKeyCiphertext, string apiKey, string stored",
            members: "private readonly IDataProtector _keys = DataProtectionProvider.Create(\"app\").CreateProtector(\"Pleo\").CreateProtector(\"ApiKey\");")
            + "\npublic sealed class Row { public string EncryptedApiKey { get; init; } = \"\"; }");
    }

    [Fact]
    public async Task A_protector_a_constructor_creates_for_a_secret_purpose_unprotects_secrets()
    {
        // The usual style with dependency injection: the purpose is set where the constructor assigns the field.
        const string source = """
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Logging;

            sealed class KeyStore
            {
                private readonly IDataProtector _protector;
                private readonly IDataProtector _links;
                private readonly ILogger<KeyStore> _logger;

                public KeyStore(IDataProtectionProvider provider, ILogger<KeyStore> logger)
                {
                    _protector = provider.CreateProtector("Acme.PleoSync.IntegratedApiKey");
                    this._links = provider.CreateProtector("Links.OrderId");
                    _logger = logger;
                }

                public void Load(string stored, string protectedId)
                {
                    var plaintext = _protector.Unprotect(stored);
                    _logger.LogDebug("Loaded {Key}", {|PUX001:plaintext|});
                    _logger.LogDebug("Order {Id}", _links.Unprotect(protectedId));
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_project_method_that_decrypts_a_value_named_for_a_secret_returns_the_secret()
    {
        // Walkthrough 14's KeyProtector: the project's own wrapper of IDataProtector, and an AES helper, are judged by
        // what they are given, as Data Protection's Unprotect is. What they decrypt of an id is no secret.
        const string source = """
            using System;
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Logging;

            sealed class KeyProtector(IDataProtectionProvider provider)
            {
                private readonly IDataProtector _protector = provider.CreateProtector("Acme.Keys");
                public string Protect(string apiKey) => _protector.Protect(apiKey);
                public string Unprotect(string encrypted) => _protector.Unprotect(encrypted);
            }

            static class Crypto
            {
                public static string DecryptString(string cipherText, byte[] iv) => cipherText;
                public static string Reveal(this string sealedText) => sealedText;
                public static string Encrypt(string plainText) => plainText;
            }

            sealed class Connections(KeyProtector keys, ILogger<Connections> logger)
            {
                public void Show(Row row, string protectedApiKey, string apiKeyCiphertext, byte[] iv)
                {
                    logger.LogInformation("{Key}", {|PUX001:keys.Unprotect(row.EncryptedApiKey)|});
                    var plain = keys.Unprotect(row.EncryptedApiKey);
                    logger.LogInformation("{Key}", {|PUX001:plain|});
                    logger.LogInformation("{Key}", {|PUX001:Crypto.DecryptString(protectedApiKey, iv)|});
                    logger.LogInformation("{Key}", {|PUX001:apiKeyCiphertext.Reveal()|});

                    logger.LogInformation("{Id}", keys.Unprotect(row.EncryptedOrderId));
                    logger.LogInformation("{Id}", Crypto.DecryptString(row.EncryptedOrderId, iv));
                    logger.LogInformation("{Stored}", Crypto.Encrypt(row.EncryptedApiKey));
                }
            }

            sealed class Row
            {
                public string EncryptedApiKey { get; init; } = "";
                public string EncryptedOrderId { get; init; } = "";
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Unprotected_ids_and_state_are_not_secrets()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Logging;

            sealed class Links(IDataProtectionProvider provider, ILogger<Links> logger)
            {
                private readonly IDataProtector _protector = provider.CreateProtector("Links.OrderId");

                public string Resolve(string protectedId, string state)
                {
                    var orderId = _protector.Unprotect(protectedId);
                    logger.LogInformation("Resolved order {OrderId}", orderId);
                    logger.LogInformation("State {State}", _protector.Unprotect(Convert.FromBase64String(state)));
                    return orderId;
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    // ---- Tokens the sign-in saved ----

    [Fact]
    public async Task A_token_the_sign_in_saved_is_a_secret_its_expiry_and_type_are_not()
    {
        // SaveTokens keeps the provider's access, refresh and id tokens in the authentication properties. A name known
        // only at run time (a loop over the tokens) may be any of them.
        await Verify.VerifyAsync("using Microsoft.AspNetCore.Authentication;\n" + InMethod(
            """
            logger.LogInformation("{T}", await {|#0:context.GetTokenAsync("access_token")|});
            logger.LogInformation("{T}", await {|PUX001:context.GetTokenAsync("Cookies", "refresh_token")|});
            var idToken = properties.GetTokenValue("id_token");
            logger.LogInformation("{T}", {|PUX001:idToken|});
            foreach (var token in properties.GetTokens())
            {
                logger.LogInformation("{Name}: {Value}", token.Name, {|PUX001:token.Value|});
            }

            logger.LogInformation("{T}", await context.GetTokenAsync("expires_at"));
            logger.LogInformation("{T}", properties.GetTokenValue("token_type"));
            logger.LogInformation("{T}", {|PUX001:properties.GetTokenValue(name)|});
            """,
            "ILogger logger, HttpContext context, AuthenticationProperties properties, string name"),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("access_token", "ILogger.LogInformation"));
    }

    /// <summary>
    /// Microsoft.Identity.Web's <c>IAuthorizationHeaderProvider</c> hands back the whole header value, "Bearer " and the
    /// access token: a secret whatever the code calls it. (The stub declares the interface as Microsoft.Identity.Abstractions
    /// does, as a referenced library.)
    /// </summary>
    [Fact]
    public async Task An_authorization_header_a_token_provider_creates_is_a_secret()
    {
        var identity = await Verifiers.TestLibraries.CompileAsync("Microsoft.Identity.Abstractions", """
            namespace Microsoft.Identity.Abstractions
            {
                public interface IAuthorizationHeaderProvider
                {
                    System.Threading.Tasks.Task<string> CreateAuthorizationHeaderForUserAsync(System.Collections.Generic.IEnumerable<string> scopes);
                    System.Threading.Tasks.Task<string> CreateAuthorizationHeaderForAppAsync(string scopes);
                    System.Threading.Tasks.Task<string> CreateAuthorizationHeaderAsync(System.Collections.Generic.IEnumerable<string> scopes);
                    string DescribeScopes(string scopes);
                }
            }
            """, Verifiers.TestReferences.Default);
        var test = new Verify.Test
        {
            TestCode = "using Microsoft.Identity.Abstractions;\n" + InMethod(
                """
                var header = await provider.CreateAuthorizationHeaderForUserAsync(new[] { "api://ledger/.default" });
                logger.LogDebug("Calling the ledger with {Header}", {|PUX001:header|});
                logger.LogDebug("{H}", await {|PUX001:provider.CreateAuthorizationHeaderForAppAsync("api://ledger/.default")|});
                logger.LogDebug("{H}", await {|PUX001:provider.CreateAuthorizationHeaderAsync(new[] { "api://ledger/.default" })|});
                logger.LogDebug("{S}", provider.DescribeScopes("api://ledger/.default"));
                logger.LogDebug("Header of {Length} characters", header.Length);
                """,
                "ILogger logger, IAuthorizationHeaderProvider provider"),
        };
        test.TestState.AdditionalReferences.Add(identity);
        await test.RunAsync();
    }

    // ---- Environment variables ----

    [Fact]
    public async Task An_environment_variable_named_as_a_secret_setting_is_a_secret()
    {
        await Verify.VerifyAsync(InMethod(
            """
            logger.LogInformation("{K}", {|#0:Environment.GetEnvironmentVariable("PLEO_API_KEY")|});
            logger.LogInformation("{K}", {|PUX001:Environment.GetEnvironmentVariable("Pleo__ApiKey")|});
            logger.LogInformation("{K}", {|PUX001:Environment.GetEnvironmentVariable("PLEO_KEY", EnvironmentVariableTarget.Process)|});
            var fromEnvironment = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
            Console.WriteLine($"{{|PUX001:fromEnvironment|}}");

            logger.LogInformation("{K}", Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"));
            logger.LogInformation("{K}", Environment.GetEnvironmentVariable("PLEO_API_KEY_ID"));
            logger.LogInformation("{K}", Environment.GetEnvironmentVariable("Pleo__BaseUrl"));
            logger.LogInformation("{K}", Environment.GetEnvironmentVariable(name));
            logger.LogInformation("{K}", Environment.GetEnvironmentVariable("PLEO_API_KEY") is null);
            logger.LogInformation("{K}", {|PUX001:Environment.GetEnvironmentVariables()["PLEO_API_KEY"]|});
            var variables = Environment.GetEnvironmentVariables();
            logger.LogInformation("{K}", Environment.GetEnvironmentVariables()["ASPNETCORE_ENVIRONMENT"]);
            logger.LogInformation("{K}", variables.Count);
            """,
            "ILogger logger, string name"),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("PLEO_API_KEY", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task An_environment_variable_of_a_setting_declared_public_is_no_secret()
    {
        // Environment variables are configuration at its root: GoogleMaps__ApiKey is the setting GoogleMaps:ApiKey.
        await Verify.VerifyAsync(
            InMethod(
                """
                logger.LogInformation("{K}", Environment.GetEnvironmentVariable("GoogleMaps__ApiKey"));
                var mapsApiKey = Environment.GetEnvironmentVariable("GOOGLEMAPS__APIKEY");
                logger.LogInformation("{K}", mapsApiKey);
                logger.LogInformation("{K}", {|PUX001:Environment.GetEnvironmentVariable("GoogleMapsServer__ApiKey")|});
                """,
                "ILogger logger"),
            "pleouxguard.public_settings = GoogleMaps\n");
    }

    // ---- Anonymous objects ----

    [Fact]
    public async Task A_member_of_an_anonymous_object_holds_what_it_was_given()
    {
        await Verify.VerifyAsync(InMethod(
            """
            var credentials = new { CompanyId = "c1", Key = apiKey };
            logger.LogInformation("{K}", {|#0:credentials.Key|});
            logger.LogInformation("{K}", {|PUX001:new { Key = apiKey }.Key|});
            var masked = new { Key = "••••" + apiKey[^4..], Plain = apiKey };
            logger.LogInformation("{K}", {|PUX001:masked.Plain|});

            logger.LogInformation("{C}", credentials.CompanyId);
            logger.LogInformation("{K}", masked.Key);
            logger.LogInformation("{K}", credentials.Key.Length);
            var names = new { Key = "Pleo:ApiKey", Value = companyId };
            logger.LogInformation("{K} {V}", names.Key, names.Value);
            """,
            "ILogger logger, string apiKey, string companyId"),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SecretToLog).WithLocation(0).WithArguments("apiKey", "ILogger.LogInformation"));
    }
}
