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

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
