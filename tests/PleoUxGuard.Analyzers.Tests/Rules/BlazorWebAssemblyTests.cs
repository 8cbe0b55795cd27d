using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>
/// The secret rules in a Blazor WebAssembly app, compiled against the WebAssembly host package
/// (<see cref="TestReferences.BlazorWebAssembly"/>): all of its code runs in the browser.
/// </summary>
public sealed class BlazorWebAssemblyTests
{
    private static Task VerifyAsync<TRule>(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
        where TRule : RuleSelection, new()
    {
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, TRule>.Test { ReferenceAssemblies = references, TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task The_WebAssembly_hosts_configuration_is_configuration()
    {
        // builder.Configuration is a WebAssemblyHostConfiguration, whose indexer and GetSection are its own.
        const string source = """
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Logging;

            static class Startup
            {
                public static void Describe(WebAssemblyHostBuilder builder, ILogger logger)
                {
                    logger.LogInformation("{A}", {|PUX001:builder.Configuration["Pleo:ApiKey"]|});
                    logger.LogInformation("{A}", {|PUX001:builder.Configuration.GetSection("Pleo:ApiKey").Value|});
                    logger.LogInformation("{A}", builder.Configuration["Pleo:BaseUrl"]);
                }
            }
            """;
        await VerifyAsync<OnlyPux001>(source, TestReferences.BlazorWebAssembly);
    }
}
