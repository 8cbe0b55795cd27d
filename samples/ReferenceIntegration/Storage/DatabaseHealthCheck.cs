using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>Ready when the database file can be opened.</summary>
internal sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
