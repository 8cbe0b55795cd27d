using Verify = Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerVerifier<
    PleoUxGuard.Analyzers.Rules.SecretToLogAnalyzer,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

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

        await Verify.VerifyAnalyzerAsync(source);
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

        await Verify.VerifyAnalyzerAsync(source);
    }
}
