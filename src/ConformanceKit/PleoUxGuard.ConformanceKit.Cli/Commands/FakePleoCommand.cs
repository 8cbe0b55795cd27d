using System.CommandLine;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>
/// Runs the fake Pleo as its own process, so integrations in any language can be tested against it:
/// prints the base URL and control token, then serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class FakePleoCommand
{
    public static Command Create()
    {
        var portOption = new Option<int>("--port") { Description = "Loopback port to listen on (0, the default, picks a free one)." }.AsWholeNumber();
        var integrationUrlOption = new Option<string?>("--integration-url") { Description = "Where the install page's \"Go to <application>\" button leads." };
        var applicationNameOption = new Option<string?>("--application-name") { Description = "The integration's name, as the install page and /v1/introspect show it." };
        var command = new Command("fake-pleo", "Start the fake Pleo on 127.0.0.1 and keep it running until Ctrl+C.")
        {
            portOption,
            integrationUrlOption,
            applicationNameOption,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new FakePleoOptions { Port = parseResult.GetValue(portOption) };
            if (parseResult.GetValue(applicationNameOption) is { } applicationName)
            {
                options.ApplicationName = applicationName;
            }

            if (parseResult.GetValue(integrationUrlOption) is { } integrationUrl)
            {
                if (!Uri.TryCreate(integrationUrl, UriKind.Absolute, out var url))
                {
                    // Same exit code as the options the fake itself refuses: the fake could not start.
                    Console.Error.WriteLine($"--integration-url must be an absolute http or https URL such as http://localhost:5000/; \"{integrationUrl}\" is not.");
                    return ExitCodes.EnvironmentError;
                }

                options.IntegrationUrl = url;
            }

            return await RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(FakePleoOptions options, CancellationToken cancellationToken)
    {
        FakePleoServer server;
        try
        {
            server = await FakePleoServer.StartAsync(options, cancellationToken);
        }
        catch (FakePleoStartException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return ExitCodes.EnvironmentError;
        }

        await using (server)
        {
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var interruption = new Interruption(cancellationToken);
            using var onStop = interruption.Token.Register(() => stopped.TrySetResult());

            Console.WriteLine($"Fake Pleo listening on {server.BaseUrl}");
            Console.WriteLine($"Control token: {server.ControlToken}");
            Console.WriteLine($"Install page:  {server.InstallUrl}");
            Console.WriteLine("Steer it with the control API, e.g.:");
            Console.WriteLine($"  curl -s -X POST -H 'X-Control-Token: {server.ControlToken}' -H 'Content-Type: application/json' -d '{{\"behaviour\":\"valid\"}}' {server.BaseUrl}_control/keys");
            Console.WriteLine("Press Ctrl+C to stop.");
            await stopped.Task;
            Console.WriteLine("Stopping the fake Pleo.");
        }

        return ExitCodes.Passed;
    }
}
