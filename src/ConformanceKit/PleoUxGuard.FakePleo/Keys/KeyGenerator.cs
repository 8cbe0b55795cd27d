using System.Security.Cryptography;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Key values shaped like Pleo's: 64 characters of [A-Za-z0-9_-] from a CSPRNG, with never two lowercase letters in a
/// row. Reports mask every piece of four of a key (the kit's SecretMask); a piece of a fully random key is a piece of an
/// English word about once in a few hundred long texts ("serious" printed "s••••us" once in CI), while text with two
/// lowercase letters together, which nearly every word has, can hold no piece of these.
/// </summary>
internal static class KeyGenerator
{
    public const int Length = 64;

    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private const string AfterLowercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    // Never four company-id characters in a row: every connected page shows a company id (a GUID, in either case), and
    // the kit's R-VIS-2 look counts a piece of four of a key in visible text, so a key sharing four characters with the
    // id fails a good page. Four hex digits did; with those ruled out, pieces with the id's dashes still matched about
    // one key in 10,000 (simulated), enough to fail a CI run now and then.
    private const string AfterThreeIdCharacters = "GHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz_";

    private const string AfterLowercaseAndThreeIdCharacters = "GHIJKLMNOPQRSTUVWXYZ_";

    public static string NewValue()
    {
        var value = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            var afterLowercase = i > 0 && char.IsAsciiLetterLower(value[i - 1]);
            var afterThreeIdCharacters = i > 2 && IsCompanyIdCharacter(value[i - 1]) && IsCompanyIdCharacter(value[i - 2]) && IsCompanyIdCharacter(value[i - 3]);
            var choices = afterThreeIdCharacters
                ? (afterLowercase ? AfterLowercaseAndThreeIdCharacters : AfterThreeIdCharacters)
                : afterLowercase ? AfterLowercase : Alphabet;
            value[i] = choices[RandomNumberGenerator.GetInt32(choices.Length)];
        }

        return new string(value);
    }

    private static bool IsCompanyIdCharacter(char c) => char.IsAsciiHexDigit(c) || c == '-';

    public static bool IsKeyCharacter(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
}
