using System.CommandLine;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Opens the connection page, resolves every locator and says which strategy matched.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var profile = new ProfileOptions();
        var command = new Command("doctor", "Check a profile: sign in, resolve every locator (before and after connecting) and report which strategy matched.");
        profile.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (profile.Load(parseResult) is not { } loaded)
            {
                return ExitCodes.ProfileError;
            }

            var options = new RunOptions
            {
                BrowserPath = parseResult.GetValue(profile.Browser),
                PleoPort = parseResult.GetValue(profile.PleoPort),
                Headed = parseResult.GetValue(profile.Headed),
                Progress = Console.WriteLine,
            };
            return await Interruption.RunAsync("doctor", cancellationToken, token => ConformanceRunner.DoctorAsync(loaded, options, token), Report);
        });
        return command;
    }

    private static int Report((RunResult Result, DoctorFlow Doctor) run)
    {
        var (result, doctor) = run;
        foreach (var line in doctor.Report)
        {
            Console.WriteLine("  " + line);
        }

        foreach (var flow in result.Flows.Where(flow => flow.Status == FlowStatus.Stopped))
        {
            Console.Error.WriteLine($"doctor stopped after \"{flow.StopStep}\": {flow.StopReason}");
        }

        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine(problem.Message);
        }

        if (result.Problems.Any(p => p.Kind == ProblemKind.Environment))
        {
            return ExitCodes.EnvironmentError;
        }

        var healthy = result.Problems.Count == 0 && !doctor.FoundProblems && result.Flows.All(flow => flow.Status == FlowStatus.Completed);
        Console.WriteLine(healthy ? "doctor: every locator resolved." : "doctor: fix the lines above in the profile (or the page).");
        return healthy ? ExitCodes.Passed : ExitCodes.ProfileError;
    }
}
