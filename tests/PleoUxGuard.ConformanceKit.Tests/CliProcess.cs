using System.Diagnostics;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// Runs the built pleo-uxguard CLI as a user would on a CI agent (no display), capturing its exit code and
/// everything it printed.
/// </summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// Runs the CLI until it prints a line containing <paramref name="signalAfter"/>, then sends it SIGINT, as Ctrl+C
    /// in a terminal does; returns its exit code, everything it printed, and how long it took to exit after the signal.
    /// </summary>
    public static async Task<(int ExitCode, string Output, TimeSpan ExitedAfter)> InterruptAsync(string signalAfter, params string[] args)
    {
        if (IgnoresSigint())
        {
            // Started in the background without job control (`nohup cmd &`, as some CI agents run builds), this process
            // ignores SIGINT, and an ignored signal stays ignored in what it starts: the CLI would never see the Ctrl+C.
            // A terminal's Ctrl+C reaches a foreground process with the default disposition, so give the CLI that.
            _ = RestoreDefaultDisposition(Sigint, DefaultDisposition);
            Assert.False(IgnoresSigint(), "SIGINT is still ignored in this test process, so the CLI it starts cannot be sent a Ctrl+C.");
        }
        using var process = new Process { StartInfo = StartInfo(args) };
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains(signalAfter, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var signalled = Stopwatch.StartNew();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            lock (output)
            {
                return (process.ExitCode, output.ToString(), signalled.Elapsed);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private const int Sigint = 2;

    private static readonly IntPtr DefaultDisposition = IntPtr.Zero; // SIG_DFL

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr RestoreDefaultDisposition(int signal, IntPtr handler);

    /// <summary>
    /// Whether SIGINT is ignored in this process, as a shell leaves it for a job it starts in the background without job
    /// control. An ignored signal stays ignored in the processes started from here, whatever they register.
    /// </summary>
    private static bool IgnoresSigint()
    {
        const string statusFile = "/proc/self/status";
        if (!File.Exists(statusFile))
        {
            return false;
        }

        foreach (var line in File.ReadLines(statusFile))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                // A mask of the ignored signals in hex, bit n - 1 for signal n: SIGINT is 2.
                var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
                return (mask & 0x2) != 0;
            }
        }

        return false;
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var cli = Path.Combine(ProfileLoaderTests.RepositoryRoot(), "src", "ConformanceKit", "PleoUxGuard.ConformanceKit.Cli", "bin", configuration, "net10.0", "pleo-uxguard.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("DISPLAY");
        info.Environment.Remove("WAYLAND_DISPLAY");
        info.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
