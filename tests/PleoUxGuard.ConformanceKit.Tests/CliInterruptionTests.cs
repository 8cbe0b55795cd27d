namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>Ctrl+C (SIGINT) stops what the CLI started, promptly and in order.</summary>
public sealed class CliInterruptionTests
{
    [Fact]
    public async Task Ctrl_c_stops_the_fake_pleo()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX signals to send
        }

        var (exitCode, output, _) = await CliProcess.InterruptAsync("Press Ctrl+C to stop.", "fake-pleo", "--port", "0");

        Assert.Equal(ExitCodes.Passed, exitCode);
        Assert.Contains("Stopping the fake Pleo.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_during_a_run_stops_it_at_once_without_a_report()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX signals to send
        }

        var output = Directory.CreateTempSubdirectory("pux-interrupted-").FullName;
        try
        {
            var profile = Path.Combine(ProfileLoaderTests.RepositoryRoot(), "samples", "ReferenceIntegration", "conformance-profile.json");
            var (exitCode, printed, exitedAfter) = await CliProcess.InterruptAsync("▶ connect-valid", "run", "--profile", profile, "--output", output);

            Assert.Equal(ExitCodes.Interrupted, exitCode);
            Assert.Contains("pleo-uxguard run: interrupted;", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("failed unexpectedly", printed, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(output, "results.json")));

            // The flows running at the signal end on their closed browser contexts: that is not reported as their
            // failure, and none of their evidence is written to a folder that gets no report.
            Assert.DoesNotContain("✗", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("has been closed", printed, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(output, "screenshots")), "screenshots were written");
            Assert.True(exitedAfter < TimeSpan.FromSeconds(15), $"exited {exitedAfter.TotalSeconds:0.0} s after the signal");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Ctrl_c_during_doctor_stops_it_at_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX signals to send
        }

        var profile = Path.Combine(ProfileLoaderTests.RepositoryRoot(), "samples", "ReferenceIntegration", "conformance-profile.json");
        var (exitCode, printed, exitedAfter) = await CliProcess.InterruptAsync("Integration answering at", "doctor", "--profile", profile);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Contains("pleo-uxguard doctor: interrupted;", printed, StringComparison.Ordinal);
        Assert.True(exitedAfter < TimeSpan.FromSeconds(15), $"exited {exitedAfter.TotalSeconds:0.0} s after the signal");
    }
}
