using System.CommandLine;
using PleoUxGuard.ConformanceKit.Browser;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Says which browser the kit would use, so a tester can check the environment first.</summary>
internal static class BrowserCommand
{
    public static Command Create()
    {
        var browserOption = new Option<string?>("--browser") { Description = "Path of a Chromium or Chrome executable." };
        var command = new Command("browser", "Show which browser the kit will drive and how it was found.") { browserOption };
        command.SetAction(parseResult =>
        {
            try
            {
                var choice = new BrowserResolver().Resolve(parseResult.GetValue(browserOption));
                Console.WriteLine($"{choice.ExecutablePath ?? "Playwright's Chromium"} (from the {choice.Source})");
                return ExitCodes.Passed;
            }
            catch (EnvironmentProblemException problem)
            {
                Console.Error.WriteLine(problem.Message);
                return ExitCodes.EnvironmentError;
            }
        });
        return command;
    }
}
