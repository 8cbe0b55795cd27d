using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// Real-looking code that is about secrets but leaks none: every secret rule (PUX001–PUX007) must stay
/// silent on all of it. Each case is one method; each theory row compiles one family of cases together.
/// </summary>
public sealed class MustStaySilentTests
{
    public static readonly TheoryData<string, string[]> Families = new()
    {
        // These strings are code the rules analyse, never run: the Task.Delay below is a token passed along in
        // analysed source, not a wait this test makes.
        { "CancellationToken plumbing", new[]
            {
                "async Task Sync(CancellationToken cancellationToken) { logger.LogInformation(\"Sync cancelled: {Cancelled}\", cancellationToken.IsCancellationRequested); await Task.Delay(1, cancellationToken); }",
                "void Log(CancellationToken token) => logger.LogDebug(\"Token {Token}\", token);",
                "void Link(CancellationToken ct) { using var source = CancellationTokenSource.CreateLinkedTokenSource(ct); logger.LogInformation(\"Linked {Token}\", source.Token); }",
                "void Register(CancellationToken stoppingToken) => stoppingToken.Register(() => logger.LogInformation(\"Stopping\"));",
                "Task Wait(CancellationToken requestAborted) { Console.WriteLine(requestAborted.CanBeCanceled); return Task.CompletedTask; }",
                "void Throw(CancellationToken cancellationToken) { if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(\"Cancelled\", cancellationToken); }",
            }
        },
        { "Token types, OAuth and token metadata", new[]
            {
                "void Types(string tokenType) => logger.LogInformation(\"Token type {TokenType}\", tokenType);",
                "void Expiry(DateTimeOffset tokenExpiry, string tokenExpiresAt) => logger.LogInformation(\"Expires {At} {Raw}\", tokenExpiry, tokenExpiresAt);",
                "void Endpoint(string tokenEndpoint, string tokenUrl) => logger.LogInformation(\"Token endpoint {Endpoint} {Url}\", tokenEndpoint, tokenUrl);",
                "void Scopes(string tokenScopes, string tokenAudience, string tokenIssuer) => logger.LogInformation(\"{S} {A} {I}\", tokenScopes, tokenAudience, tokenIssuer);",
                "void Paging(string nextToken, string pageToken, string nextPageToken) => logger.LogInformation(\"{A} {B} {C}\", nextToken, pageToken, nextPageToken);",
                "void Cursor(string continuationToken, string cursorToken, string tokenCursor) => logger.LogInformation(\"{A} {B} {C}\", continuationToken, cursorToken, tokenCursor);",
                "void Lock(string lockToken, string messageLockToken) => logger.LogInformation(\"{A} {B}\", lockToken, messageLockToken);",
                "void Feeds(string resumeToken, string resumeTokenJson, string syncToken, string deltaToken) => logger.LogInformation(\"{A} {B} {C} {D}\", resumeToken, resumeTokenJson, syncToken, deltaToken);",
                "void Cache(string tokenCacheKey, string apiKeyCacheEntry) => logger.LogInformation(\"{A} {B}\", tokenCacheKey, apiKeyCacheEntry);",
                "void Region(string secretsManagerRegion, string secretRegion) => logger.LogInformation(\"{A} {B}\", secretsManagerRegion, secretRegion);",
                "void Lifetime(int tokenLifetime, TimeSpan tokenTtl) => logger.LogInformation(\"{L} {T}\", tokenLifetime, tokenTtl);",
                "void Response(Microsoft.AspNetCore.Authentication.OAuth.OAuthTokenResponse response) => logger.LogInformation(\"Got {Type} expiring in {Expires}\", response.TokenType, response.ExpiresIn);",
                "void Claim(string tokenClaim, string tokenStatus) => logger.LogInformation(\"{C} {S}\", tokenClaim, tokenStatus);",
            }
        },
        { "JWT validation settings", new[]
            {
                "void Describe(TokenValidationParameters parameters) => logger.LogInformation(\"Issuer {Issuer}, audience {Audience}, lifetime checked {Lifetime}\", parameters.ValidIssuer, parameters.ValidAudience, parameters.ValidateLifetime);",
                "TokenValidationParameters Build(string issuer, string audience) => new() { ValidIssuer = issuer, ValidAudience = audience, ValidateIssuerSigningKey = true, RequireSignedTokens = true, ClockSkew = TimeSpan.FromMinutes(1) };",
                "void Signing(TokenValidationParameters tokenValidationParameters) => logger.LogInformation(\"Signing key {KeyId} of {Size} bits\", tokenValidationParameters.IssuerSigningKey?.KeyId, tokenValidationParameters.IssuerSigningKey?.KeySize);",
                "void Validated(SecurityToken token) => logger.LogInformation(\"Token {Id} from {Issuer} valid until {ValidTo}\", token.Id, token.Issuer, token.ValidTo);",
                "void Types(TokenValidationParameters parameters) => Console.WriteLine(string.Join(\",\", parameters.ValidTypes ?? Array.Empty<string>()));",
            }
        },
        { "Key names, ids and headers", new[]
            {
                "void Ids(string apiKeyId, Guid secretId, string keyName) => logger.LogInformation(\"{A} {B} {C}\", apiKeyId, secretId, keyName);",
                "void Names(string secretName, string apiKeyName, string credentialName) => logger.LogInformation(\"{A} {B} {C}\", secretName, apiKeyName, credentialName);",
                "const string ApiKeyHeader = \"X-Api-Key\"; void Header() => logger.LogInformation(\"Header {Header}\", ApiKeyHeader);",
                "void Section(string apiKeySection) => logger.LogInformation(\"Reading {Section}\", apiKeySection);",
                "void Path(string passwordFile, string secretPath) => logger.LogInformation(\"{A} {B}\", passwordFile, secretPath);",
                "void Company(string companyId, string tenantId) => logger.LogInformation(\"Connected {Company} {Tenant}\", companyId, tenantId);",
                "void Version(string apiKeyVersion, string secretVersion) => logger.LogInformation(\"{A} {B}\", apiKeyVersion, secretVersion);",
                "void Kinds(string credentialType, string secretKind) => logger.LogInformation(\"{A} {B}\", credentialType, secretKind);",
                "void Tags(string apiKey, string companyId) { using var activity = new ActivitySource(\"pleo\").StartActivity(\"sync\", ActivityKind.Internal, parentContext: default, tags: [new(\"pleo.company_id\", companyId), new(apiKey, \"named by the key, not holding it\")]); }",
                "void Entry(string apiKey) => logger.LogInformation(\"Entry {Entry}\", new KeyValuePair<string, int>(apiKey, apiKey.Length).Value);",
            }
        },
        { "Masked, hashed, encrypted and redacted values", new[]
            {
                "void Masked(string maskedApiKey) => logger.LogInformation(\"Key {Key}\", maskedApiKey);",
                "void Endings(string apiKeyLast4, string lastFourOfKey, string keyLastFour, string last4Token, string lastCharsOfToken, string apiKeyLast) => logger.LogInformation(\"{A} {B} {C} {D} {E} {F}\", apiKeyLast4, lastFourOfKey, keyLastFour, last4Token, lastCharsOfToken, apiKeyLast);",
                "void Hashed(string passwordHash, string hashedPassword) => logger.LogInformation(\"{A} {B}\", passwordHash, hashedPassword);",
                "void Encrypted(string encryptedApiKey) => logger.LogInformation(\"Stored {Blob}\", encryptedApiKey);",
                "void LogFingerprint(string apiKey) => logger.LogInformation(\"Fingerprint {F}\", Fingerprint(apiKey)); static string Fingerprint(string value) => value.GetHashCode().ToString();",
                "void Sha(string apiKey) => logger.LogInformation(\"Hash {H}\", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))));",
                "void Mask(string apiKey) { var shown = MaskKey(apiKey); logger.LogInformation(\"Key {Key}\", shown); } static string MaskKey(string key) => \"••••\" + key[^4..];",
                "void Reassigned(string apiKey) { apiKey = RedactKey(apiKey); logger.LogInformation(\"Key {Key}\", apiKey); } static string RedactKey(string key) => \"[redacted]\";",
                "void Protect(string apiKey, Microsoft.AspNetCore.DataProtection.IDataProtector protector) => logger.LogDebug(\"Protected {P}\", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protector, apiKey));",
                "void Sanitized(string sanitizedToken, string safePassword) => logger.LogInformation(\"{A} {B}\", sanitizedToken, safePassword);",
            }
        },
        { "Lengths, presence and comparisons", new[]
            {
                "void Length(string apiKey) => logger.LogInformation(\"Key length {Length}\", apiKey.Length);",
                "void Present(string apiKey) => logger.LogInformation(\"Key present {Present}\", !string.IsNullOrWhiteSpace(apiKey));",
                "void Compare(string apiKey, string stored) => logger.LogInformation(\"Same key {Same}\", apiKey == stored);",
                "void Prefix(string apiKey) => logger.LogInformation(\"Looks like a Pleo key {Ok}\", apiKey.StartsWith(\"pleo_\", StringComparison.Ordinal));",
                "void Count(string[] apiKeys) => logger.LogInformation(\"{Count} keys\", apiKeys.Length);",
                "void Equal(string password, string confirmation) { if (!string.Equals(password, confirmation, StringComparison.Ordinal)) throw new ArgumentException(\"The passwords do not match.\"); }",
                "void Required(string apiKey) { if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException(\"An API key is required.\", nameof(apiKey)); }",
                "void Strength(string password) => logger.LogInformation(\"Password strength {S}\", password.Distinct().Count());",
            }
        },
        { "Last four characters", new[]
            {
                "void Range(string apiKey) => logger.LogInformation(\"Key ending {End}\", apiKey[^4..]);",
                "void Substring(string apiKey) => logger.LogInformation(\"Key ending {End}\", apiKey.Substring(apiKey.Length - 4));",
                "void Bullets(string apiKey) => logger.LogInformation(\"Key {Key}\", \"••••\" + apiKey[^4..]);",
                "void Interpolated(string apiKey) => Console.WriteLine($\"Connected with key ••••{apiKey[^4..]}\");",
                "void Safe(string apiKey) => logger.LogInformation(\"Key ending {End}\", apiKey.Substring(Math.Max(0, apiKey.Length - 4)));",
                "void TakeLast(string apiKey) => logger.LogInformation(\"Key ending {End}\", new string(apiKey.TakeLast(4).ToArray()));",
                "void Local(string apiKey) { var ending = apiKey[^4..]; logger.LogInformation(\"Key ending {End}\", ending); }",
            }
        },
        { "Keys where they belong: headers, bodies, storage", new[]
            {
                "async Task Header(HttpClient client, string apiKey) { using var request = new HttpRequestMessage(HttpMethod.Get, \"/v1/company\"); request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", apiKey); await client.SendAsync(request); }",
                "void Default(HttpClient client, string apiKey) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", apiKey);",
                "async Task Body(HttpClient client, string clientSecret) => await client.PostAsync(\"/oauth/token\", new FormUrlEncodedContent(new Dictionary<string, string> { [\"client_secret\"] = clientSecret }));",
                "void Add(HttpRequestMessage request, string apiKey) => request.Headers.Add(\"X-Api-Key\", apiKey);",
                "void Store(Dictionary<string, string> vault, string tenant, string apiKey) => vault[tenant] = apiKey;",
                "bool Validate(string apiKey, string expected) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(expected));",
                "Uri Endpoint(string baseUrl) => new Uri(new Uri(baseUrl), \"/v1/company\");",
                "void Cookie(HttpContext context, string tenantId) => context.Response.Cookies.Append(\"tenant\", tenantId);",
            }
        },
        { "Messages about keys without the key", new[]
            {
                "void Invalid() => throw new InvalidOperationException(\"Pleo did not accept the API key. Check that you copied the whole key, then save it again.\");",
                "void Revoked(string companyId) => logger.LogWarning(\"The API key for company {CompanyId} was revoked\", companyId);",
                "void Format(string apiKey) { if (!apiKey.StartsWith(\"pleo_\", StringComparison.Ordinal)) throw new FormatException(\"This does not look like a Pleo API key.\"); }",
                "void Status(ILogger<Connector> typed, int statusCode) => typed.LogError(\"Pleo answered {Status}\", statusCode);",
                "void Saved(string apiKey) => logger.LogInformation(\"API key saved ({Length} characters)\", apiKey.Length);",
                "void Rotated(DateTimeOffset rotatedAt) => logger.LogInformation(\"Key rotated at {When}\", rotatedAt);",
                "string Describe(string secretName) => $\"Secret {secretName} is missing\";",
            }
        },
        { "Objects and types that are not secrets", new[]
            {
                "void Parameters(System.Text.Json.JsonSerializerOptions options) => logger.LogInformation(\"{Options}\", options);",
                "void Reader(ref System.Text.Json.Utf8JsonReader reader) => logger.LogInformation(\"{Kind}\", reader.TokenType);",
                "void Credentials(System.Net.NetworkCredential credentials) => logger.LogInformation(\"User {User}\", credentials.UserName);",
                "void Provider(IServiceProvider tokenProvider) => logger.LogInformation(\"{P}\", tokenProvider.GetType().Name);",
                "void Words(string monkey, string tokenizer, string secretary, string keyboard) => logger.LogInformation(\"{A} {B} {C} {D}\", monkey, tokenizer, secretary, keyboard);",
                "void Antiforgery(Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet tokens) => logger.LogInformation(\"Header {Name}\", tokens.HeaderName);",
                "void Placeholder(string apiKeyPlaceholder, string passwordHint) => logger.LogInformation(\"{A} {B}\", apiKeyPlaceholder, passwordHint);",
                "void Pattern(string tokenPattern, string secretFormat) => logger.LogInformation(\"{A} {B}\", tokenPattern, secretFormat);",
            }
        },
    };

    // The members of Microsoft.IdentityModel.Tokens that the JWT cases use, with the package's names and
    // types. The package itself is not a test reference: on a clean package cache the testing framework's
    // first resolution of it comes back without its assembly (seen with 8.16.0 here), so the case would
    // fail on a fresh machine and pass on the second run.
    private const string IdentityModelShapes = """

        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey { public string KeyId { get; set; } = ""; public abstract int KeySize { get; } }
            public abstract class SecurityToken { public abstract string Id { get; } public abstract string Issuer { get; } public abstract System.DateTime ValidTo { get; } }
            public class TokenValidationParameters
            {
                public string? ValidIssuer { get; set; }
                public string? ValidAudience { get; set; }
                public bool ValidateLifetime { get; set; }
                public bool ValidateIssuerSigningKey { get; set; }
                public bool RequireSignedTokens { get; set; }
                public System.TimeSpan ClockSkew { get; set; }
                public SecurityKey? IssuerSigningKey { get; set; }
                public System.Collections.Generic.IEnumerable<string>? ValidTypes { get; set; }
            }
        }
        """;

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Every_secret_rule_stays_silent(string family, string[] cases)
    {
        Assert.False(string.IsNullOrEmpty(family));
        var test = new AllSecretRules
        {
            TestCode = SecretCode.Usings + "\nusing System.Threading;\nusing Microsoft.IdentityModel.Tokens;\n\nclass Connector(ILogger logger)\n{\n    " + string.Join("\n\n    ", cases) + "\n}\n" + IdentityModelShapes,
        };
        await test.RunAsync();
    }

    /// <summary>Runs PUX001–PUX007 together against <see cref="TestReferences.Default"/>.</summary>
    internal sealed class AllSecretRules : CSharpAnalyzerTest<SecretLeakAnalyzer, DefaultVerifier>
    {
        public AllSecretRules()
        {
            ReferenceAssemblies = TestReferences.Default;
            TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new DiagnosticAnalyzer[]
        {
            new SecretLeakAnalyzer(),
            new SecretInToStringAnalyzer(),
        };
    }
}
