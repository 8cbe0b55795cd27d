using System.CommandLine;

namespace PleoUxGuard.ConformanceKit.Cli;

/// <summary>
/// A command line the parser cannot take: each problem on a line of its own and where to read the options, exit
/// code 2. System.CommandLine's own answer prints the whole help above the problem, which buries it in a CI log,
/// and exits 1, which the kit's exit codes reserve for a failed check.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parsed, TextWriter error)
    {
        // `pleo-uxguard rnu` is both "no command" and "unknown 'rnu'" to the parser; the second says what is wrong.
        var unrecognized = parsed.Errors.Any(problem => problem.Message.StartsWith("Unrecognized command", StringComparison.Ordinal));
        foreach (var problem in parsed.Errors)
        {
            if (unrecognized && problem.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                continue;
            }

            error.WriteLine($"pleo-uxguard: {problem.Message}");
        }

        error.WriteLine($"Run '{HelpCommandLine(parsed.CommandResult.Command)}' for the {(parsed.CommandResult.Command is RootCommand ? "commands" : "options")}.");
        return ExitCodes.UsageError;
    }

    private static string HelpCommandLine(Command command) =>
        command is RootCommand ? "pleo-uxguard --help" : $"pleo-uxguard {command.Name} --help";
}
