using Microsoft.Extensions.Options;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>
/// Re-validates every watched tenant's key (<see cref="PleoConnection.IsWatched"/>) with Pleo on an interval
/// (<c>Monitor:Interval</c>), so a revoked or under-permissioned key turns the tenant to Action required without anyone
/// visiting the page (R-REC-1), and a key whose permission was granted back turns it to Connected again.
/// </summary>
internal sealed partial class ConnectionMonitor(
    ConnectionStore store,
    PleoConnectionService connections,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<ConnectionMonitor> logger) : BackgroundService
{
    private readonly object _passGate = new();
    private readonly List<(long Pass, TaskCompletionSource Completed)> _waiters = [];
    private long _passesStarted;
    private long _passesCompleted;

    /// <summary>
    /// Completes when a pass that starts after this call has finished: everything true before the call has been
    /// seen by the monitor once it completes. Operators and tests wait on it instead of on a clock.
    /// </summary>
    public Task WaitForFreshPassAsync(CancellationToken cancellationToken = default)
    {
        lock (_passGate)
        {
            var waiter = (_passesStarted + 1, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            return waiter.Item2.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunPassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunPassAsync(CancellationToken cancellationToken)
    {
        long pass;
        lock (_passGate)
        {
            pass = ++_passesStarted;
        }

        try
        {
            var watched = (await store.ListInStateAsync(ConnectionState.Connected, cancellationToken))
                .Concat((await store.ListInStateAsync(ConnectionState.ActionRequired, cancellationToken)).Where(connection => connection.IsWatched));
            foreach (var connection in watched)
            {
                try
                {
                    await connections.RecheckAsync(connection, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One tenant's trouble must not stop the others from being checked.
                    LogRecheckFailed(logger, exception, connection.TenantId.Value);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPassFailed(logger, exception);
        }
        finally
        {
            CompletePass(pass);
        }
    }

    private void CompletePass(long pass)
    {
        lock (_passGate)
        {
            _passesCompleted = pass;
            _waiters.RemoveAll(waiter =>
            {
                if (waiter.Pass > _passesCompleted)
                {
                    return false;
                }

                waiter.Completed.TrySetResult();
                return true;
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-checking the Pleo connection of tenant {TenantId} failed")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A connection monitor pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
