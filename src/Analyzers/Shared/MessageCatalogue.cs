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

    /// <summary>Pleo is unreachable, timing out or failing (5xx): temporary, the key is unchanged.</summary>
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
        "Pleo could not be reached just now. Your API key has not been changed. Try again in a few minutes.";

    public const string RateLimited =
        "Pleo is receiving too many requests right now. Wait a minute, then try again.";

    public const string WrongFormat =
        "This does not look like a Pleo API key. Copy the key exactly as Pleo shows it after installation and paste it here.";

    public const string RotationKeptPrevious =
        "The new API key was not saved, so your existing connection to Pleo is still active.";

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

    /// <summary>Messages that say nothing about what failed. Compared after <see cref="Normalize"/>.</summary>
    public static readonly string[] GenericPhrases =
    {
        "authentication failed", "authentication error", "auth failed", "unauthorized", "unauthorised",
        "not authorized", "forbidden", "access denied", "permission denied", "error", "an error occurred",
        "an error has occurred", "an unexpected error occurred", "unexpected error", "something went wrong",
        "oops", "oops something went wrong", "failed", "failure", "request failed", "operation failed",
        "unknown error", "invalid request", "bad request", "connection error", "connection failed",
        "could not connect", "unable to connect", "cannot connect", "please try again", "try again",
        "try again later", "please try again later", "validation failed", "validation error",
        "invalid credentials", "invalid", "invalid input", "invalid key", "invalid api key", "login failed",
        "save failed", "failed to save", "could not save", "internal error", "internal server error",
        "server error", "network error", "service unavailable", "not allowed", "denied", "error occurred",
        "invalid token", "authorization failed", "access forbidden", "there was a problem",
        "there was an error", "a problem occurred", "something bad happened", "failed to connect",
    };

    /// <summary>Words a user should not have to understand. Matched as whole words, case-insensitive.</summary>
    public static readonly string[] JargonTerms =
    {
        "400", "401", "403", "404", "429", "500", "502", "503", "504", "http", "https status", "status code",
        "exception", "null reference", "nullreference", "stack trace", "stacktrace", "deserialize",
        "deserialization", "serialize", "json", "socket", "tls", "ssl", "handshake", "endpoint",
        "payload", "bearer", "basic auth", "header", "base64", "dns", "timeout exception",
        "httprequestexception", "unauthorizedaccessexception", "invalidoperationexception",
        "argumentexception", "nullreferenceexception", "taskcanceledexception", "econnrefused",
        "errno", "hresult", "introspect", "scope", "urn",
    };

    /// <summary>Words that tell the user what to do next.</summary>
    public static readonly string[] RecoveryCues =
    {
        "check", "try again", "retry", "re-enter", "reenter", "enter", "paste", "update", "replace",
        "reconnect", "generate", "reinstall", "install", "contact", "ask your administrator",
        "ask your admin", "copy", "wait", "approve", "confirm", "sign in again", "refresh",
    };

    /// <summary>
    /// Lower-cases, folds white space, strips surrounding quotes and trailing punctuation, so that
    /// "  'Authentication Failed!' " and "authentication failed" compare equal.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (text is null)
        {
            return string.Empty;
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

            builder.Append(char.ToLowerInvariant(c));
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

    /// <summary>True when the whole message, normalised, is only a generic phrase.</summary>
    public static bool IsGeneric(string? message)
    {
        var normalized = Normalize(message);
        if (normalized.Length == 0)
        {
            return false;
        }

        foreach (var phrase in GenericPhrases)
        {
            if (string.Equals(normalized, phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the message offers the user a next step.</summary>
    public static bool HasRecoveryCue(string? message) => FindWord(Normalize(message), RecoveryCues) is not null;

    /// <summary>The first jargon term the message contains, or null.</summary>
    public static string? FindJargon(string? message) => FindWord(Normalize(message), JargonTerms);

    private static bool IsTrimmable(char c) =>
        c is '.' or '!' or '?' or ',' or ';' or ':' or '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or ' ';

    private static string? FindWord(string normalized, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var index = normalized.IndexOf(word, StringComparison.Ordinal);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetterOrDigit(normalized[index - 1]);
                var afterIndex = index + word.Length;
                var after = afterIndex >= normalized.Length || !char.IsLetterOrDigit(normalized[afterIndex]);
                if (before && after)
                {
                    return word;
                }

                index = normalized.IndexOf(word, index + 1, StringComparison.Ordinal);
            }
        }

        return null;
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
