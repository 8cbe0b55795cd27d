using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>Starting the integration from the profile's command: what is refused before, and what is caught after, the readiness probe.</summary>
public sealed class IntegrationHostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pux-host-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Placeholders NoPlaceholders() => new(new Dictionary<string, string> { ["pleoBaseUrl"] = "http://127.0.0.1:1" });

    [Fact]
    public async Task A_taken_loopback_port_is_refused_before_the_command_starts()
    {
        using var decoy = new TcpListener(IPAddress.Loopback, 0);
        decoy.Start();
        var baseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)decoy.LocalEndpoint).Port}/");
        var marker = Path.Combine(_folder, "started");
        var settings = new IntegrationSettings { Command = "touch", Args = [marker] };

        var problem = await Assert.ThrowsAsync<EnvironmentProblemException>(() =>
            IntegrationHost.StartAsync(settings, NoPlaceholders(), _folder, baseUrl, baseUrl, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains($"already listens on port {baseUrl.Port}", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.False(File.Exists(marker), "the command must not have been started");
    }

    [Fact]
    public async Task A_missing_working_directory_names_its_field()
    {
        var settings = new IntegrationSettings { Command = "sleep", Args = ["30"], WorkingDirectory = "nowhere" };
        var baseUrl = new Uri($"http://127.0.0.1:{IntegrationHost.FreePort()}/");

        var problem = await Assert.ThrowsAsync<EnvironmentProblemException>(() =>
            IntegrationHost.StartAsync(settings, NoPlaceholders(), _folder, baseUrl, baseUrl, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("check 'integration.workingDirectory' in the profile", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, "nowhere"), problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'integration.command'", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The readiness probe is answered by something else only after the started command has exited: the
    /// command waits on a pipe the answering server writes to, and the server answers once the command is gone.
    /// </summary>
    [Fact]
    public async Task An_answer_after_the_command_exited_is_not_taken_for_the_integration()
    {
        var fifo = Path.Combine(_folder, "go");
        var pidFile = Path.Combine(_folder, "pid");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }

        using var decoy = new HttpListener();
        decoy.Prefixes.Add($"http://127.0.0.1:{port}/");
        decoy.Start();
        var answering = Task.Run(async () =>
        {
            var request = await decoy.GetContextAsync();
            await File.WriteAllTextAsync(fifo, "go\n"); // Opens only once the command reads: its pid file is written by then.
            var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                using var command = Process.GetProcessById(pid);
                await command.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (ArgumentException)
            {
                // Already exited and reaped.
            }

            request.Response.StatusCode = 200;
            request.Response.Close();
        });
        var settings = new IntegrationSettings { Command = "sh", Args = ["-c", $"echo $$ > '{pidFile}'; read line < '{fifo}'; echo 'bind: address already in use'; exit 7"] };
        var integrationUrl = new Uri($"http://127.0.0.1:{IntegrationHost.FreePort()}/");

        var problem = await Assert.ThrowsAsync<EnvironmentProblemException>(() =>
            IntegrationHost.StartAsync(settings, NoPlaceholders(), _folder, integrationUrl, new Uri($"http://127.0.0.1:{port}/ready"), TimeSpan.FromSeconds(20), CancellationToken.None));
        await answering;

        Assert.Contains("exited with code 7", problem.Message, StringComparison.Ordinal);
        Assert.Contains("bind: address already in use", problem.Message, StringComparison.Ordinal);
    }
}
