using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Configuration;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.InvalidConfigurationAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>The message rules' options are known to PUX000: well-formed values are silent, malformed ones reported.</summary>
public sealed class MessageOptionsTests
{
    [Fact]
    public async Task Every_message_option_is_known_and_well_formed_values_are_silent()
    {
        await Verify.VerifyAsync("class C { }", """
            pleouxguard.connection_names = vault, ledger sync
            pleouxguard.sign_in_names = passkey
            pleouxguard.connection_exceptions = Acme.Ledger.LedgerSyncException, VaultException
            pleouxguard.generic_phrases = computer says no, nope!
            pleouxguard.recovery_cues = call our support desk
            pleouxguard.jargon_terms = guid, oauth
            pleouxguard.allowed_jargon_terms = bearer, Status Code
            pleouxguard.generic_messages_only_in_connection_code = true
            pleouxguard.generic_messages_in_exceptions = false
            pleouxguard.console_messages = true
            """);
    }

    [Fact]
    public async Task Malformed_message_options_are_reported()
    {
        await Verify.VerifyAsync(
            "class C { }",
            "pleouxguard.connection_names = vault, pleo-key!\npleouxguard.generic_messages_only_in_connection_code = sometimes\npleouxguard.generic_messages_in_exceptions = never\npleouxguard.allowed_jargon_terms = bearer, oauth\npleouxguard.console_messages = cli\n",
            new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(
                MessageOptions.ConnectionNames.Key, "'pleo-key!' is not a word list: use letters and digits, separate words with spaces"),
            new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(
                MessageOptions.GenericOnlyInConnectionCode.Key, "'sometimes' is neither true nor false"),
            new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(
                MessageOptions.GenericMessagesInExceptions.Key, "'never' is neither true nor false"),
            new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(
                MessageOptions.ConsoleMessages.Key, "'cli' is neither true nor false"),
            new DiagnosticResult(Descriptors.InvalidConfiguration).WithArguments(
                MessageOptions.AllowedJargonTerms.Key,
                "'oauth' is not a built-in jargon term (docs/message-catalogue.md lists them); a term of pleouxguard.jargon_terms is removed from that option instead"));
    }
}
