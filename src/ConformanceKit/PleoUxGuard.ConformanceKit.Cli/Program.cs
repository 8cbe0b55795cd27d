using System.CommandLine;
using PleoUxGuard.ConformanceKit;
using PleoUxGuard.ConformanceKit.Cli;
using PleoUxGuard.ConformanceKit.Cli.Commands;

var root = new RootCommand("PleoUxGuard conformance kit: proves an integration's Pleo API key screen meets Pleo's UX rules.");
root.Subcommands.Add(InstallBrowserCommand.Create());
root.Subcommands.Add(BrowserCommand.Create());
root.Subcommands.Add(FakePleoCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(MergeCommand.Create());

// 'pleo-uxguard help [command]' is what many tools take; it means the same as --help.
if (args is ["help", .. var about])
{
    args = [.. about, "--help"];
}

try
{
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        return UsageErrors.Report(parsed, Console.Error);
    }

    // Our own handler below, not the default one: the user gets one line, never a stack trace.
    // Nor the library's Ctrl+C handling: it would end the process after a timeout, abandoning the kit's own orderly
    // stop (Interruption), which stops the integration and the browser.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception problem) when (problem is not OperationCanceledException)
{
    Console.Error.WriteLine($"pleo-uxguard failed unexpectedly ({problem.GetType().Name}: {problem.Message.Split('\n', 2)[0].Trim()}). Please report this.");
    return ExitCodes.EnvironmentError;
}
