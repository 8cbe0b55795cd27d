using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>
/// A Pleo Integrated API Key. The plain value never leaves this type except as an Authorization header or
/// encrypted bytes; <see cref="ToString"/> shows only <c>••••</c> and the last four characters (R-VIS-2).
/// </summary>
internal sealed class PleoApiKey
{
    /// <summary>Input longer than this (in UTF-8 bytes) is refused before anything else looks at it.</summary>
    public const int MaxInputBytes = 1024;

    // Assumption (Pleo publishes no format): keys are opaque tokens of 32 to 512 characters drawn from the
    // base64 and base64url alphabets, plus '.' and '~' for token-like keys. The fake Pleo's keys (64 characters
    // of [A-Za-z0-9_-]) fit, and so does any realistic opaque key; text with spaces, quotes or other characters
    // inside is a mis-paste and gets the wrong-format message without a call to Pleo.
    public const int MinLength = 32;
    public const int MaxLength = 512;

    public const string Mask = "••••";

    private readonly string _value;

    private PleoApiKey(string value) => _value = value;

    public string LastFour => _value[^4..];

    public string Masked => Mask + LastFour;

    /// <summary>
    /// Reads what the user pasted: refuses oversize input and control characters, trims surrounding white
    /// space and newlines, then checks the shape. Null means the input is not a key (<see cref="FailureKind.WrongFormat"/>).
    /// </summary>
    public static PleoApiKey? Parse(string? input)
    {
        if (string.IsNullOrEmpty(input) || Encoding.UTF8.GetByteCount(input) > MaxInputBytes)
        {
            return null;
        }

        var trimmed = input.Trim();
        return trimmed.Length is >= MinLength and <= MaxLength && trimmed.All(IsKeyCharacter)
            ? new PleoApiKey(trimmed)
            : null;
    }

    public static PleoApiKey Unprotect(IDataProtector protector, byte[] protectedKey) =>
        new(Encoding.UTF8.GetString(protector.Unprotect(protectedKey)));

    public byte[] Protect(IDataProtector protector) => protector.Protect(Encoding.UTF8.GetBytes(_value));

    /// <summary>Pleo's Basic scheme: the key as user name, an empty password (R-SEC-2: header, never URL).</summary>
    public AuthenticationHeaderValue ToAuthorizationHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_value + ":")));

    /// <summary>Whether both are the same key, compared in constant time.</summary>
    public bool SameAs(PleoApiKey other) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    public override string ToString() => Masked;

    private static bool IsKeyCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '+' or '/' or '=';
}
