using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretToLogAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests;

public sealed class SecretToLogAnalyzerTests
{
    [Fact]
    public async Task Api_key_written_to_the_console_is_reported()
    {
        const string source = """
            class Connector
            {
                void Connect(string apiKey)
                {
                    System.Console.WriteLine({|PUX001:apiKey|});
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Company_id_written_to_the_console_is_not_reported()
    {
        const string source = """
            class Connector
            {
                void Connect(string companyId)
                {
                    System.Console.WriteLine(companyId);
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
