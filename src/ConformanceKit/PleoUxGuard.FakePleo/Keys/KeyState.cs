namespace PleoUxGuard.FakePleo;

/// <summary>What the fake Pleo remembers about one key besides its minted, immutable description.</summary>
internal sealed class KeyState(MintedKey key, int failures, TimeSpan retryAfter, bool registered)
{
    private readonly TaskCompletionSource _slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft = failures;
    private volatile bool _revoked;
    private volatile bool _rateLimitEnded;
    private volatile bool _scopeWithdrawn;

    public MintedKey Key { get; } = key;

    /// <summary>False for keys minted as Unknown: remembered only so journals can name them.</summary>
    public bool Registered { get; } = registered;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public HeldRequests Held { get; } = new();

    public bool Revoked => _revoked;

    /// <summary>True while the installation's first requested scope is withdrawn (<see cref="KeyRegistry.WithdrawScope"/>).</summary>
    public bool ScopeWithdrawn => _scopeWithdrawn;

    public bool RateLimited => Key.Behaviour == KeyBehaviour.RateLimited && !_rateLimitEnded;

    public Task SlowGate => _slowGate.Task;

    public void Revoke() => _revoked = true;

    public void ReleaseSlow() => _slowGate.TrySetResult();

    public void EndRateLimit() => _rateLimitEnded = true;

    public void WithdrawScope() => _scopeWithdrawn = true;

    public void RestoreScopes() => _scopeWithdrawn = false;

    /// <summary>True while this request is one of the first N a failing key must fail.</summary>
    public bool TakeFailure()
    {
        // The read first keeps the counter from drifting below zero once the failures are spent.
        return Key.Behaviour == KeyBehaviour.Failing
            && Volatile.Read(ref _failuresLeft) > 0
            && Interlocked.Decrement(ref _failuresLeft) >= 0;
    }
}
