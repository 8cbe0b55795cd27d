using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;

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
}
