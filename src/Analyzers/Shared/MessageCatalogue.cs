// One source of truth for user-facing wording. This file is compiled into the analyzer
// (netstandard2.0), the conformance kit and the reference integration as linked source,
// so it must stay dependency-free and C# that netstandard2.0 accepts.
using System;
using System.Collections.Generic;
using System.Text;

namespace PleoUxGuard.Shared;

/// <summary>Why a Pleo API key could not be used, as far as the user needs to know.</summary>
internal enum FailureKind
{
    /// <summary>Pleo does not recognise the key (401 on validation).</summary>
    InvalidKey,

    /// <summary>The key is valid but lacks a scope the integration needs (403).</summary>
    MissingPermission,

    /// <summary>A key that worked before was revoked or expired (401 after activation).</summary>
    KeyRevoked,

    /// <summary>Pleo is unreachable, timing out or failing (5xx): temporary; the submitted key was not saved.</summary>
    PleoUnavailable,

    /// <summary>Pleo asked us to slow down (429).</summary>
    RateLimited,

    /// <summary>The text entered is not shaped like a key; no call was made.</summary>
    WrongFormat,
}

/// <summary>
/// The recommended messages per failure kind, the connection state labels, and the phrase
/// lists the analyzer and the conformance kit judge messages by.
/// </summary>
internal static class MessageCatalogue
{
    public const string InvalidKey =
        "The API key appears to be invalid. Check that you copied the whole key from Pleo and try again.";

    public const string MissingPermission =
        "This API key does not have the permissions this integration needs. Reinstall the integration in Pleo, approve the requested permissions, and paste the new key.";

    public const string KeyRevoked =
        "Your connection to Pleo has been interrupted because the API key was revoked or has expired. Update your API key to restore access.";

    public const string PleoUnavailable =
        "Pleo could not be reached just now, so the key was not saved. Try again in a few minutes.";

    public const string RateLimited =
        "Pleo is receiving too many requests right now. Wait a minute, then try again.";

    public const string WrongFormat =
        "This does not look like a Pleo API key. Copy the key exactly as Pleo shows it after installation and paste it here.";

    public const string RotationKeptPrevious =
        "The new API key was not saved, so your existing connection to Pleo is still active.";

    /// <summary>Format: {0} the company the new key belongs to, {1} the company the workspace is connected to.</summary>
    public const string DifferentCompanyFormat =
        "This API key belongs to a different Pleo company (Company ID: {0}) than the one this workspace is connected to (Company ID: {1}). Check that you installed the integration in the right company, or confirm the switch and paste the key again.";

    public const string KeyUsedByAnotherWorkspace =
        "This API key is already connected to another workspace. Install the integration in Pleo for this workspace and paste the new key here.";

    public const string TooManyConnectAttempts =
        "There have been too many connection attempts for this workspace. Wait a minute, then try again.";

    /// <summary>The refusal shown when a replacement key belongs to another company than the current connection.</summary>
    public static string DifferentCompany(string newCompanyId, string currentCompanyId) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, DifferentCompanyFormat, newCompanyId, currentCompanyId);

    /// <summary>Returns the recommended message for a failure kind.</summary>
    public static string For(FailureKind kind) => kind switch
    {
        FailureKind.InvalidKey => InvalidKey,
        FailureKind.MissingPermission => MissingPermission,
        FailureKind.KeyRevoked => KeyRevoked,
        FailureKind.PleoUnavailable => PleoUnavailable,
        FailureKind.RateLimited => RateLimited,
        FailureKind.WrongFormat => WrongFormat,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown failure kind."),
    };

    /// <summary>All failure kinds, most likely first.</summary>
    public static readonly FailureKind[] AllKinds =
    {
        FailureKind.InvalidKey,
        FailureKind.MissingPermission,
        FailureKind.KeyRevoked,
        FailureKind.PleoUnavailable,
        FailureKind.RateLimited,
        FailureKind.WrongFormat,
    };

    /// <summary>How diagnostics and reports name a failure kind: "this code handles {Describe(kind)}".</summary>
    public static string Describe(FailureKind kind) => kind switch
    {
        FailureKind.InvalidKey => "an invalid API key",
        FailureKind.MissingPermission => "a key without a needed permission",
        FailureKind.KeyRevoked => "a revoked or expired key",
        FailureKind.PleoUnavailable => "Pleo being unreachable or failing",
        FailureKind.RateLimited => "Pleo limiting the request rate",
        FailureKind.WrongFormat => "a key in the wrong format",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown failure kind."),
    };

    /// <summary>Messages that say nothing about what failed. Compared after <see cref="Normalize"/>.</summary>
    public static readonly string[] GenericPhrases =
    {
        "authentication failed", "authentication error", "authentication unsuccessful", "auth failed",
        "auth error", "unauthorized", "unauthorised", "not authorized", "not authorised", "forbidden",
        "access denied", "access forbidden", "permission denied", "denied", "not allowed",
        "authorization failed", "authorisation failed", "error", "errors", "an error occurred",
        "an error has occurred", "an error occured", "error occurred", "an unexpected error occurred",
        "an unknown error occurred", "unexpected error", "unknown error", "something went wrong",
        "something bad happened", "oops", "oops something went wrong", "whoops", "sorry", "uh oh",
        "failed", "failure", "fail", "request failed", "operation failed", "action failed",
        "the request failed", "the operation failed", "invalid request", "bad request", "invalid",
        "invalid input", "invalid data", "invalid value", "invalid key", "invalid api key",
        "invalid token", "invalid credentials", "wrong credentials", "incorrect credentials",
        "connection error", "connection failed", "connection problem", "could not connect",
        "couldn't connect", "unable to connect", "cannot connect", "can't connect", "failed to connect",
        "please try again", "try again", "try again later", "please try again later",
        "validation failed", "validation error", "login failed", "save failed", "failed to save",
        "could not save", "unable to save", "update failed", "internal error", "internal server error",
        "server error", "network error", "service unavailable", "there was a problem",
        "there was an error", "a problem occurred", "we could not process your request",
        "unable to process request", "request could not be processed", "not found", "no access",
        // The error page of ASP.NET Core's project templates.
        "an error occurred while processing your request", "an error occurred while processing the request",
        // A timeout's bare name, and .NET's own text for it (TaskCanceledException, TimeoutException).
        "timeout", "timed out", "request timeout", "request timed out", "the request timed out", "operation timed out",
        "the operation timed out", "the operation has timed out", "gateway timeout",
    };

    // Generic phrases that do name what failed, and what they say: "Invalid API key." says only that the key is invalid.
    private static readonly KeyValuePair<string, string>[] NamedFailures =
    {
        new("invalid key", "the key is invalid"), new("invalid api key", "the key is invalid"),
        new("invalid token", "the token is invalid"), new("invalid credentials", "the credentials are invalid"),
        new("wrong credentials", "the credentials are wrong"), new("incorrect credentials", "the credentials are wrong"),
        new("timeout", "something timed out"), new("timed out", "something timed out"), new("request timeout", "the request timed out"),
        new("request timed out", "the request timed out"), new("the request timed out", "the request timed out"),
        new("operation timed out", "the request timed out"), new("the operation timed out", "the request timed out"),
        new("the operation has timed out", "the request timed out"), new("gateway timeout", "the request timed out"),
        new("invalid input", "the input is invalid"), new("invalid data", "the input is invalid"), new("invalid value", "the input is invalid"),
        new("authentication failed", "authentication failed"), new("auth failed", "authentication failed"),
        new("authentication unsuccessful", "authentication failed"), new("authorization failed", "authorization failed"),
        new("authorisation failed", "authorisation failed"), new("validation failed", "validation failed"),
        new("connection failed", "the connection failed"), new("could not connect", "the connection failed"),
        new("couldn't connect", "the connection failed"), new("unable to connect", "the connection failed"),
        new("cannot connect", "the connection failed"), new("can't connect", "the connection failed"),
        new("failed to connect", "the connection failed"), new("save failed", "saving failed"),
        new("failed to save", "saving failed"), new("could not save", "saving failed"), new("unable to save", "saving failed"),
        new("update failed", "the update failed"),
    };

    /// <summary>
    /// How a diagnostic says what a generic message lacks: "says only that the key is invalid, not why or what to do
    /// next" when one of its phrases names what failed ("Invalid API key."), otherwise "does not say what failed".
    /// </summary>
    public static string DescribeGeneric(string? message)
    {
        var text = Normalize(message).Replace(" - ", ".");
        foreach (var sentence in text.Split(SentenceBreaks))
        {
            var part = NormalizeUncached(sentence);
            foreach (var named in NamedFailures)
            {
                if (string.Equals(part, named.Key, StringComparison.Ordinal))
                {
                    return "says only that " + named.Value + ", not why or what to do next";
                }
            }
        }

        return "does not say what failed";
    }

    /// <summary>Words a user should not have to understand. Matched as whole words, case-insensitive.</summary>
    public static readonly string[] JargonTerms =
    {
        "400", "401", "403", "404", "408", "429", "500", "502", "503", "504", "http", "https status",
        "status code", "statuscode", "exception", "null reference", "nullreference", "stack trace",
        "stacktrace", "deserialize", "deserialization", "serialize", "serialization", "json", "xml",
        "socket", "tls", "ssl", "handshake", "endpoint", "payload", "bearer", "basic auth", "header",
        "base64", "dns", "httprequestexception", "unauthorizedaccessexception",
        "invalidoperationexception", "argumentexception", "nullreferenceexception",
        "taskcanceledexception", "timeoutexception", "econnrefused", "errno", "hresult", "introspect",
        "scope", "urn", "object reference not set", "reason phrase", "unauthorized", "forbidden",
    };

    /// <summary>Words that tell the user what to do next.</summary>
    public static readonly string[] RecoveryCues =
    {
        "check", "try again", "retry", "re-enter", "reenter", "enter", "paste", "update", "replace",
        "reconnect", "generate", "reinstall", "install", "contact", "ask your administrator",
        "ask your admin", "copy", "wait", "approve", "confirm", "sign in again", "refresh", "make sure",
        "verify", "grant", "choose", "select", "use a", "use the", "go to", "open",
    };

    /// <summary>Words that show a message reports a failure (rather than a state or a hint).</summary>
    public static readonly string[] FailureCues =
    {
        "failed", "fail", "fails", "failure", "error", "invalid", "could not", "couldn't", "cannot",
        "can't", "unable", "denied", "rejected", "refused", "did not accept", "didn't accept", "not accepted", "not valid", "expired", "revoked", "wrong",
        "incorrect", "unauthorized", "unauthorised", "forbidden", "not recognised", "not recognized",
        "does not have", "doesn't have", "missing", "problem", "interrupted", "unavailable",
        "not allowed", "too many", "did not work", "didn't work", "was not saved",
        // "No longer" with what stopped, not on its own: "The previous key is no longer used." reports a rotation that worked.
        "lacks", "no longer valid", "no longer works", "no longer work", "no longer working", "no longer active",
        "no longer accepted", "no longer has", "no longer have", "no longer authorized", "no longer authorised",
        "no longer exists", "no longer available", "no longer connected", "no longer allowed", "no longer be used",
        "timed out", "unreachable", "went wrong",
        "did not recognise", "did not recognize", "didn't recognise", "didn't recognize", "isn't valid", "not verified",
        // A key refused for its shape before it is sent: "The API key is too short."
        "too short", "too long", "malformed", "does not look like", "doesn't look like",
    };

    /// <summary>
    /// Words that say the key itself was not accepted (rather than Pleo failing, or something else): a message
    /// about a key with one of these near it says the key is what failed (the kit's UXK-ERR-1).
    /// </summary>
    public static readonly string[] KeyRejectionCues =
    {
        "invalid", "not valid", "isn't valid", "incorrect", "wrong", "not recognised", "not recognized", "unrecognised",
        "unrecognized", "did not recognise", "did not recognize", "didn't recognise", "didn't recognize", "unknown",
        "expired", "revoked", "rejected", "refused", "not accepted", "did not accept", "didn't accept", "did not work",
        "didn't work", "does not work", "doesn't work", "could not be verified", "could not be validated",
        "could not be used", "could not verify", "could not validate", "couldn't verify", "couldn't validate", "not verified",
    };

    // Per kind, words that point to it, in the order kinds are tried: the first kind with a hit wins.
    private static readonly KeyValuePair<FailureKind, string[]>[] KindCues =
    {
        // The state, not the verb: "Could not revoke the key." and a Revoke method are the user's own disconnect failing.
        new(FailureKind.KeyRevoked, new[] { "revoked", "expired", "no longer", "interrupted" }),
        new(FailureKind.MissingPermission, new[] { "permission", "permissions", "scope", "scopes", "forbidden", "access denied", "not allowed", "lacks" }),
        new(FailureKind.RateLimited, new[] { "too many", "rate limit", "rate limited", "throttled", "slow down" }),
        new(FailureKind.WrongFormat, new[] { "format", "malformed", "does not look like", "too short", "too long", "empty" }),
        new(FailureKind.PleoUnavailable, new[] { "unavailable", "unreachable", "could not reach", "could not be reached", "cannot be reached", "timed out", "timeout", "server error", "network", "could not connect", "unable to connect", "connection error", "later" }),
        new(FailureKind.InvalidKey, new[] { "invalid", "unauthorized", "unauthorised", "not recognised", "not recognized", "did not recognise", "did not recognize", "didn't recognise", "didn't recognize", "isn't valid", "authentication", "credentials", "incorrect", "wrong key", "wrong api key", "rejected", "not accepted" }),
    };

    /// <summary>
    /// Lower-cases, folds white space, strips surrounding quotes and trailing punctuation, so that
    /// "  'Authentication Failed!' " and "authentication failed" compare equal.
    /// </summary>
    public static string Normalize(string? text) => text is null ? string.Empty : Known(text).Normalized;

    /// <remarks>
    /// Every rule asks about every message, and generated or copied code repeats the same texts across files as
    /// separate string objects: a small table remembers recent texts by content, with their normal form and the
    /// verdicts on them worked out so far. Each slot holds one entry, swapped whole, so threads need no lock; a
    /// text whose slot was taken since is simply worked out again.
    /// </remarks>
    private static KnownText Known(string text)
    {
        var slot = (text.GetHashCode() & int.MaxValue) % KnownSlots;
        var known = s_known[slot];
        if (known is not null && string.Equals(known.Text, text, StringComparison.Ordinal))
        {
            return known;
        }

        known = new KnownText(text, NormalizeUncached(text));
        s_known[slot] = known;
        return known;
    }

    // A fixed number of slots bounds what the table keeps alive in a long-lived process (the IDE, the kit).
    private const int KnownSlots = 509;

    private static readonly KnownText?[] s_known = new KnownText?[KnownSlots];

    /// <summary>
    /// A text, its normal form, and the verdicts of the built-in lists on it, each worked out when first asked.
    /// A verdict is one field written whole, so a thread reads either nothing yet or the answer; two threads that
    /// work one out at once write the same.
    /// </summary>
    private sealed class KnownText
    {
        private const int Unknown = 0;
        private const int No = 1;
        private const int Yes = 2;
        private static readonly object NoWord = new();

        private int _generic;
        private int _failure;
        private int _recovery;
        private object? _jargon;
        private object? _kind;

        public KnownText(string text, string normalized)
        {
            Text = text;
            Normalized = normalized;
        }

        public string Text { get; }

        public string Normalized { get; }

        public bool IsGeneric => Answer(ref _generic, this, static known => IsGenericNormalized(known.Normalized, Array.Empty<string>()));

        public bool ReportsFailure => Answer(ref _failure, this, static known => FindWord(known.Normalized, FailureCues, skipNegated: true) is not null);

        public bool HasRecoveryCue => Answer(ref _recovery, this, static known => FindWord(known.Normalized, RecoveryCues) is not null);

        public string? Jargon
        {
            get
            {
                var jargon = _jargon ??= FindJargonNormalized(Normalized, JargonTerms, Array.Empty<string>()) ?? NoWord;
                return jargon as string;
            }
        }

        public FailureKind? Kind
        {
            get
            {
                var kind = _kind ??= (object?)GuessKindNormalized(Normalized) ?? NoWord;
                return kind as FailureKind?;
            }
        }

        private static bool Answer(ref int verdict, KnownText known, Func<KnownText, bool> compute)
        {
            if (verdict == Unknown)
            {
                verdict = compute(known) ? Yes : No;
            }

            return verdict == Yes;
        }
    }

    private static string NormalizeUncached(string text)
    {
        if (IsNormalized(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c == '\u2019' ? '\'' : c));
        }

        var start = 0;
        var end = builder.Length;
        while (start < end && IsTrimmable(builder[start]))
        {
            start++;
        }

        while (end > start && IsTrimmable(builder[end - 1]))
        {
            end--;
        }

        return builder.ToString(start, end - start).Replace(",", string.Empty);
    }

    /// <summary>
    /// True when the message, normalised, is only generic phrases: "Authentication failed",
    /// "Error: request failed", "Oops! Something went wrong. Please try again."
    /// </summary>
    public static bool IsGeneric(string? message) => IsGeneric(message, Array.Empty<string>());

    /// <summary><see cref="IsGeneric(string)"/> with extra phrases (already normalised or not) from configuration.</summary>
    public static bool IsGeneric(string? message, IReadOnlyCollection<string> extraPhrases)
    {
        if (message is null)
        {
            return false;
        }

        var known = Known(message);
        return extraPhrases.Count == 0 ? known.IsGeneric : IsGenericNormalized(known.Normalized, extraPhrases);
    }

    private static bool IsGenericNormalized(string normalized, IReadOnlyCollection<string> extraPhrases)
    {
        if (normalized.Length == 0)
        {
            return false;
        }

        // Sentence by sentence, stopping at the first that is not generic: most messages are not, and splitting
        // the whole text first made a string of every sentence of every message every rule asked about.
        var text = normalized.Replace(" - ", ".");
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOfAny(SentenceBreaks, start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > start)
            {
                var part = NormalizeUncached(text.Substring(start, end - start));
                if (part.Length > 0 && !IsGenericPhrase(part, extraPhrases))
                {
                    return false;
                }
            }

            start = end + 1;
        }

        return true;
    }

    /// <summary>True when the message offers the user a next step.</summary>
    public static bool HasRecoveryCue(string? message) => HasRecoveryCue(message, Array.Empty<string>());

    /// <summary><see cref="HasRecoveryCue(string)"/> with extra cues from configuration.</summary>
    public static bool HasRecoveryCue(string? message, IReadOnlyCollection<string> extraCues)
    {
        var known = Known(message ?? string.Empty);
        return known.HasRecoveryCue || FindConfiguredWord(known.Normalized, extraCues) is not null;
    }

    /// <summary>True when the message reports that something failed.</summary>
    public static bool ReportsFailure(string? message) => Known(message ?? string.Empty).ReportsFailure;

    /// <summary>
    /// The first jargon term the message contains, or null. A term quoted on its own in a message that tells the user
    /// what to paste or enter ("Paste the whole key, without the 'Bearer ' prefix.") names text the user sees, not
    /// jargon to understand, and does not count, unless it is a status code or names a failure or an exception
    /// (<see cref="NeverLiteralJargon"/>).
    /// </summary>
    public static string? FindJargon(string? message) => FindJargon(message, Array.Empty<string>());

    /// <summary><see cref="FindJargon(string)"/> with extra terms from configuration.</summary>
    public static string? FindJargon(string? message, IReadOnlyCollection<string> extraTerms) =>
        FindJargon(message, extraTerms, Array.Empty<string>());

    /// <summary>
    /// <see cref="FindJargon(string)"/> with extra terms from configuration, without the built-in terms of
    /// <paramref name="allowedTerms"/> (normalised, as <see cref="Normalize"/> gives them).
    /// </summary>
    public static string? FindJargon(string? message, IReadOnlyCollection<string> extraTerms, IReadOnlyCollection<string> allowedTerms)
    {
        var known = Known(message ?? string.Empty);
        var builtIn = known.Jargon;
        if (builtIn is not null && allowedTerms.Count > 0 && Contains(allowedTerms, builtIn))
        {
            // The first term found is allowed: look again without the allowed ones (rare, so not remembered).
            builtIn = FindJargonNormalized(known.Normalized, JargonTerms, allowedTerms);
        }

        if (builtIn is not null || extraTerms.Count == 0)
        {
            return builtIn;
        }

        foreach (var term in extraTerms)
        {
            if (HasJargon(known.Normalized, NormalizeUncached(term)))
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>Jargon that is never text a user is told to paste: status codes aside, words of a failure or an exception.</summary>
    private static readonly string[] NeverLiteralJargon =
    {
        "unauthorized", "forbidden", "null reference", "nullreference", "object reference not set", "stack trace",
        "stacktrace", "errno", "hresult", "econnrefused", "reason phrase", "status code", "statuscode", "https status",
    };

    /// <summary>
    /// Verbs that tell the user what to paste or enter, where a quoted term after them in the same sentence is text
    /// they see ("Paste the whole key, without the 'Bearer ' prefix.").
    /// </summary>
    public static readonly string[] LiteralGuidanceCues =
    {
        "paste", "copy", "enter", "re-enter", "reenter", "remove", "leave out",
    };

    /// <summary>
    /// Verbs that are guidance only as the command a sentence starts with ("Type 'yes' to confirm."): elsewhere they
    /// describe ("The response did not include a 'bearer' value.").
    /// </summary>
    public static readonly string[] LeadingLiteralGuidanceCues = { "type", "include" };

    private static readonly char[] GuidanceSentenceBreaks = { '.', '!', '?', ';', '\n' };

    private static string? FindJargonNormalized(string normalized, string[] terms, IReadOnlyCollection<string> allowedTerms)
    {
        foreach (var term in terms)
        {
            if ((allowedTerms.Count == 0 || !Contains(allowedTerms, term)) && HasJargon(normalized, term))
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="term"/> occurs in the text as whole words, other than quoted on its own in guidance.
    /// </summary>
    private static bool HasJargon(string normalized, string term)
    {
        var index = term.Length == 0 ? -1 : normalized.IndexOf(term, StringComparison.Ordinal);
        for (; index >= 0; index = normalized.IndexOf(term, index + 1, StringComparison.Ordinal))
        {
            var afterIndex = index + term.Length;
            if ((index > 0 && char.IsLetterOrDigit(normalized[index - 1])) || (afterIndex < normalized.Length && char.IsLetterOrDigit(normalized[afterIndex])))
            {
                continue;
            }

            if (IsQuotedAlone(normalized, index, afterIndex) && MayBeLiteral(term) && GuidesTo(normalized, index))
            {
                continue;
            }

            if (char.IsDigit(term[0]) && CountsSomething(normalized, afterIndex))
            {
                // "shorter than 500 characters", "up to 400 rows": a number that counts something is no status code.
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>What a number in a message counts when it is no status code: the word after it.</summary>
    private static readonly string[] QuantityUnits =
    {
        "character", "characters", "chars", "letter", "letters", "digit", "digits", "symbol", "symbols", "word", "words",
        "line", "lines", "row", "rows", "record", "records", "item", "items", "entry", "entries", "file", "files",
        "expense", "expenses", "receipt", "receipts", "transaction", "transactions", "request", "requests", "call", "calls",
        "byte", "bytes", "kb", "mb", "gb", "ms", "millisecond", "milliseconds", "second", "seconds", "minute", "minutes",
        "hour", "hours", "day", "days", "percent", "%",
    };

    private static bool CountsSomething(string normalized, int afterNumber)
    {
        var start = afterNumber;
        while (start < normalized.Length && normalized[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < normalized.Length && (char.IsLetter(normalized[end]) || normalized[end] == '%'))
        {
            end++;
        }

        return end > start && Array.IndexOf(QuantityUnits, normalized.Substring(start, end - start)) >= 0;
    }

    /// <summary>
    /// Whether the sentence holding the quote at <paramref name="quoted"/> tells the user, before it, what to paste or
    /// enter: one of <see cref="LiteralGuidanceCues"/>, or a sentence that starts with one of
    /// <see cref="LeadingLiteralGuidanceCues"/> (after an optional "please"). A cue in another sentence does not
    /// govern the quote ("Pleo rejected the 'scope'. Paste a key with all permissions.").
    /// </summary>
    /// <remarks>Asked only of a jargon term quoted on its own, which few messages have.</remarks>
    private static bool GuidesTo(string normalized, int quoted)
    {
        var start = normalized.LastIndexOfAny(GuidanceSentenceBreaks, quoted) + 1;
        var before = normalized.Substring(start, quoted - start).TrimStart(' ', '"', '\'', '\u201C', '\u2018');
        if (FindWord(before, LiteralGuidanceCues) is not null)
        {
            return true;
        }

        if (before.StartsWith("please ", StringComparison.Ordinal))
        {
            before = before.Substring("please ".Length);
        }

        foreach (var cue in LeadingLiteralGuidanceCues)
        {
            if (before.StartsWith(cue + " ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // 'bearer ', "json", `header`: nothing but spaces between the term and a quote on each side.
    private static bool IsQuotedAlone(string normalized, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && normalized[before] == ' ')
        {
            before--;
        }

        var after = end;
        while (after < normalized.Length && normalized[after] == ' ')
        {
            after++;
        }

        return before >= 0 && after < normalized.Length && IsQuote(normalized[before]) && IsQuote(normalized[after]);
    }

    private static bool IsQuote(char c) => c is '\'' or '"' or '`' or '\u2018' or '\u201C' or '\u201D';

    private static bool MayBeLiteral(string term)
    {
        foreach (var c in term)
        {
            if (char.IsDigit(c))
            {
                return false;
            }
        }

        return term.IndexOf("exception", StringComparison.Ordinal) < 0 && Array.IndexOf(NeverLiteralJargon, term) < 0;
    }

    private static bool Contains(IReadOnlyCollection<string> entries, string entry)
    {
        foreach (var candidate in entries)
        {
            if (string.Equals(candidate, entry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The failure kind the words of a message point to, or null when they point nowhere.</summary>
    public static FailureKind? GuessKind(string? text) => Known(text ?? string.Empty).Kind;

    private static FailureKind? GuessKindNormalized(string normalized)
    {
        foreach (var entry in KindCues)
        {
            if (FindWord(normalized, entry.Value) is not null)
            {
                return entry.Key;
            }
        }

        return null;
    }

    private static readonly char[] SentenceBreaks = { '.', '!', '?', ';', ':', '\u2014', '\u2013' };

    private static bool IsGenericPhrase(string normalizedPart, IReadOnlyCollection<string> extraPhrases)
    {
        foreach (var phrase in GenericPhrases)
        {
            if (string.Equals(normalizedPart, phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var phrase in extraPhrases)
        {
            if (string.Equals(normalizedPart, NormalizeUncached(phrase), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNormalized(string text)
    {
        if (text.Length > 0 && (IsTrimmable(text[0]) || IsTrimmable(text[text.Length - 1])))
        {
            return false;
        }

        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == ',' || c == '\u2019' || char.ToLowerInvariant(c) != c
                || (char.IsWhiteSpace(c) && (c != ' ' || text[index - 1] == ' ')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTrimmable(char c) =>
        c is '.' or '!' or '?' or ',' or ';' or ':' or '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or ' ' or '-' or '\u2014' or '\u2013';

    /// <summary>
    /// The first of <paramref name="configured"/> (words as a person wrote them, in any case, with a full stop) in the
    /// normalised text, as written.
    /// </summary>
    private static string? FindConfiguredWord(string normalized, IReadOnlyCollection<string> configured)
    {
        foreach (var word in configured)
        {
            if (ContainsWord(normalized, NormalizeUncached(word)))
            {
                return word;
            }
        }

        return null;
    }

    private static string? FindWord(string normalized, string[] words, bool skipNegated = false)
    {
        foreach (var word in words)
        {
            if (ContainsWord(normalized, word, skipNegated))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Words that deny what follows them: "Exports will no longer fail.", "The key was not rejected."</summary>
    private static readonly string[] Negations = { "no longer", "never", "not", "won't", "will not", "doesn't", "does not", "didn't", "did not", "don't", "do not" };

    /// <summary>
    /// Whether <paramref name="word"/> occurs in the text as whole words; with <paramref name="skipNegated"/>, not counting
    /// an occurrence right after a negation (<see cref="Negations"/>).
    /// </summary>
    private static bool ContainsWord(string normalized, string word, bool skipNegated = false)
    {
        var index = word.Length == 0 ? -1 : normalized.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(normalized[index - 1]);
            var afterIndex = index + word.Length;
            var after = afterIndex >= normalized.Length || !char.IsLetterOrDigit(normalized[afterIndex]);
            if (before && after && !(skipNegated && IsNegated(normalized, index)))
            {
                return true;
            }

            index = normalized.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsNegated(string normalized, int index)
    {
        var end = index;
        while (end > 0 && normalized[end - 1] == ' ')
        {
            end--;
        }

        foreach (var negation in Negations)
        {
            var start = end - negation.Length;
            if (start >= 0 && string.CompareOrdinal(normalized, start, negation, 0, negation.Length) == 0
                && (start == 0 || !char.IsLetterOrDigit(normalized[start - 1])))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The labels a connection page shows for its state (R-STATE-1).</summary>
internal static class ConnectionStateLabels
{
    public const string NotConnected = "Not connected";
    public const string ValidationInProgress = "Validation in progress";
    public const string Connected = "Connected";
    public const string ConnectionFailed = "Connection failed";
    public const string ActionRequired = "Action required";

    public static readonly string[] All = { NotConnected, ValidationInProgress, Connected, ConnectionFailed, ActionRequired };
}
