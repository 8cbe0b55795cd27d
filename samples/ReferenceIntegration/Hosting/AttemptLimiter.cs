using System.Threading.RateLimiting;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>How many attempts one key (a workspace, an email) may make per fixed window.</summary>
internal abstract class AttemptWindowOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// A fixed window of attempts per key: what the connect page (key submissions that reach Pleo) and sign-in (wrong
/// passwords) both limit, so nobody can use either to try secrets at speed.
/// </summary>
internal abstract class AttemptLimiter<TKey> : IDisposable
    where TKey : notnull
{
    private readonly PartitionedRateLimiter<TKey> _limiter;

    protected AttemptLimiter(AttemptWindowOptions options, IEqualityComparer<TKey>? comparer = null)
    {
        _limiter = PartitionedRateLimiter.Create<TKey, TKey>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            }),
            comparer);
        Window = options.Window;
    }

    /// <summary>How long a spent window lasts at most, for the message that says when to try again.</summary>
    public TimeSpan Window { get; }

    /// <summary>Takes one attempt from the key's window; false when the window is spent.</summary>
    public bool TryAcquire(TKey key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    /// <summary>Whether the key's window is spent, without taking an attempt.</summary>
    public bool IsSpent(TKey key) => _limiter.GetStatistics(key) is { CurrentAvailablePermits: <= 0 };

    public void Dispose() => _limiter.Dispose();
}
