using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Running;

/// <summary>Starts the integration from the profile's command, waits until it answers, and stops it.</summary>
public sealed class IntegrationHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private IntegrationHost(Process process) => _process = process;

    /// <summary>A free loopback port for the {port} placeholder.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the command and waits until <paramref name="readyUrl"/> answers below 500. Refuses to start when
    /// something already listens at a loopback <paramref name="baseUrl"/>: the readiness probe would be answered
    /// by it, and the flows would run against it while the integration failed to bind.
    /// </summary>
    /// <exception cref="EnvironmentProblemException">The port is taken, or it did not start, exited, or did not answer in time.</exception>
    public static async Task<IntegrationHost> StartAsync(IntegrationSettings settings, Placeholders placeholders, string profileDirectory, Uri baseUrl, Uri readyUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await SomethingListensAtAsync(baseUrl, cancellationToken))
        {
            throw new EnvironmentProblemException($"Something already listens on port {baseUrl.Port} of {baseUrl.Host}, where the integration is to answer ('baseUrl' {baseUrl}); stop it, or use {{port}} in 'baseUrl' for a free port.");
        }

        var info = new ProcessStartInfo(placeholders.Expand(settings.Command))
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(profileDirectory, placeholders.Expand(settings.WorkingDirectory ?? "."))),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in settings.Args)
        {
            info.ArgumentList.Add(placeholders.Expand(arg));
        }

        info.Environment["PLEO_API_BASE_URL"] = placeholders.Expand("{pleoBaseUrl}");
        foreach (var (name, value) in settings.Env)
        {
            info.Environment[name] = placeholders.Expand(value);
        }

        // Process.Start reports a missing working directory as a failure to start the command, which points at the wrong field.
        if (!Directory.Exists(info.WorkingDirectory))
        {
            throw new EnvironmentProblemException($"The integration's working directory '{info.WorkingDirectory}' does not exist; check 'integration.workingDirectory' in the profile (it is relative to the profile's folder).");
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new EnvironmentProblemException($"The integration command '{info.FileName}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception problem)
        {
            throw new EnvironmentProblemException($"The integration command '{info.FileName}' could not be started ({problem.Message}); check 'integration.command' in the profile.", problem);
        }

        var host = new IntegrationHost(process);
        process.OutputDataReceived += (_, line) => host.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => host.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(readyUrl, timeout, cancellationToken);

            // An answer from an integration that has exited came from something else: the run must not go on against it.
            if (process.HasExited)
            {
                throw new EnvironmentProblemException($"The integration exited with code {process.ExitCode}, yet something answered at {readyUrl}.{host.LastOutput()}");
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether a loopback address already accepts connections (an address elsewhere is not the kit's to judge).</summary>
    private static async Task<bool> SomethingListensAtAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        if (!baseUrl.IsLoopback)
        {
            return false;
        }

        var addresses = IPAddress.TryParse(baseUrl.IdnHost.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(baseUrl.IdnHost, cancellationToken);
        foreach (var address in addresses.Where(IPAddress.IsLoopback))
        {
            using var client = new TcpClient(address.AddressFamily);
            try
            {
                await client.ConnectAsync(address, baseUrl.Port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                // Refused: nothing listens on this address.
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 20 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Waits until an integration started by other means answers at <paramref name="readyUrl"/>.</summary>
    /// <exception cref="EnvironmentProblemException">It did not answer in time.</exception>
    public static Task WaitUntilAnswersAsync(Uri readyUrl, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilReadyAsync(readyUrl, timeout, null, cancellationToken);

    private Task WaitUntilReadyAsync(Uri readyUrl, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilReadyAsync(readyUrl, timeout, this, cancellationToken);

    private static async Task WaitUntilReadyAsync(Uri readyUrl, TimeSpan timeout, IntegrationHost? host, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        // Readiness can only be seen by asking; the poll period is a pace, not an assumption about timing.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (true)
            {
                if (host is not null && host._process.HasExited)
                {
                    throw new EnvironmentProblemException($"The integration exited with code {host._process.ExitCode} before it answered at {readyUrl}.{host.LastOutput()}");
                }

                try
                {
                    using var response = await client.GetAsync(readyUrl, deadline.Token);
                    if ((int)response.StatusCode < 500)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await pace.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EnvironmentProblemException($"The integration did not answer at {readyUrl} within {timeout.TotalSeconds:0} s (raise 'timeouts.startSeconds' or check the command).{host?.LastOutput()}");
        }
    }

    private string LastOutput() =>
        _output.IsEmpty ? string.Empty : Environment.NewLine + "Its last output:" + Environment.NewLine + string.Join(Environment.NewLine, _output.TakeLast(10).Select(line => "  " + line));
}
