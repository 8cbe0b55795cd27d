namespace PleoUxGuard.FakePleo;

/// <summary>
/// One request the fake Pleo answered. <see cref="Path"/> has any key in it replaced by its fingerprint;
/// <see cref="Violation"/> is true when the request carried a key in its URL (answered 401); <see cref="Problem"/> says
/// why an Authorization header could not be read (no colon after the key, another scheme), when one could not.
/// </summary>
public sealed record JournalEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? KeyId,
    string? KeyFingerprint,
    KeyLocation KeyLocation,
    int StatusCode,
    string? ErrorCode,
    bool Violation,
    string? Problem = null);
