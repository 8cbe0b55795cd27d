namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>The options of the secret-leak rules (PUX001–PUX007). Documented in docs/configuration.md.</summary>
internal static class SecretOptions
{
    public static readonly ListOption SecretWords = new(
        "pleouxguard.secret_words",
        OptionEntryKind.Words,
        "Extra words or phrases that make a name a secret, added to the built-in ones (api key, secret, token, password, …).");

    public static readonly ListOption VetoWords = new(
        "pleouxguard.veto_words",
        OptionEntryKind.Words,
        "Extra words that make a name not a secret wherever they appear in it (nonce, salt…).");

    public static readonly ListOption SecretTypes = new(
        "pleouxguard.secret_types",
        OptionEntryKind.TypeName,
        "Types whose every value is a secret, by full name (Acme.Vault.SecretValue).");

    public static readonly ListOption SecretAttributes = new(
        "pleouxguard.secret_attributes",
        OptionEntryKind.TypeName,
        "Attributes that mark a member, parameter or type as secret, added to Secret, Sensitive and SensitiveData.");

    public static readonly ListOption SanitizerMethods = new(
        "pleouxguard.sanitizer_methods",
        OptionEntryKind.MethodName,
        "Methods whose result is safe to show, added to the Compliance Redactor and to methods (or types) named with the word mask, redact, hash, fingerprint, encrypt or protect.");

    public static readonly ListOption PublicSettings = new(
        "pleouxguard.public_settings",
        OptionEntryKind.SettingPath,
        "Configuration sections or keys whose values are public, made to be in the browser (GoogleMaps, Firebase:ApiKey): their reads are not secrets. A Pleo setting never is.");

    public static readonly IntegerOption CallDepth = new(
        "pleouxguard.call_depth",
        defaultValue: 2,
        minimum: 0,
        maximum: 4,
        "How many calls deep a secret passed to a method of the same project is followed to a sink (0 = only the method itself).");
}
