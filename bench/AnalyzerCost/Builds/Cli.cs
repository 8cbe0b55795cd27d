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
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', output.ToString().Split('\n').TakeLast(40));
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` in {workingDirectory} exited with {process.ExitCode}:\n{tail}");
        }

        return output.ToString();
    }
}
