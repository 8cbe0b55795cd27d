namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>The options of the message-quality rules (PUX010–PUX012). Documented in docs/configuration.md.</summary>
internal static class MessageOptions
{
    public static readonly ListOption ConnectionNames = new(
        "pleouxguard.connection_names",
        OptionEntryKind.Words,
        "Extra words that mark connection code when a method, type, route or file name has them as a word (or with an ending such as s, ed, ing, ion), added to api key, key, connect, connection, credential, integration, activation, pleo, token….");

    public static readonly ListOption SignInNames = new(
        "pleouxguard.sign_in_names",
        OptionEntryKind.Words,
        "Extra words that mark an end-user sign-in flow, whose messages stay generic on purpose, added to login, sign in, password, register….");

    public static readonly ListOption ConnectionExceptions = new(
        "pleouxguard.connection_exceptions",
        OptionEntryKind.TypeName,
        "Extra exception types whose catch blocks are connection code, added to HttpRequestException, AuthenticationException, UnauthorizedAccessException, TaskCanceledException and TimeoutException.");

    public static readonly ListOption GenericPhrases = new(
        "pleouxguard.generic_phrases",
        OptionEntryKind.Text,
        "Extra messages that say nothing about what failed (PUX010), added to the catalogue's generic phrases.");

    public static readonly ListOption RecoveryCues = new(
        "pleouxguard.recovery_cues",
        OptionEntryKind.Text,
        "Extra words that count as a next step for the user (PUX011), added to the catalogue's recovery cues.");

    public static readonly ListOption JargonTerms = new(
        "pleouxguard.jargon_terms",
        OptionEntryKind.Text,
        "Extra words a user should not have to understand (PUX012), added to the catalogue's jargon.");

    public static readonly ListOption AllowedJargonTerms = new(
        "pleouxguard.allowed_jargon_terms",
        OptionEntryKind.BuiltInJargonTerm,
        "Built-in jargon terms your messages may use (PUX012 no longer reports them), such as bearer; each must be one of the catalogue's jargon terms.");

    public static readonly BooleanOption GenericOnlyInConnectionCode = new(
        "pleouxguard.generic_messages_only_in_connection_code",
        defaultValue: false,
        "When true, PUX010 looks only at connection code; by default it looks at every user-facing error message outside sign-in flows.");

    public static readonly BooleanOption GenericMessagesInExceptions = new(
        "pleouxguard.generic_messages_in_exceptions",
        defaultValue: true,
        "When false, PUX010 does not judge the message given to an exception constructed in connection code (for projects whose exceptions never reach a user, such as a background worker).");

    public static readonly BooleanOption ConsoleMessages = new(
        "pleouxguard.console_messages",
        defaultValue: false,
        "Whether what the program writes to the console is the user's screen, judged by PUX010–PUX012. Unset: true in a project that references a command-line parser (System.CommandLine, Spectre.Console.Cli, …), false elsewhere.");
}
