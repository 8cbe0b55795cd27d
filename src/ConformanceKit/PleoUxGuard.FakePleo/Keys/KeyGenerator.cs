using System.Security.Cryptography;

namespace PleoUxGuard.FakePleo;

/// <summary>Key values shaped like Pleo's: 64 characters of [A-Za-z0-9_-] from a CSPRNG.</summary>
internal static class KeyGenerator
{
    public const int Length = 64;

    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static string NewValue() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsKeyCharacter(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
}
