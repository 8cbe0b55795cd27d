namespace PleoUxGuard.FakePleo;

/// <summary>The one way a key is named anywhere it may be seen: its last four characters and, when known, its id.</summary>
internal static class KeyFingerprint
{
    public const string Mask = "••••";

    /// <summary>Shorter secrets would be mostly shown by their last four characters, so they get no fingerprint.</summary>
    public const int MinimumLengthToFingerprint = 16;

    public static string Of(string keyValue, string keyId) => $"{Mask}{keyValue[^4..]} ({keyId})";

    /// <summary>A key-like secret the fake never minted: last four only.</summary>
    public static string? OfUnregistered(string secret) =>
        secret.Length >= MinimumLengthToFingerprint ? $"{Mask}{secret[^4..]} (unregistered)" : null;
}
