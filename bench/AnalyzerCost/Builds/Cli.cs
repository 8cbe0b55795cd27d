using System.Diagnostics;
using System.Text;

namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>Runs the dotnet CLI (or another program) and returns everything it printed; a failure stops the benchmark with the output.</summary>
internal static class Cli
{
    public static Task<string> DotnetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, arguments);

    public static async Task<string> RunAsync(string fileName, string workingDirectory, IReadOnlyList<string> arguments)
    {
        var (exitCode, output) = await TryRunAsync(fileName, workingDirectory, arguments);
        if (exitCode != 0)
        {
            throw Failure(fileName, workingDirectory, arguments, exitCode, output);
        }

        return output;
    }

    /// <summary>The program's exit code and everything it printed, failure or not.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await standardOutput).Append(await standardError);
        return (process.ExitCode, output.ToString());
    }

    public static InvalidOperationException Failure(string fileName, string workingDirectory, IReadOnlyList<string> arguments, int exitCode, string output)
    {
        var tail = string.Join('\n', output.Split('\n').TakeLast(40));
        return new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` in {workingDirectory} exited with {exitCode}:\n{tail}");
    }
}
