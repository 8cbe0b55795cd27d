using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// A command-line tool takes the key as an option (<c>--api-key</c>): the option's value is a secret by the option's
/// name, whatever the code calls the value, as a request value bound by a secret's name is.
/// </summary>
public sealed class CommandLineOptionTests
{
    /// <summary>The parsers' types the rules go by, declared in their namespaces.</summary>
    private const string Stubs = """

        namespace System.CommandLine
        {
            public class RootCommand { }

            public class Option<T>
            {
                public Option(string name, params string[] aliases) { }
            }

            public class ParseResult
            {
                public T? GetValue<T>(Option<T> option) => default;
                public T? GetValue<T>(string name) => default;
            }
        }

        namespace Spectre.Console.Cli
        {
            public class CommandApp { }

            public class CommandSettings { }

            [System.AttributeUsage(System.AttributeTargets.Property)]
            public sealed class CommandOptionAttribute : System.Attribute
            {
                public CommandOptionAttribute(string template) { }
            }
        }
        """;

    [Fact]
    public async Task The_value_of_a_System_CommandLine_option_named_for_a_secret_is_a_secret()
    {
        const string source = """
            using System.CommandLine;
            using Microsoft.Extensions.Logging;

            static class Program
            {
                static readonly Option<string> KeyOption = new("--api-key", "-k");
                static readonly Option<string> CompanyOption = new("--company");

                static void Run(ILogger logger, ParseResult parse)
                {
                    var keyOption = new Option<string>("--pleo-key");
                    var fromArgs = parse.GetValue(keyOption);
                    logger.LogInformation("{Key}", {|PUX001:fromArgs|});
                    logger.LogInformation("{Key}", {|PUX001:parse.GetValue(KeyOption)|});
                    logger.LogInformation("{Key}", {|PUX001:parse.GetValue<string>("--api-key")|});

                    logger.LogInformation("{Company}", parse.GetValue(CompanyOption));
                    logger.LogInformation("{Company}", parse.GetValue<string>("--company"));
                }

                // Made elsewhere: the name of what holds it.
                static void Given(ILogger logger, ParseResult parse, Option<string> apiKeyOption, Option<string> verboseOption)
                {
                    logger.LogInformation("{Key}", {|PUX001:parse.GetValue(apiKeyOption)|});
                    logger.LogInformation("{Verbose}", parse.GetValue(verboseOption));
                }
            }
            """;
        await Verify.VerifyAsync(source + Stubs);
    }

    [Fact]
    public async Task A_settings_property_bound_to_an_option_named_for_a_secret_is_a_secret()
    {
        const string source = """
            using System;
            using Spectre.Console.Cli;

            sealed class SyncSettings : CommandSettings
            {
                [CommandOption("-k|--api-key <KEY>")]
                public string? Key { get; init; }

                [CommandOption("-c|--company <ID>")]
                public string? Company { get; init; }
            }

            static class SyncCommand
            {
                static void Run(SyncSettings settings)
                {
                    Console.WriteLine({|PUX001:settings.Key|});
                    Console.WriteLine(settings.Company);
                }
            }
            """;

        // A console tool: no ASP.NET Core, whose binding attributes would have the project's bindings read anyway.
        await Verify.VerifyAsync(Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80, source + Stubs);
    }
}
