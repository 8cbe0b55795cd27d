using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>
/// Migrates the schema (and seeds the demo users when <c>Accounts:SeedDemoUsers</c> is true) before the server
/// takes its first request: hosted services start before the server does.
/// </summary>
internal sealed class DatabaseInitializer(DatabaseMigrator migrator, DemoUsers demoUsers, IConfiguration configuration) : IHostedService
{
    public const string SeedDemoUsersKey = "Accounts:SeedDemoUsers";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (configuration.GetValue<bool>(SeedDemoUsersKey))
        {
            await demoUsers.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
