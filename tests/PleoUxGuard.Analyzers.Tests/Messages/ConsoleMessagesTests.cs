using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>
/// A command-line tool's console is its screen: what it writes there is judged by PUX010–PUX012 in a project that
/// references a command-line parser, or wherever <c>pleouxguard.console_messages = true</c>; elsewhere the console is
/// where logs go, and is left to PUX001.
/// </summary>
public sealed class ConsoleMessagesTests
{
    /// <summary>The one type of System.CommandLine the analyzer looks for: a project that references it is a command-line tool.</summary>
    private const string CommandLineParser = """
        namespace System.CommandLine { public class RootCommand { } }
        """;

    private const string SpectreConsole = """
        namespace Spectre.Console
        {
            public static class AnsiConsole
            {
                public static void MarkupLine(string value) { }
                public static void WriteException(System.Exception exception) { }
            }
        }
        namespace Spectre.Console.Cli { public class CommandApp { } }
        """;

    private const string ConnectCommand = """
        using System.IO;

        class ConnectCommand
        {
            async Task<int> RunAsync(HttpClient client, TextWriter report)
            {
                try
                {
                    var response = await client.GetAsync("/v1/introspect");
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        Console.Error.WriteLine(@@"The API key was rejected.");
                        return 2;
                    }

                    Console.WriteLine("Connected to Pleo. Company: 42.");
                    report.WriteLine("Something went wrong");
                    return 0;
                }
                catch (HttpRequestException ex)
                {
                    Console.Error.WriteLine(@@"Something went wrong");
                    await Console.Error.WriteLineAsync($"Could not reach Pleo: {@@ex.Message}");
                    Console.WriteLine(@@ex);
                    Console.Error.WriteLine("Pleo could not be reached. Check your network connection and run 'connect' again.");
                    return 1;
                }
            }
        }
        """;

    [Fact]
    public async Task A_command_line_tool_is_judged_on_what_it_writes_to_the_console()
    {
        await WithLibrary(
            Mark(ConnectCommand, "{|PUX011:\"The API key was rejected.\"|}", "{|PUX010:\"Something went wrong\"|}", "{|PUX012:ex.Message|}", "{|PUX012:ex|}"),
            CommandLineParser);
    }

    [Fact]
    public async Task The_console_of_a_project_without_a_command_line_parser_is_where_logs_go()
    {
        await Verify.VerifyAsync(Mark(ConnectCommand, "\"The API key was rejected.\"", "\"Something went wrong\"", "ex.Message", "ex"));
    }

    [Fact]
    public async Task The_option_turns_the_console_into_the_screen_in_any_project()
    {
        await Verify.VerifyAsync(
            Mark(ConnectCommand, "{|PUX011:\"The API key was rejected.\"|}", "{|PUX010:\"Something went wrong\"|}", "{|PUX012:ex.Message|}", "{|PUX012:ex|}"),
            "pleouxguard.console_messages = true");
    }

    [Fact]
    public async Task The_option_turns_it_off_in_a_command_line_tool()
    {
        await WithLibrary(
            Mark(ConnectCommand, "\"The API key was rejected.\"", "\"Something went wrong\"", "ex.Message", "ex"),
            CommandLineParser,
            "pleouxguard.console_messages = false");
    }

    [Fact]
    public async Task Spectre_Console_output_is_the_screen_of_a_Spectre_Console_Cli_tool()
    {
        const string source = """
            using Spectre.Console;

            class RotateCommand
            {
                async Task Run(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                        AnsiConsole.MarkupLine("[green]Connected to Pleo.[/]");
                    }
                    catch (HttpRequestException ex)
                    {
                        AnsiConsole.MarkupLine({|PUX010:"Something went wrong"|});
                        AnsiConsole.WriteException({|PUX012:ex|});
                    }
                }
            }
            """;

        await WithLibrary(source, SpectreConsole);
    }

    [Fact]
    public async Task An_exception_printed_whole_in_a_message_is_raw_detail_in_every_sink()
    {
        const string source = """
            class ExportController : Controller
            {
                IActionResult Export()
                {
                    try
                    {
                        return View();
                    }
                    catch (Exception ex)
                    {
                        TempData["Error"] = $"Export failed: {{|PUX012:ex|}}";
                        ViewBag.ErrorMessage = "Export failed: " + {|PUX012:ex.InnerException|};
                        ViewData["Alert"] = $"Export failed: {Describe(ex)}";
                        return View();
                    }
                }

                static string Describe(Exception ex) => ex is TimeoutException ? "Pleo took too long to answer. Try again in a minute." : "Export failed. Try again.";
            }
            """;

        await Verify.VerifyAsync(source);
    }

    private static Task WithLibrary(string source, string library, string? editorConfig = null)
    {
        var test = Verify.Create(source, editorConfig);
        test.TestState.Sources.Add(("/0/Library.cs", library));
        return test.RunAsync();
    }

    private static string Mark(string source, string rejected, string generic, string message, string exception) =>
        source
            .Replace("@@\"The API key was rejected.\"", rejected, StringComparison.Ordinal)
            .Replace("@@\"Something went wrong\"", generic, StringComparison.Ordinal)
            .Replace("@@ex.Message", message, StringComparison.Ordinal)
            .Replace("@@ex", exception, StringComparison.Ordinal);
}
