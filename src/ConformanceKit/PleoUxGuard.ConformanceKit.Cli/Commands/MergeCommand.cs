using System.CommandLine;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Reporting;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Merges the results.json of shards run on different machines into one set of reports.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("results") { Description = "The results.json of each shard (their screenshots and traces are copied from beside them).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "Folder for the merged report.html, junit.xml, results.json, results.sarif and evidence.", Required = true };
        var profile = new Option<string?>("--profile") { Description = "The profile the shards ran with: results.sarif's results point at it (GitHub code scanning needs a file for each)." };
        var baseline = new BaselineOption();
        var command = new Command("merge", "Merge the results of shards (run --shard i/n) into one report; exits as one run would.")
        {
            files,
            output,
            profile,
            baseline.Option,
        };
        command.SetAction(parseResult =>
        {
            if (!baseline.TryLoad(parseResult, out var expected))
            {
                return ExitCodes.ProfileError;
            }

            if (OutputFolder.Problem(parseResult.GetValue(output)!, "--output") is { } unusable)
            {
                Console.Error.WriteLine($"pleo-uxguard: {unusable}");
                return ExitCodes.UsageError;
            }

            var outputDirectory = Path.GetFullPath(parseResult.GetValue(output)!);
            RunResult result;
            try
            {
                result = ResultsMerger.Merge(parseResult.GetValue(files)!, outputDirectory);
            }
            catch (InvalidDataException problem)
            {
                Console.Error.WriteLine(problem.Message);
                return ExitCodes.ProfileError;
            }

            if (expected is not null)
            {
                result = result.WithBaseline(expected);
            }

            Console.Write(ConsoleReporter.Summary(result));
            foreach (var path in ReportWriter.WriteAll(result, outputDirectory, profilePath: parseResult.GetValue(profile)))
            {
                Console.WriteLine($"wrote {path}");
            }

            return result.ExitCode;
        });
        return command;
    }
}
