using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.CodeFixes;
using PleoUxGuard.CodeFixes.Secrets;
using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;

namespace PleoUxGuard.Analyzers.Tests.CodeFixes;

/// <summary>PUX001's fixes: mask to the last 4 characters (adding the helper once), or remove the secret from the message.</summary>
public sealed class SecretToLogCodeFixTests
{
    private static readonly SourceText Helper = SourceText.From(SecretMaskHelper.Source, System.Text.Encoding.UTF8);

    internal static async Task VerifyMaskAsync<TAnalyzer, TFix>(string source, string fixedSource, bool helperExists = false, int iterations = 1, string equivalenceKey = SecretFixes.MaskKey)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new Verifiers.CodeFixVerifier<TAnalyzer, TFix>.Test
        {
            TestCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfIncrementalIterations = iterations,
        };
        if (helperExists)
        {
            test.TestState.Sources.Add(("/0/SecretMask.cs", Helper));
        }

        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(("/0/SecretMask.cs", Helper));
        await test.RunAsync();
    }

    [Fact]
    public async Task Masking_wraps_the_secret_and_adds_the_helper_once()
    {
        await VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod("""logger.LogInformation("Key {Key} and {Again}", {|PUX001:apiKey|}, {|PUX001:apiKey|});"""),
            InMethod("""logger.LogInformation("Key {Key} and {Again}", SecretMask.LastFour(apiKey), SecretMask.LastFour(apiKey));"""),
            iterations: 2);
    }

    [Fact]
    public async Task Masking_uses_the_helper_already_in_the_project()
    {
        await VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod("""Console.WriteLine($"key={{|PUX001:apiKey|}}");"""),
            InMethod("""Console.WriteLine($"key={SecretMask.LastFour(apiKey)}");"""),
            helperExists: true);
    }

    [Theory]
    [InlineData(
        """logger.LogInformation("Connecting {Company} with {Key}", company, {|PUX001:apiKey|});""",
        """logger.LogInformation("Connecting {Company} with", company);""")]
    [InlineData(
        """logger.LogWarning("Key {Key} rejected for {Company}", {|PUX001:apiKey|}, company);""",
        """logger.LogWarning("Key rejected for {Company}", company);""")]
    [InlineData(
        """logger.LogInformation($"Connecting with {{|PUX001:apiKey|}}");""",
        """logger.LogInformation($"Connecting with ");""")]
    [InlineData(
        """logger.LogInformation("Connecting with " + {|PUX001:apiKey|});""",
        """logger.LogInformation("Connecting with ");""")]
    public async Task Removing_takes_out_the_secret_with_its_placeholder(string statement, string fixedStatement)
    {
        await Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.VerifyAsync(
            InMethod(statement, "ILogger logger, string apiKey, string company"),
            InMethod(fixedStatement, "ILogger logger, string apiKey, string company"),
            SecretFixes.RemoveKey);
    }
}
