using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>A fixed window of connect attempts per workspace, so nobody can use the page to try keys against Pleo.</summary>
internal sealed class ConnectAttemptLimiter(IOptions<ConnectAttemptOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<TenantId> _limiter = PartitionedRateLimiter.Create<TenantId, TenantId>(
        tenantId => RateLimitPartition.GetFixedWindowLimiter(tenantId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    public bool TryAcquire(TenantId tenantId)
    {
        using var lease = _limiter.AttemptAcquire(tenantId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
