using System.CommandLine;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>Installs Playwright's own Chromium through the driver bundled in the Playwright package.</summary>
internal static class InstallBrowserCommand
{
    public static Command Create()
    {
        var command = new Command("install-browser", "Download Playwright's own Chromium (needs access to Playwright's download host).");
        command.SetAction(_ =>
        {
            var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
            if (exitCode != 0)
            {
                Console.Error.WriteLine("Playwright could not install Chromium. Install a system Chromium instead (apt-get install -y chromium).");
                return ExitCodes.EnvironmentError;
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
