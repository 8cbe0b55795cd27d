using Microsoft.CodeAnalysis.CSharp;
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

    /// <param name="remainingMarkup">The fixed source marks diagnostics the fix leaves (markup of fixable ids is otherwise ignored there).</param>
    internal static async Task VerifyMaskAsync<TAnalyzer, TFix>(string source, string fixedSource, bool helperExists = false, int iterations = 1, string equivalenceKey = SecretFixes.MaskKey, bool remainingMarkup = false)
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

        else
        {
            fixedSource = WithHelper(fixedSource);
        }

        test.FixedState.Sources.Add(fixedSource);
        if (remainingMarkup)
        {
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        if (helperExists)
        {
            test.FixedState.Sources.Add(("/0/SecretMask.cs", Helper));
        }

        await test.RunAsync();
    }

    /// <summary>The fixed document with the helper the fix writes at its end (the tests' language version is past C# 8).</summary>
    internal static string WithHelper(string fixedSource, LanguageVersion version = LanguageVersion.Latest) =>
        fixedSource + "\n\n" + SecretMaskHelper.SourceFor(version);

    /// <summary>Masking in two documents, one fix in each: Fix All in document has nothing to batch, so it is not checked.</summary>
    private static Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.Test TwoDocumentMaskTest() => new()
    {
        CodeActionEquivalenceKey = SecretFixes.MaskKey,
        NumberOfFixAllIterations = 1,
        NumberOfFixAllInProjectIterations = 1,
        NumberOfIncrementalIterations = 2,
        CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
    };

    [Fact]
    public async Task Fix_All_writes_the_helper_once_into_the_first_document_and_adds_no_document()
    {
        // dotnet format writes an added document into the project file as a Compile item (NETSDK1022 in SDK-style
        // projects), so the helper must go into a document that already exists.
        var test = TwoDocumentMaskTest();
        test.TestState.Sources.Add(("/0/A.cs", InMethod("""logger.LogInformation("Key {Key}", {|PUX001:apiKey|});""")));
        test.TestState.Sources.Add(("/0/B.cs", "namespace Other;\n" + InMethod("""Console.WriteLine({|PUX001:apiKey|});""").Replace("class Connector", "class Second")));
        test.FixedState.Sources.Add(("/0/A.cs", WithHelper(InMethod("""logger.LogInformation("Key {Key}", SecretMask.LastFour(apiKey));"""))));
        test.FixedState.Sources.Add(("/0/B.cs", "namespace Other;\n" + InMethod("""Console.WriteLine(SecretMask.LastFour(apiKey));""").Replace("class Connector", "class Second")));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_helper_in_a_file_scoped_namespace_is_written_there_and_imported_elsewhere()
    {
        var test = TwoDocumentMaskTest();
        test.TestState.Sources.Add(("/0/A.cs", InMethod("""logger.LogInformation("Key {Key}", {|PUX001:apiKey|});""").Replace("class Connector", "namespace Acme.Connect;\n\nclass Connector")));
        test.TestState.Sources.Add(("/0/B.cs", InMethod("""Console.WriteLine({|PUX001:apiKey|});""").Replace("class Connector", "class Second")));
        test.FixedState.Sources.Add(("/0/A.cs", WithHelper(InMethod("""logger.LogInformation("Key {Key}", SecretMask.LastFour(apiKey));""").Replace("class Connector", "namespace Acme.Connect;\n\nclass Connector"))));
        test.FixedState.Sources.Add(("/0/B.cs", InMethod("""Console.WriteLine(SecretMask.LastFour(apiKey));""").Replace("using System.Threading.Tasks;", "using System.Threading.Tasks;\nusing Acme.Connect;").Replace("class Connector", "class Second")));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_SecretMask_without_LastFour_gets_a_PleoSecretMask_beside_it()
    {
        // A second SecretMask in the same namespace would not build (CS0101), and calls would bind to the project's.
        const string own = "internal static class SecretMask\n{\n    public static string Stars(string value) => \"***\";\n}\n";
        var test = TwoDocumentMaskTest();
        test.TestState.Sources.Add(("/0/A.cs", InMethod("""logger.LogInformation("Key {Key}", {|PUX001:apiKey|});""")));
        test.TestState.Sources.Add(("/0/B.cs", InMethod("""Console.WriteLine({|PUX001:apiKey|});""").Replace("class Connector", "class Second")));
        test.TestState.Sources.Add(("/0/Own.cs", own));
        test.FixedState.Sources.Add(("/0/A.cs", WithHelper(InMethod("""logger.LogInformation("Key {Key}", PleoSecretMask.LastFour(apiKey));""")).Replace("class SecretMask", "class PleoSecretMask")));
        test.FixedState.Sources.Add(("/0/B.cs", InMethod("""Console.WriteLine(PleoSecretMask.LastFour(apiKey));""").Replace("class Connector", "class Second")));
        test.FixedState.Sources.Add(("/0/Own.cs", own));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_SecretMask_without_LastFour_in_the_fixed_namespace_gets_a_PleoSecretMask_there()
    {
        const string own = "namespace Acme.Connect;\n\ninternal static class SecretMask\n{\n    public static string Stars(string value) => \"***\";\n}\n";
        var test = new Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.Test { CodeActionEquivalenceKey = SecretFixes.MaskKey };
        test.TestState.Sources.Add(("/0/A.cs", InMethod("""Console.WriteLine({|PUX001:apiKey|});""").Replace("class Connector", "namespace Acme.Connect;\n\nclass Connector")));
        test.TestState.Sources.Add(("/0/Own.cs", own));
        test.FixedState.Sources.Add(("/0/A.cs", WithHelper(InMethod("""Console.WriteLine(PleoSecretMask.LastFour(apiKey));""").Replace("class Connector", "namespace Acme.Connect;\n\nclass Connector")).Replace("class SecretMask", "class PleoSecretMask")));
        test.FixedState.Sources.Add(("/0/Own.cs", own));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_helper_compiles_at_CSharp_7_3()
    {
        // netstandard2.0 libraries often stay at C# 7.3: no nullable annotations, no relational patterns.
        var test = new Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.Test
        {
            TestCode = Classic("""Console.WriteLine("key=" + {|PUX001:apiKey|});"""),
            FixedCode = WithHelper(Classic("""Console.WriteLine("key=" + SecretMask.LastFour(apiKey));"""), LanguageVersion.CSharp7_3),
            CodeActionEquivalenceKey = SecretFixes.MaskKey,
        };
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_helper_takes_the_line_breaks_of_a_CRLF_file()
    {
        var test = new Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.Test
        {
            TestCode = Classic("""Console.WriteLine("key=" + {|PUX001:apiKey|});""").Replace("\n", "\r\n"),
            FixedCode = WithHelper(Classic("""Console.WriteLine("key=" + SecretMask.LastFour(apiKey));""")).Replace("\n", "\r\n"),
            CodeActionEquivalenceKey = SecretFixes.MaskKey,
        };
        await test.RunAsync();
    }

    private static string Classic(string statement) => $$"""
        using System;

        class Connector
        {
            void Connect(string apiKey)
            {
                {{statement}}
            }
        }
        """;

    [Fact]
    public async Task Masking_a_null_conditional_read_wraps_the_whole_access()
    {
        const string settings = "class Settings { public string ApiKey { get; set; } = \"\"; public Settings? Inner { get; set; } }";
        await VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod("""logger.LogInformation("Settings key {Key}", settings?{|PUX001:.ApiKey|}); logger.LogInformation("Inner {Key}", settings?.Inner?{|PUX001:.ApiKey|});""", "ILogger logger, Settings? settings") + "\n" + settings,
            InMethod("""logger.LogInformation("Settings key {Key}", SecretMask.LastFour(settings?.ApiKey)); logger.LogInformation("Inner {Key}", SecretMask.LastFour(settings?.Inner?.ApiKey));""", "ILogger logger, Settings? settings") + "\n" + settings,
            iterations: 2);
    }

    [Fact]
    public async Task Masking_a_slice_of_a_null_conditional_read_masks_the_whole_key_not_the_slice()
    {
        // LastFour of `settings?.ApiKey[..8]` would show characters 5 to 8 of the key: the very leak PUX005 reports.
        const string settings = "class Settings { public string ApiKey { get; set; } = \"\"; }";
        await VerifyMaskAsync<SecretLeakAnalyzer, PartialSecretBeyondLastFourCodeFix>(
            InMethod("""logger.LogInformation("Prefix {Key}", settings?{|PUX005:.ApiKey[..8]|});""", "ILogger logger, Settings? settings") + "\n" + settings,
            InMethod("""logger.LogInformation("Prefix {Key}", SecretMask.LastFour(settings?.ApiKey));""", "ILogger logger, Settings? settings") + "\n" + settings);
    }

    [Fact]
    public async Task A_part_held_by_a_local_or_returned_by_a_helper_is_not_masked()
    {
        // There is no key at the diagnostic to mask: LastFour(prefix) or LastFour(MaskKey(apiKey)) would show the
        // middle of the key, and so would masking what a slice of the prefix slices (prefix[..6]); an extension called
        // on another text ("Company".WithKey(apiKey)) would mask that text, and one character (apiKey[0]) has no
        // masked form of its type. Removing it from the message is still offered.
        var source = InMethod(
            """
            var prefix = apiKey[..8];
            logger.LogInformation("Key {Prefix}", {|PUX005:prefix|});
            logger.LogInformation("Key {Start}", {|PUX005:prefix[..6]|});
            logger.LogInformation("Key {Start}", {|PUX005:prefix.Substring(0, 4)|});
            logger.LogInformation("Key {Masked}", {|PUX005:MaskKey(apiKey)|});
            logger.LogInformation("{Line}", {|PUX005:"Company".WithKey(apiKey)|});
            logger.LogInformation("First {Letter}", {|PUX005:apiKey[0]|});
            """,
            members: "static string MaskKey(string key) => key[..8] + \"…\";") + "\nstatic class Lines { public static string WithKey(this string label, string key) => label + \": \" + key[..8]; }";
        var test = new Verifiers.CodeFixVerifier<SecretLeakAnalyzer, PartialSecretBeyondLastFourCodeFix>.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = SecretFixes.MaskKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task A_slice_of_a_local_that_holds_the_whole_key_masks_the_local()
    {
        await VerifyMaskAsync<SecretLeakAnalyzer, PartialSecretBeyondLastFourCodeFix>(
            InMethod("""var copy = apiKey.Trim(); logger.LogInformation("Key {Prefix}", {|PUX005:copy[..6]|});"""),
            InMethod("""var copy = apiKey.Trim(); logger.LogInformation("Key {Prefix}", SecretMask.LastFour(copy));"""));
    }

    [Fact]
    public async Task A_whole_secret_read_by_a_call_or_an_indexer_is_masked_as_it_is()
    {
        // Only a slice is reduced to what it slices; GetEnvironmentVariable(…) was reduced to Environment, and no mask offered.
        await VerifyMaskAsync<SecretLeakAnalyzer, SecretToLogCodeFix>(
            InMethod("""Debug.WriteLine("PLEO_API_KEY=" + {|PUX001:Environment.GetEnvironmentVariable("PLEO_API_KEY")|}); logger.LogInformation("Key {Key}", {|PUX001:configuration["Pleo:ApiKey"]|});""", "ILogger logger, Microsoft.Extensions.Configuration.IConfiguration configuration"),
            InMethod("""Debug.WriteLine("PLEO_API_KEY=" + SecretMask.LastFour(Environment.GetEnvironmentVariable("PLEO_API_KEY"))); logger.LogInformation("Key {Key}", SecretMask.LastFour(configuration["Pleo:ApiKey"]));""", "ILogger logger, Microsoft.Extensions.Configuration.IConfiguration configuration"),
            iterations: 2);
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
    [InlineData(
        """Console.WriteLine("Key {0} for company {1}", {|PUX001:apiKey|}, company);""",
        """Console.WriteLine("Key for company {0}", company);""")]
    [InlineData(
        """Console.WriteLine("{1} then {0}, again {0:G} and {1,5}", {|PUX001:apiKey|}, company);""",
        """Console.WriteLine("{0} then, again and {0,5}", company);""")]
    [InlineData(
        """logger.LogInformation("{1} then {0}", {|PUX001:apiKey|}, company);""",
        """logger.LogInformation("then {0}", company);""")]
    [InlineData(
        """logger.LogInformation(@"Reading C:\keys\{Company} with {Key}", company, {|PUX001:apiKey|});""",
        """logger.LogInformation(@"Reading C:\keys\{Company} with", company);""")]
    [InlineData(
        """"logger.LogInformation("""Key {Key} from C:\keys""", {|PUX001:apiKey|});"""",
        """"logger.LogInformation("""Key from C:\keys""");"""")]
    public async Task Removing_takes_out_the_secret_with_its_placeholder(string statement, string fixedStatement)
    {
        await Verifiers.CodeFixVerifier<SecretLeakAnalyzer, SecretToLogCodeFix>.VerifyAsync(
            InMethod(statement, "ILogger logger, string apiKey, string company"),
            InMethod(fixedStatement, "ILogger logger, string apiKey, string company"),
            SecretFixes.RemoveKey);
    }
}
