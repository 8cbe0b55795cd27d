using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>The shared catalogue: matching rules, and every recommended message passing our own rules.</summary>
public sealed class MessageCatalogueTests
{
    [Theory]
    [InlineData("  'Authentication Failed!' ", "authentication failed")]
    [InlineData("\u201CSomething   went\twrong\u2026\u201D", "something went wrong")]
    [InlineData("Error.", "error")]
    [InlineData("Couldn\u2019t connect", "couldn't connect")]
    [InlineData("Oops, something went wrong", "oops something went wrong")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Normalize_folds_case_space_quotes_and_trailing_punctuation(string? text, string expected) =>
        Assert.Equal(expected, MessageCatalogue.Normalize(text));

    [Fact]
    public void Normalize_gives_each_text_its_own_answer_when_many_texts_are_asked_about_at_once_on_many_threads()
    {
        // Far more texts than the catalogue remembers, so several share a place in its table, asked about
        // in a different order on each thread: an answer that belonged to another text would show here.
        var texts = Enumerable.Range(0, 4000).Select(n => ($"  'Sync Failed For Company {n}!' ", $"sync failed for company {n}")).ToArray();
        var wrong = 0;
        Parallel.For(0, 4, worker =>
        {
            for (var round = 0; round < 3; round++)
            {
                for (var index = 0; index < texts.Length; index++)
                {
                    var (text, expected) = texts[(index * (worker + 1) * 7919 + round) % texts.Length];
                    if (MessageCatalogue.Normalize(new string(text.ToCharArray())) != expected)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Verdicts_belong_to_their_own_text_when_many_texts_are_asked_about_at_once_on_many_threads()
    {
        // The catalogue remembers its verdicts with each text it has seen: far more texts than it remembers, with
        // different verdicts, asked about in a different order on each thread, so that a verdict that belonged to
        // another text would show here.
        var texts = Enumerable.Range(0, 4000).Select(Case).ToArray();
        var wrong = 0;
        Parallel.For(0, 4, worker =>
        {
            for (var round = 0; round < 3; round++)
            {
                for (var index = 0; index < texts.Length; index++)
                {
                    var (text, generic, failure, recovery, jargon, kind) = texts[(index * (worker + 1) * 7919 + round) % texts.Length];
                    var copy = new string(text.ToCharArray());
                    if (MessageCatalogue.IsGeneric(copy) != generic || MessageCatalogue.ReportsFailure(copy) != failure
                        || MessageCatalogue.HasRecoveryCue(copy) != recovery || MessageCatalogue.FindJargon(copy) != jargon
                        || MessageCatalogue.GuessKind(copy)?.ToString() != kind)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);

        static (string Text, bool Generic, bool Failure, bool Recovery, string? Jargon, string? Kind) Case(int n) => (n % 4) switch
        {
            0 => ("Authentication" + new string(' ', 1 + (n % 40)) + "failed", true, true, false, null, "InvalidKey"),
            1 => ($"Sync of {Ledger(n)} stopped: the key was revoked. Reconnect to Pleo.", false, true, true, null, "KeyRevoked"),
            2 => ($"Pleo returned 401 for {Ledger(n)}.", false, false, false, "401", null),
            _ => ($"Too many requests for {Ledger(n)}, try again in a minute", false, true, true, null, "RateLimited"),
        };

        // A name per text with no digits in it, which would read as status codes.
        static string Ledger(int n) => "ledger" + new string(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => (char)('a' + digit - '0')).ToArray());
    }

    [Theory]
    [InlineData("Authentication failed.")]
    [InlineData("UNAUTHORIZED")]
    [InlineData("\"Access denied\"")]
    [InlineData("Error: request failed")]
    [InlineData("Oops! Something went wrong. Please try again.")]
    [InlineData("Invalid credentials")]
    [InlineData("Could not connect - please try again later")]
    [InlineData("Oops!! Something went wrong.. Please try again.")]
    [InlineData(";Error: request failed; unauthorized!")]
    [InlineData("Timeout")]
    [InlineData("The operation has timed out.")]
    public void IsGeneric_accepts_messages_made_only_of_generic_phrases(string message) =>
        Assert.True(MessageCatalogue.IsGeneric(message));

    [Theory]
    [InlineData("The API key appears to be invalid.")]
    [InlineData("Authentication failed because the key was revoked.")]
    [InlineData("Error saving the key: the field is empty.")]
    [InlineData("Connected")]
    [InlineData("Something went wrong. The key was revoked.")]
    [InlineData("Oops!! Something went wrong.. The key was revoked")]
    [InlineData("Pleo timed out. Try again in a few minutes.")]
    [InlineData("")]
    [InlineData(null)]
    public void IsGeneric_rejects_messages_that_say_what_failed(string? message) =>
        Assert.False(MessageCatalogue.IsGeneric(message));

    [Theory]
    [InlineData("Invalid API key.", "says only that the key is invalid, not why or what to do next")]
    [InlineData("Error: invalid key!", "says only that the key is invalid, not why or what to do next")]
    [InlineData("Authentication failed.", "says only that authentication failed, not why or what to do next")]
    [InlineData("Invalid input.", "says only that the input is invalid, not why or what to do next")]
    [InlineData("Something went wrong. Please try again.", "does not say what failed")]
    [InlineData("Unauthorized", "does not say what failed")]
    [InlineData("Request timed out.", "says only that the request timed out, not why or what to do next")]
    public void DescribeGeneric_says_what_a_generic_message_lacks(string message, string expected) =>
        Assert.Equal(expected, MessageCatalogue.DescribeGeneric(message));

    [Fact]
    public void IsGeneric_takes_extra_phrases_from_configuration()
    {
        Assert.False(MessageCatalogue.IsGeneric("Computer says no."));
        Assert.True(MessageCatalogue.IsGeneric("Computer says no.", new[] { "Computer SAYS no" }));
    }

    [Theory]
    [InlineData("This key is no longer valid.", true)]
    [InlineData("Your Pleo key no longer works.", true)]
    [InlineData("The key can no longer be used.", true)]
    [InlineData("Your new API key is saved. The previous key is no longer used.", false)]
    [InlineData("Connected to Pleo.", false)]
    [InlineData("Your new API key is saved. Exports will no longer fail.", false)]
    [InlineData("The key was not rejected: it is saved.", false)]
    [InlineData("The key is not valid.", true)]
    [InlineData("Pleo did not accept the key.", true)]
    [InlineData("The export failed, and the key was never used.", true)]
    [InlineData("The API key is too short.", true)]
    [InlineData("This does not look like a Pleo key.", true)]
    [InlineData("The key is not too long.", false)]
    public void ReportsFailure_takes_no_longer_only_with_what_stopped_and_not_a_denied_cue(string message, bool expected) =>
        Assert.Equal(expected, MessageCatalogue.ReportsFailure(message));

    [Theory]
    [InlineData("Check the key and try again.", true)]
    [InlineData("Please re-enter your key.", true)]
    [InlineData("Ask your administrator for a new key.", true)]
    [InlineData("Reconnect to Pleo.", true)]
    [InlineData("The key was rejected.", false)]
    [InlineData("Checking…", false)]
    [InlineData("Unchecked failure.", false)]
    public void HasRecoveryCue_matches_whole_words(string message, bool expected) =>
        Assert.Equal(expected, MessageCatalogue.HasRecoveryCue(message));

    [Theory]
    [InlineData("Pleo returned 401.", "401")]
    [InlineData("HTTP error from Pleo", "http")]
    [InlineData("Could not deserialize the response", "deserialize")]
    [InlineData("A NullReferenceException occurred", "nullreferenceexception")]
    [InlineData("TLS handshake failed", "tls")]
    [InlineData("Your key is 4010 characters long", null)]
    [InlineData("Pleo keys are shorter than 500 characters. Paste the whole key.", null)]
    [InlineData("Export at most 400 rows at a time.", null)]
    [InlineData("Pleo answered with 429 too many requests.", "429")]
    [InlineData("Pleo returned 500 after 30 seconds.", "500")]
    [InlineData("The connection to Pleo was interrupted.", null)]
    [InlineData("Paste the whole key, without the 'Bearer ' prefix.", null)]
    [InlineData("Pleo rejected the 'Bearer' prefix.", "bearer")]
    [InlineData("Paste the key. Pleo said \u201C401\u201D.", "401")]
    [InlineData("Paste the key without the 'Bearer ' prefix or the Basic auth header.", "basic auth")]
    public void FindJargon_finds_whole_terms_only(string message, string? expected) =>
        Assert.Equal(expected, MessageCatalogue.FindJargon(message));

    [Theory]
    // The guidance verb governs the quote: before it, in the same sentence.
    [InlineData("Paste the whole key, without the 'Bearer ' prefix.", null)]
    [InlineData("Copy the key from Pleo. Then remove the 'Bearer ' prefix.", null)]
    [InlineData("Include the 'Bearer ' prefix when you paste the key.", null)]
    [InlineData("Please type 'bearer' before the key.", null)]
    // A cue elsewhere in the message, after the quote, or "include"/"type" that only describe: the term is jargon.
    [InlineData("Pleo did not send 'json' (wrong content type).", "json")]
    [InlineData("The response did not include a 'bearer' value.", "bearer")]
    [InlineData("Could not read the \"payload\". Enter your key again.", "payload")]
    [InlineData("Pleo rejected the 'scope'. Paste a key with all permissions.", "scope")]
    [InlineData("The 'bearer' value is wrong; paste the key alone.", "bearer")]
    [InlineData("The 'header' you typed was not accepted.", "header")]
    public void A_quoted_term_is_text_to_paste_only_where_a_guidance_verb_of_its_sentence_governs_it(string message, string? expected) =>
        Assert.Equal(expected, MessageCatalogue.FindJargon(message));

    [Theory]
    [InlineData("The key was revoked.", "KeyRevoked")]
    [InlineData("This key lacks a permission.", "MissingPermission")]
    [InlineData("Too many requests.", "RateLimited")]
    [InlineData("The key format is wrong.", "WrongFormat")]
    [InlineData("Pleo is unavailable.", "PleoUnavailable")]
    [InlineData("Invalid credentials", "InvalidKey")]
    [InlineData("Something went wrong", null)]
    public void GuessKind_reads_the_failure_kind_from_the_words(string message, string? expected) =>
        Assert.Equal(expected, MessageCatalogue.GuessKind(message)?.ToString());

    // FailureKind is internal to the analyzer, so theories take its name.
    public static TheoryData<string> Kinds() => new(MessageCatalogue.AllKinds.Select(kind => kind.ToString()));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_recommended_message_passes_our_own_rules(string kind)
    {
        var message = MessageCatalogue.For(Enum.Parse<FailureKind>(kind));
        Assert.False(MessageCatalogue.IsGeneric(message), message);
        Assert.True(MessageCatalogue.HasRecoveryCue(message), message);
        Assert.Null(MessageCatalogue.FindJargon(message));
        Assert.True(message.Length <= 170, $"Keep messages short: {message.Length} characters in \"{message}\".");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_words_of_each_recommended_message_point_to_its_own_kind(string kind) =>
        Assert.Equal(kind, MessageCatalogue.GuessKind(MessageCatalogue.For(Enum.Parse<FailureKind>(kind)))?.ToString());

    [Fact]
    public void Every_other_catalogue_message_passes_our_own_rules_too()
    {
        var constants = typeof(MessageCatalogue)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToList();
        Assert.True(constants.Count > MessageCatalogue.AllKinds.Length);

        foreach (var field in constants)
        {
            var message = (string)field.GetRawConstantValue()!;
            Assert.False(MessageCatalogue.IsGeneric(message), field.Name);
            Assert.Null(MessageCatalogue.FindJargon(message));

            // The rotation message is shown next to the failure message, which carries the next step.
            if (field.Name != nameof(MessageCatalogue.RotationKeptPrevious))
            {
                Assert.True(MessageCatalogue.HasRecoveryCue(message), field.Name);
            }
        }
    }

    [Fact]
    public void The_catalogue_page_lists_every_message_and_phrase()
    {
        var page = File.ReadAllText(RepositoryFiles.PathOf("docs/message-catalogue.md"));
        foreach (var kind in MessageCatalogue.AllKinds)
        {
            Assert.Contains(MessageCatalogue.For(kind), page, StringComparison.Ordinal);
        }

        foreach (var entry in MessageCatalogue.GenericPhrases.Concat(MessageCatalogue.JargonTerms).Concat(MessageCatalogue.RecoveryCues).Concat(MessageCatalogue.FailureCues).Concat(MessageCatalogue.KeyRejectionCues))
        {
            Assert.Contains("`" + entry + "`", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_kind_has_a_message_a_description_and_a_place_in_AllKinds()
    {
        foreach (var kind in (FailureKind[])Enum.GetValues(typeof(FailureKind)))
        {
            Assert.Contains(kind, MessageCatalogue.AllKinds);
            Assert.False(string.IsNullOrWhiteSpace(MessageCatalogue.For(kind)));
            Assert.False(string.IsNullOrWhiteSpace(MessageCatalogue.Describe(kind)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => MessageCatalogue.For((FailureKind)99));
    }

    [Fact]
    public void State_labels_are_not_judged_as_generic_error_messages_by_the_label_list_itself()
    {
        // "Connection failed" is both a state label and, as an error message, generic: the analyzer
        // tells them apart by where the text goes (status member vs error sink), not by the text.
        Assert.Contains(ConnectionStateLabels.ConnectionFailed, ConnectionStateLabels.All);
        Assert.True(MessageCatalogue.IsGeneric(ConnectionStateLabels.ConnectionFailed));
        Assert.Equal(5, ConnectionStateLabels.All.Length);
    }
}
