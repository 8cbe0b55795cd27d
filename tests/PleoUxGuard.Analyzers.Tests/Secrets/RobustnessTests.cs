using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// No secret rule may crash (AD0001) on unusual or broken code, and each keeps working in modern C# shapes:
/// top-level statements, partial types, primary constructors, collection expressions, raw strings,
/// file-scoped types. Generated code is never analysed.
/// </summary>
public sealed class RobustnessTests
{
    private static Task VerifyAsync(string source, bool ignoreCompilerErrors = false, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new MustStaySilentTests.AllSecretRules { TestCode = source };
        test.TestState.OutputKind = outputKind;
        if (ignoreCompilerErrors)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task Syntax_errors_do_not_crash_any_rule()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Logging;
            class Connector(ILogger logger
            {
                void Connect(string apiKey
                {
                    logger.LogInformation("{Key}", apiKey
                    var uri = new System.Uri($"https://x/?k={{|PUX006:apiKey|}");
                    record Broken(string ApiKey
                }
            """,
            ignoreCompilerErrors: true);
    }

    [Fact]
    public async Task Missing_references_and_unknown_symbols_do_not_crash_any_rule()
    {
        await VerifyAsync(
            """
            using Acme.Missing;
            class Connector
            {
                void Connect(string apiKey, UnknownLogger logger, Vault vault)
                {
                    logger.LogInformation("{Key}", apiKey);
                    logger.Write(vault.ApiKey);
                    UnknownStatic.Log(apiKey[..8]);
                    var x = apiKey.NoSuchMethod().Substring(0, 4);
                }
            }
            """,
            ignoreCompilerErrors: true);
    }

    [Fact]
    public async Task Top_level_statements_are_analysed()
    {
        await VerifyAsync(
            """
            var apiKey = System.Environment.GetEnvironmentVariable("PLEO_API_KEY") ?? "";
            System.Console.WriteLine({|PUX001:apiKey|});
            System.Console.WriteLine(apiKey[^4..]);
            var uri = new System.Uri("https://example.test/?key=" + {|PUX006:apiKey|});
            """,
            outputKind: OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task Partial_types_primary_constructors_and_file_scoped_types_are_analysed()
    {
        await VerifyAsync(
            """
            using Microsoft.Extensions.Logging;

            partial class Connector(ILogger logger, string apiKey)
            {
                partial void Audit(string detail);
                void Connect() => logger.LogInformation("{Key}", {|PUX001:apiKey|});
            }

            partial class Connector
            {
                partial void Audit(string detail) => logger.LogInformation("{Detail}", detail);
                void Use() => Audit({|PUX001:apiKey|});
            }

            file sealed class Local(ILogger logger)
            {
                public void Log(string clientSecret) => logger.LogWarning("{S}", {|PUX001:clientSecret|});
            }

            file record LocalRecord(string {|PUX003:Token|});
            """);
    }

    [Fact]
    public async Task Collection_expressions_carry_secrets()
    {
        await VerifyAsync(
            """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                void Connect(string apiKey, string[] others)
                {
                    List<string> values = ["pleo", apiKey, .. others];
                    logger.LogInformation("{Values}", {|PUX001:values|});
                    logger.LogInformation("{Values}", (string[])[.. others, {|PUX001:apiKey|}]);
                }
            }
            """);
    }

    [Fact]
    public async Task Raw_and_interpolated_raw_strings_carry_secrets()
    {
        const string source = """"
            using Microsoft.Extensions.Logging;

            class Connector(ILogger logger)
            {
                void Connect(string apiKey)
                {
                    var text = $"""
                        Raw {apiKey} text
                        """;
                    logger.LogInformation({|PUX001:text|});
                    // ("$" twice before a raw string is the test markup's caret, so a single "$" raw string stands for both.)
                    var json = $"""
                        "key": "{apiKey}"
                        """;
                    logger.LogInformation({|PUX001:json|});
                    logger.LogInformation("""
                        Plain raw text mentioning apiKey
                        """);
                }
            }
            """";
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_not_analysed()
    {
        await VerifyAsync(
            """
            // <auto-generated/>
            using Microsoft.Extensions.Logging;

            class Generated(ILogger logger)
            {
                void Connect(string apiKey) => logger.LogInformation("{Key}", apiKey);
            }

            record GeneratedRecord(string ApiKey);
            """);
    }

    [Fact]
    public async Task Types_marked_generated_are_not_analysed()
    {
        await VerifyAsync(
            """
            using System.CodeDom.Compiler;
            using Microsoft.Extensions.Logging;

            [GeneratedCode("tool", "1.0")]
            class Generated(ILogger logger)
            {
                void Connect(string apiKey) => logger.LogInformation("{Key}", apiKey);
            }

            [GeneratedCode("tool", "1.0")]
            record GeneratedRecord(string ApiKey);
            """);
    }
}
