using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>`pleo-uxguard fake-pleo` as its own process: prints URL and token, serves, stops on SIGTERM, refuses a busy port.</summary>
public sealed class StandaloneCommandTests
{
    private const int EnvironmentError = 3;

    [Fact]
    public async Task It_prints_its_url_and_control_token_serves_the_control_API_and_stops_cleanly_on_SIGTERM()
    {
        using var process = Start("fake-pleo");
        var lines = new List<string>();
        var tokenLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                tokenLine.TrySetException(new InvalidOperationException("The command ended before printing its control token: " + string.Join(" | ", lines)));
                return;
            }

            lock (lines)
            {
                lines.Add(line.Data);
            }

            if (line.Data.StartsWith("Control token: ", StringComparison.Ordinal))
            {
                tokenLine.TrySetResult(line.Data["Control token: ".Length..]);
            }
        };
        process.BeginOutputReadLine();
        try
        {
            var token = await tokenLine.Task.WaitAsync(TimeSpan.FromSeconds(30));
            string baseUrl;
            lock (lines)
            {
                baseUrl = lines.Single(line => line.StartsWith("Fake Pleo listening on ", StringComparison.Ordinal))["Fake Pleo listening on ".Length..];
            }

            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "_control/keys") { Headers = { { "X-Control-Token", token } } };
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("keys").GetArrayLength());
            Assert.Equal("127.0.0.1", new Uri(baseUrl).Host);

            Assert.Equal(0, await SendSigtermAsync(process.Id));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task A_port_in_use_gives_one_clear_line_and_exit_code_3_without_a_stack_trace()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;

        using var process = Start("fake-pleo", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var errorOutput = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var error = (await errorOutput).Trim();

        Assert.Equal(EnvironmentError, process.ExitCode);
        Assert.Single(error.Split('\n'));
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error + await standardOutput, StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
    }

    /// <summary>The CLI built beside this test assembly, in the same configuration (the project reference builds it first).</summary>
    private static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PleoUxGuard.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", "ConformanceKit", "PleoUxGuard.ConformanceKit.Cli", "bin", configuration, framework, "pleo-uxguard.dll");
        Assert.True(File.Exists(path), $"The CLI was not built at {path}.");
        return path;
    }

    /// <summary>What a service manager sends to stop the process (kill(1), as CI runs on Linux).</summary>
    private static async Task<int> SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return kill.ExitCode;
    }
}
