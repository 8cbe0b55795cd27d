using System.CommandLine;
using PleoUxGuard.ConformanceKit.Cli.Commands;

var root = new RootCommand("PleoUxGuard conformance kit: proves an integration's Pleo API key screen meets Pleo's UX rules.");
root.Subcommands.Add(InstallBrowserCommand.Create());
root.Subcommands.Add(BrowserCommand.Create());
root.Subcommands.Add(FakePleoCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());

return await root.Parse(args).InvokeAsync();
