namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>The command line's bad-input paths: one clear line each and the documented exit code, never a stack trace.</summary>
public sealed class CliTests
{
    private static Task<(int ExitCode, string Output)> RunCliAsync(params string[] args) => CliProcess.RunAsync(args);

    [Fact]
    public async Task A_profile_with_a_bad_field_exits_2_naming_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pux-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "connectionPage": "/c", "baseUrl": "http://127.0.0.1:1", "timeouts": { "stepSeconds": -3 } }""");
        try
        {
            var (exitCode, output) = await RunCliAsync("run", "--profile", path);

            Assert.Equal(ExitCodes.ProfileError, exitCode);
            Assert.Contains("'timeouts.stepSeconds'", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_integration_that_never_starts_exits_3()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pux-nostart-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "connectionPage": "/c", "baseUrl": "http://127.0.0.1:{port}",
              "integration": { "command": "dotnet", "args": ["--no-such-option-pleo-uxguard"] },
              "timeouts": { "startSeconds": 20 } }
            """);
        try
        {
            var (exitCode, output) = await RunCliAsync("run", "--profile", path);

            Assert.Equal(ExitCodes.EnvironmentError, exitCode);
            Assert.Contains("exited with code", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
