using System.CommandLine;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Runs the conformance suite against the integration the profile names.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var profile = new ProfileOptions();
        var output = new Option<string?>("--output") { Description = "Folder for results.json, junit.xml, report.html, results.sarif, screenshots and traces." };
        var flows = new Option<string[]>("--flow") { Description = "Run only this flow (repeatable), e.g. connect-valid.", AllowMultipleArgumentsPerToken = true };
        var checks = new Option<string[]>("--check") { Description = "Run only the flows that judge this check (repeatable), e.g. UXK-VIS-1.", AllowMultipleArgumentsPerToken = true };
        var parallel = new Option<int>("--parallel") { Description = "Flows run at once, each in its own browser context (default: one per core, at most 4).", DefaultValueFactory = _ => RunOptions.DefaultParallelFlows }.AsWholeNumber();
        var shard = new Option<string?>("--shard") { Description = "Run only part i of n of the selected flows, e.g. 2/3 on the second of three CI machines; merge the parts with 'merge'." };
        var trace = new Option<TraceMode>("--trace") { Description = "When to keep a Playwright trace per flow in the output folder: Off, OnFailure (default) or Always.", DefaultValueFactory = _ => TraceMode.OnFailure }.AsOneOf();
        var baseline = new BaselineOption();
        var command = new Command("run", "Drive the integration's connection page through every flow and judge every check.");
        profile.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(flows);
        command.Options.Add(checks);
        command.Options.Add(parallel);
        command.Options.Add(shard);
        command.Options.Add(trace);
        command.Options.Add(baseline.Option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (profile.Load(parseResult) is not { } loaded || !baseline.TryLoad(parseResult, out var expected))
            {
                return ExitCodes.ProfileError;
            }

            Shard? part = null;
            if (parseResult.GetValue(shard) is { } shardText)
            {
                try
                {
                    part = Shard.Parse(shardText);
                }
                catch (ArgumentException problem)
                {
                    Console.Error.WriteLine(problem.Message);
                    return ExitCodes.ProfileError;
                }
            }

            var outputDirectory = parseResult.GetValue(output) is { } folder ? Path.GetFullPath(folder) : null;
            var options = new RunOptions
            {
                OutputDirectory = outputDirectory,
                Flows = parseResult.GetValue(flows) ?? [],
                Checks = parseResult.GetValue(checks) ?? [],
                MaxParallelFlows = Math.Max(1, parseResult.GetValue(parallel)),
                BrowserPath = parseResult.GetValue(profile.Browser),
                PleoPort = parseResult.GetValue(profile.PleoPort),
                Headed = parseResult.GetValue(profile.Headed),
                Shard = part,
                Trace = parseResult.GetValue(trace),
                Progress = Console.WriteLine,
            };
            try
            {
                options.SelectFlows();
            }
            catch (ArgumentException problem)
            {
                // An unknown --flow or --check: the ids that exist, not a table of checks that did not run.
                Console.Error.WriteLine(problem.Message);
                return ExitCodes.UsageError;
            }

            if (outputDirectory is not null && OutputFolder.Problem(parseResult.GetValue(output)!, "--output") is { } unusable)
            {
                Console.Error.WriteLine($"pleo-uxguard: {unusable}");
                return ExitCodes.UsageError;
            }

            Console.WriteLine($"pleo-uxguard run: {loaded.Name ?? Path.GetFileName(parseResult.GetValue(profile.Profile))}");
            return await Interruption.RunAsync("run", cancellationToken, token => ConformanceRunner.RunAsync(loaded, options, token), result =>
            {
                if (expected is not null)
                {
                    result = result.WithBaseline(expected);
                }

                Console.Write(ConsoleReporter.Summary(result));
                if (outputDirectory is not null)
                {
                    var profilePath = parseResult.GetValue(profile.Profile)!;
                    foreach (var path in ReportWriter.WriteAll(result, outputDirectory, $"pleo-uxguard run --profile {profilePath}", profilePath))
                    {
                        Console.WriteLine($"wrote {path}");
                    }
                }

                return result.ExitCode;
            });
        });
        return command;
    }

}
