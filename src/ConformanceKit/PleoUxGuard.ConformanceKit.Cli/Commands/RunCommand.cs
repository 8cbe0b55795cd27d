using System.CommandLine;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Runs the conformance suite against the integration the profile names.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var profile = new ProfileOptions();
        var output = new Option<string?>("--output") { Description = "Folder for results.json, junit.xml and screenshots." };
        var flows = new Option<string[]>("--flow") { Description = "Run only this flow (repeatable), e.g. connect-valid.", AllowMultipleArgumentsPerToken = true };
        var checks = new Option<string[]>("--check") { Description = "Run only the flows that judge this check (repeatable), e.g. UXK-VIS-1.", AllowMultipleArgumentsPerToken = true };
        var parallel = new Option<int>("--parallel") { Description = "Flows run at once, each in its own browser context (default 4).", DefaultValueFactory = _ => 4 };
        var pleoPort = new Option<int>("--pleo-port") { Description = "Port of the fake Pleo (default: a free one); fix it when you start the integration yourself." };
        var command = new Command("run", "Drive the integration's connection page through every flow and judge every check.");
        profile.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(flows);
        command.Options.Add(checks);
        command.Options.Add(parallel);
        command.Options.Add(pleoPort);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (profile.Load(parseResult) is not { } loaded)
            {
                return ExitCodes.ProfileError;
            }

            var outputDirectory = parseResult.GetValue(output) is { } folder ? Path.GetFullPath(folder) : null;
            Console.WriteLine($"pleo-uxguard run: {loaded.Name ?? Path.GetFileName(parseResult.GetValue(profile.Profile))}");
            var result = await ConformanceRunner.RunAsync(
                loaded,
                new RunOptions
                {
                    OutputDirectory = outputDirectory,
                    Flows = parseResult.GetValue(flows) ?? [],
                    Checks = parseResult.GetValue(checks) ?? [],
                    MaxParallelFlows = Math.Max(1, parseResult.GetValue(parallel)),
                    BrowserPath = parseResult.GetValue(profile.Browser),
                    PleoPort = parseResult.GetValue(pleoPort),
                    Progress = Console.WriteLine,
                },
                cancellationToken);
            Console.Write(ConsoleReporter.Summary(result));
            if (outputDirectory is not null)
            {
                foreach (var path in ReportWriter.WriteAll(result, outputDirectory))
                {
                    Console.WriteLine($"wrote {path}");
                }
            }

            return result.ExitCode;
        });
        return command;
    }
}
