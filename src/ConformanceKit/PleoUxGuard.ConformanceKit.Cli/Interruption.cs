using System.Runtime.InteropServices;

namespace PleoUxGuard.ConformanceKit.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as one cancellation token. The command line library's own token was not cancelled
/// by Ctrl+C, so the fake Pleo kept serving and a run went on starting flows until its browser died. Each signal is
/// taken over (not passed on to the runtime's default, which ends the process at once), so what was started is
/// stopped and disposed in order.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Whether a signal (or the caller's token) asked to stop.</summary>
    public bool Requested => _source.IsCancellationRequested;

    /// <summary>
    /// Runs <paramref name="work"/> with a token that Ctrl+C or SIGTERM cancels, then <paramref name="finish"/> on its
    /// result (signals are still taken over meanwhile). When interrupted, says so in one line instead and returns
    /// <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    public static async Task<int> RunAsync<T>(string command, CancellationToken outer, Func<CancellationToken, Task<T>> work, Func<T, int> finish)
    {
        using var interruption = new Interruption(outer);
        T result;
        try
        {
            result = await work(interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            return Report(command);
        }

        // A signal that came as the work ended left its result incomplete.
        return interruption.Requested ? Report(command) : finish(result);
    }

    /// <summary>Says that <paramref name="command"/> was interrupted, in one line; returns its exit code.</summary>
    private static int Report(string command)
    {
        Console.Error.WriteLine($"pleo-uxguard {command}: interrupted; the integration and the browser were stopped, and no report was written.");
        return ExitCodes.Interrupted;
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext signal)
    {
        signal.Cancel = true;
        _source.Cancel();
    }
}
