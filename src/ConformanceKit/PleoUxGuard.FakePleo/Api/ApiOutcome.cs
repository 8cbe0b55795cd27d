namespace PleoUxGuard.FakePleo;

/// <summary>What a request was answered, and with which key, as the journal records it.</summary>
internal readonly record struct ApiOutcome(int StatusCode, string? ErrorCode, KeyState? Key = null);
