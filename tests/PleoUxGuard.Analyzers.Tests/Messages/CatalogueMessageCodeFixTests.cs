using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.CodeFixes;
using PleoUxGuard.CodeFixes.Rules;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>
/// The catalogue code fixes: the most likely kind first, one action per kind, Fix All, and fixed code
/// that compiles without warnings and leaves no diagnostic of the rule (checked by the verifier).
/// </summary>
public sealed class CatalogueMessageCodeFixTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        """;

    [Fact]
    public async Task Generic_message_in_a_catch_becomes_the_unavailable_message()
    {
        var source = Usings + """
            class PleoController : Controller
            {
                async Task<IActionResult> Connect(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                    }
                    catch (HttpRequestException)
                    {
                        ModelState.AddModelError("ApiKey", {|PUX010:"Something went wrong"|});
                    }

                    return View();
                }
            }
            """;
        var fixedSource = source.Replace("{|PUX010:\"Something went wrong\"|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task A_Message_override_returns_the_catalogue_message_its_type_names()
    {
        var source = Usings + """
            sealed class PleoUnavailableException : Exception
            {
                public override string Message => {|PUX010:"Something went wrong"|};
            }
            """;
        var fixedSource = source.Replace("{|PUX010:\"Something went wrong\"|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task A_type_test_of_an_exception_names_the_kind_as_a_catch_clause_does()
    {
        // One catch for every exception, then a switch, a switch expression or an "is" test on its type: each branch
        // says what a catch clause of that type would, so the fix gives each message its own kind.
        var source = Usings + """
            class PleoController : Controller
            {
                async Task<IActionResult> Connect(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("/v1/introspect");
                    }
                    catch (Exception ex)
                    {
                        switch (ex)
                        {
                            case HttpRequestException:
                                ModelState.AddModelError("ApiKey", {|PUX010:"Something went wrong"|});
                                break;
                            case System.Security.Authentication.AuthenticationException:
                                ModelState.AddModelError("ApiKey", {|PUX010:"Unexpected error"|});
                                break;
                        }

                        ViewData["Error"] = ex switch
                        {
                            TimeoutException => {|PUX010:"Oops"|},
                            UnauthorizedAccessException => {|PUX010:"Sorry"|},
                            _ => null,
                        };

                        if (ex is TaskCanceledException)
                        {
                            ViewData["Detail"] = {|PUX010:"An error occurred"|};
                        }
                    }

                    return View();
                }
            }
            """;
        var fixedSource = source
            .Replace("{|PUX010:\"Something went wrong\"|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Unexpected error\"|}", Literal(MessageCatalogue.InvalidKey), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Oops\"|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Sorry\"|}", Literal(MessageCatalogue.InvalidKey), StringComparison.Ordinal)
            .Replace("{|PUX010:\"An error occurred\"|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, CatalogueMessageCodeFix.MostLikelyKey);
    }

    [Fact]
    public async Task Each_arm_of_a_status_switch_gives_its_own_kind()
    {
        // The message is the whole switch; each arm's text is judged with the status its arm tests. The default arm tests
        // none, so its text has no kind and Fix All leaves it for a person to choose.
        var source = Usings + """
            class PleoController : Controller
            {
                IActionResult Connect(HttpResponseMessage response)
                {
                    ModelState.AddModelError("ApiKey", response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => {|PUX010:"Error"|},
                        HttpStatusCode.Forbidden => {|PUX010:"Failed"|},
                        HttpStatusCode.TooManyRequests => {|PUX010:"Oops"|},
                        _ => {|PUX010:"Something went wrong"|},
                    });
                    return View();
                }
            }
            """;
        var fixedSource = source
            .Replace("{|PUX010:\"Error\"|}", Literal(MessageCatalogue.InvalidKey), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Failed\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Oops\"|}", Literal(MessageCatalogue.RateLimited), StringComparison.Ordinal);
        var test = NewTest<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, CatalogueMessageCodeFix.MostLikelyKey);

        // The default arm's diagnostic stays in the fixed code: its markup there is expected, not ignored as fixable.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task Every_kind_is_offered_and_the_most_likely_first()
    {
        const string source = """
            class PleoKeyViewModel
            {
                public string? ErrorMessage { get; set; }

                void Revoked() => ErrorMessage = "Authorization failed";
            }
            """;
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var (document, diagnostics) = await AnalyseAsync(workspace, source);
        var diagnostic = Assert.Single(diagnostics);

        var actions = await OffersAsync(new GenericErrorMessageCodeFix(), document, diagnostic);

        // "Revoked" in the method name makes a revoked key the most likely kind: offered first, and again among
        // the kinds, where its Fix All gives every message that kind.
        Assert.Equal(MessageCatalogue.AllKinds.Length + 1, actions.Count);
        Assert.Equal(CatalogueMessageCodeFix.MostLikelyKey, actions[0].EquivalenceKey);
        Assert.Equal("Use the catalogue message for a revoked or expired key (most likely here)", actions[0].Title);
        Assert.Equal(actions.Count, actions.Select(action => action.EquivalenceKey).Distinct().Count());
        Assert.Equal(
            MessageCatalogue.AllKinds.Select(kind => "PleoUxGuard.CatalogueMessage." + kind),
            actions.Skip(1).Select(action => action.EquivalenceKey));
    }

    /// <summary>
    /// dotnet format takes the equivalence key of the first action of the first diagnostic it meets for the whole run.
    /// A message with no likely kind offers its kinds in a group, whose key names no kind, so a run that meets it first still
    /// gives each message its own most likely kind and leaves the one with none as it is (it gave every message the
    /// first kind, the invalid-key text, when the kinds were a flat list).
    /// </summary>
    [Fact]
    public async Task A_run_that_meets_a_message_with_no_likely_kind_first_still_gives_each_its_own()
    {
        const string source = """
            class PleoKeyViewModel
            {
                public string? FeedbackError { get; set; }

                public string? ErrorMessage { get; set; }

                void Feedback() => FeedbackError = "Error";

                void Revoked() => ErrorMessage = "Authorization failed";
            }
            """;
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var (document, diagnostics) = await AnalyseAsync(workspace, source);
        Assert.Equal(2, diagnostics.Count);
        Assert.False(diagnostics[0].Properties.ContainsKey(PleoUxGuard.Analyzers.Messages.MessageDiagnosticProperties.FailureKind));

        var fix = new GenericErrorMessageCodeFix();
        var group = Assert.Single(await OffersAsync(fix, document, diagnostics[0]));
        Assert.DoesNotContain(group.EquivalenceKey, MessageCatalogue.AllKinds.Select(kind => "PleoUxGuard.CatalogueMessage." + kind));
        Assert.Equal("Use a catalogue message (no failure kind is likely here: choose one)", group.Title);

        var fixAll = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
            document, fix, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document, group.EquivalenceKey, [fix.FixableDiagnosticIds[0]], new KnownDiagnostics(diagnostics), CancellationToken.None);
        var fixAllAction = (await fix.GetFixAllProvider().GetFixAsync(fixAll))!;
        var operations = await fixAllAction.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();

        Assert.Contains("FeedbackError = \"Error\"", text, StringComparison.Ordinal);
        Assert.Contains("ErrorMessage = " + Literal(MessageCatalogue.KeyRevoked), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_connection_code_no_kind_is_likely_whatever_the_words()
    {
        // An expense report's "Invalid request" is generic, but not about the Pleo key the catalogue's messages are about:
        // "invalid" would have made the invalid-key message the most likely fix.
        const string source = """
            class ExpenseReportViewModel
            {
                public string? ErrorMessage { get; set; }

                void Month() => ErrorMessage = "Invalid request";
            }
            """;
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var (document, diagnostics) = await AnalyseAsync(workspace, source, "ExpenseReportViewModel.cs");
        var diagnostic = Assert.Single(diagnostics);
        Assert.False(diagnostic.Properties.ContainsKey(PleoUxGuard.Analyzers.Messages.MessageDiagnosticProperties.FailureKind));

        var offered = await OffersAsync(new GenericErrorMessageCodeFix(), document, diagnostic);
        Assert.Equal("Use a catalogue message (no failure kind is likely here: choose one)", Assert.Single(offered).Title);
    }

    /// <summary>The actions <paramref name="fix"/> offers for <paramref name="diagnostic"/>, in the order it registers them.</summary>
    private static async Task<List<Microsoft.CodeAnalysis.CodeActions.CodeAction>> OffersAsync(
        Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider fix, Microsoft.CodeAnalysis.Document document, Microsoft.CodeAnalysis.Diagnostic diagnostic)
    {
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        await fix.RegisterCodeFixesAsync(
            new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>The source as a document of a new project, and the message rules' diagnostics of it in source order.</summary>
    private static async Task<(Microsoft.CodeAnalysis.Document Document, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics)> AnalyseAsync(
        Microsoft.CodeAnalysis.AdhocWorkspace workspace, string source, string fileName = "PleoKeyViewModel.cs")
    {
        var document = workspace.AddProject("Sample", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable))
            .AddMetadataReference(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location))
            .AddDocument(fileName, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new MessageQualityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList());
    }

    private sealed class KnownDiagnostics(IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> diagnostics) : Microsoft.CodeAnalysis.CodeFixes.FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetDocumentDiagnosticsAsync(Microsoft.CodeAnalysis.Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetProjectDiagnosticsAsync(Microsoft.CodeAnalysis.Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Microsoft.CodeAnalysis.Diagnostic>());

        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetAllDiagnosticsAsync(Microsoft.CodeAnalysis.Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>>(diagnostics);
    }

    [Fact]
    public async Task A_kind_other_than_the_most_likely_can_be_chosen()
    {
        var source = Usings + """
            class KeyController : Controller
            {
                IActionResult Save()
                {
                    TempData["Error"] = {|PUX010:"Error"|};
                    return View();
                }
            }
            """;
        var fixedSource = source.Replace("{|PUX010:\"Error\"|}", Literal(MessageCatalogue.WrongFormat), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, "PleoUxGuard.CatalogueMessage.WrongFormat");
    }

    /// <summary>Three generic messages, each in a place that points to another failure kind.</summary>
    private const string ThreeFailures = Usings + """
        class KeyController : Controller
        {
            IActionResult Save(HttpResponseMessage response)
            {
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    ModelState.AddModelError("", {|PUX010:"Access denied"|});
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    ModelState.AddModelError("", {|PUX010:"Request failed"|});
                }

                ModelState.AddModelError("", {|PUX010:"Invalid API key"|});
                return View();
            }
        }
        """;

    [Fact]
    public async Task Fix_all_gives_each_message_its_own_most_likely_kind()
    {
        var fixedSource = ThreeFailures
            .Replace("{|PUX010:\"Access denied\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Request failed\"|}", Literal(MessageCatalogue.RateLimited), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Invalid API key\"|}", Literal(MessageCatalogue.InvalidKey), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(ThreeFailures, fixedSource, CatalogueMessageCodeFix.MostLikelyKey);
    }

    [Fact]
    public async Task Fix_all_with_a_named_kind_gives_every_message_that_kind_the_most_likely_included()
    {
        var fixedSource = ThreeFailures
            .Replace("{|PUX010:\"Access denied\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Request failed\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal)
            .Replace("{|PUX010:\"Invalid API key\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(ThreeFailures, fixedSource, "PleoUxGuard.CatalogueMessage.MissingPermission");
    }

    [Fact]
    public async Task Where_the_project_compiles_the_catalogue_the_fix_uses_its_constant()
    {
        var source = Usings + """
            class KeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("ApiKey", {|PUX010:"Invalid credentials"|});
                    return View();
                }
            }
            """;
        var fixedSource = source
            .Replace("using Microsoft.AspNetCore.Mvc;\n", "using Microsoft.AspNetCore.Mvc;\nusing PleoUxGuard.Shared;\n", StringComparison.Ordinal)
            .Replace("{|PUX010:\"Invalid credentials\"|}", "MessageCatalogue.InvalidKey", StringComparison.Ordinal);

        var test = NewTest<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, CatalogueMessageCodeFix.MostLikelyKey);
        var catalogue = ("/0/MessageCatalogue.cs", "#nullable enable\n" + await File.ReadAllTextAsync(RepositoryFiles.PathOf("src/Analyzers/Shared/MessageCatalogue.cs")));
        test.TestState.Sources.Add(catalogue);
        test.FixedState.Sources.Add(catalogue);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_validation_attribute_message_is_fixed_in_place()
    {
        var source = Usings + """
            class ConnectInput
            {
                [System.ComponentModel.DataAnnotations.RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = {|PUX010:"Invalid input."|})]
                public string ApiKey { get; set; } = "";
            }
            """;
        var fixedSource = source.Replace("{|PUX010:\"Invalid input.\"|}", Literal(MessageCatalogue.WrongFormat), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task Raw_exception_text_is_replaced_and_the_unused_exception_name_dropped()
    {
        var source = InIntrospectionCatch("""ModelState.AddModelError("ApiKey", $"Pleo said: {{|PUX012:ex.Message|}}");""");
        var fixedSource = source
            .Replace("catch (HttpRequestException ex)", "catch (HttpRequestException)", StringComparison.Ordinal)
            .Replace("$\"Pleo said: {{|PUX012:ex.Message|}}\"", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, RawTechnicalDetailCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task Fix_all_drops_the_exception_name_when_no_message_of_the_catch_uses_it_any_more()
    {
        // Each fix alone still sees the other message's use of ex; Fix All must decide on the catch as a whole.
        var source = InIntrospectionCatch(
            """ModelState.AddModelError("ApiKey", {|PUX012:ex.Message|});""",
            """TempData["Error"] = $"Pleo said: {{|PUX012:ex.Message|}}";""");
        var fixedSource = source
            .Replace("catch (HttpRequestException ex)", "catch (HttpRequestException)", StringComparison.Ordinal)
            .Replace("$\"Pleo said: {{|PUX012:ex.Message|}}\"", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal)
            .Replace("{|PUX012:ex.Message|}", Literal(MessageCatalogue.PleoUnavailable), StringComparison.Ordinal);

        var test = NewTest<MessageQualityAnalyzer, RawTechnicalDetailCodeFix>(source, fixedSource, CatalogueMessageCodeFix.MostLikelyKey);
        test.NumberOfIncrementalIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_replaces_every_message_and_adds_the_using_once()
    {
        // The batch fixer dropped the fixes whose added using overlapped another's: one of three was applied.
        var source = Usings + """
            class KeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("ApiKey", {|PUX010:"Invalid credentials"|});
                    ModelState.AddModelError("ApiKey", {|PUX010:"Access denied"|});
                    ModelState.AddModelError("ApiKey", {|PUX010:"Something went wrong"|});
                    return View();
                }
            }
            """;
        var fixedSource = source
            .Replace("using Microsoft.AspNetCore.Mvc;\n", "using Microsoft.AspNetCore.Mvc;\nusing PleoUxGuard.Shared;\n", StringComparison.Ordinal)
            .Replace("{|PUX010:\"Invalid credentials\"|}", "MessageCatalogue.InvalidKey", StringComparison.Ordinal)
            .Replace("{|PUX010:\"Access denied\"|}", "MessageCatalogue.InvalidKey", StringComparison.Ordinal)
            .Replace("{|PUX010:\"Something went wrong\"|}", "MessageCatalogue.InvalidKey", StringComparison.Ordinal);

        var test = NewTest<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, "PleoUxGuard.CatalogueMessage.InvalidKey");
        test.NumberOfIncrementalIterations = 3;
        var catalogue = ("/0/MessageCatalogue.cs", "#nullable enable\n" + await File.ReadAllTextAsync(RepositoryFiles.PathOf("src/Analyzers/Shared/MessageCatalogue.cs")));
        test.TestState.Sources.Add(catalogue);
        test.FixedState.Sources.Add(catalogue);
        await test.RunAsync();
    }

    [Fact]
    public async Task Raw_detail_fix_keeps_the_exception_name_while_it_is_still_used()
    {
        var source = Usings + """
            class PleoController : Controller
            {
                IActionResult Connect(Microsoft.Extensions.Logging.ILogger<PleoController> logger)
                {
                    try
                    {
                        return View();
                    }
                    catch (UnauthorizedAccessException ex)
                    {
                        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Pleo refused the key");
                        TempData["Error"] = {|PUX012:ex.Message|};
                        return View();
                    }
                }
            }
            """;
        var fixedSource = source.Replace("{|PUX012:ex.Message|}", Literal(MessageCatalogue.InvalidKey), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, RawTechnicalDetailCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task Message_without_a_next_step_becomes_the_catalogue_message_of_its_status()
    {
        var source = Usings + """
            class ApiKeyController : Controller
            {
                IActionResult Save(HttpResponseMessage response)
                {
                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        TempData["Error"] = {|PUX011:"The key was refused by Pleo."|};
                    }

                    return View();
                }
            }
            """;
        var fixedSource = source.Replace("{|PUX011:\"The key was refused by Pleo.\"|}", Literal(MessageCatalogue.MissingPermission), StringComparison.Ordinal);

        await Fix<MessageQualityAnalyzer, NoRecoveryActionCodeFix>(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task A_message_from_a_resx_entry_is_not_fixed_in_code()
    {
        var source = Usings + """
            class Strings
            {
                public static System.Resources.ResourceManager ResourceManager => null!;
                public static string KeyRejected => ResourceManager.GetString("KeyRejected")!;
            }

            class ApiKeyController : Controller
            {
                IActionResult Save()
                {
                    ModelState.AddModelError("", {|PUX011:Strings.KeyRejected|});
                    return View();
                }
            }
            """;
        var test = NewTest<MessageQualityAnalyzer, NoRecoveryActionCodeFix>(source, source, equivalenceKey: null);
        test.TestState.AdditionalFiles.Add(("/0/Strings.resx", """
            <?xml version="1.0" encoding="utf-8"?>
            <root><data name="KeyRejected" xml:space="preserve"><value>Your key was not accepted.</value></data></root>
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_replaces_every_message_of_top_level_statements_and_adds_the_using_once()
    {
        // Top-level statements: the using goes above the statements, where every fix of the batch wanted to add it.
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapPost("/connect", () => Results.BadRequest({|PUX010:"Invalid credentials"|}));
            app.MapPost("/refresh", () => Results.BadRequest({|PUX010:"Access denied"|}));
            app.MapPost("/check", () => Results.BadRequest({|PUX010:"Something went wrong"|}));
            app.MapPost("/save", () => Results.BadRequest({|PUX010:"Error"|}));
            app.Run();
            """;
        var fixedSource = source.Replace("using Microsoft.AspNetCore.Http;\n", "using Microsoft.AspNetCore.Http;\nusing PleoUxGuard.Shared;\n", StringComparison.Ordinal);
        foreach (var message in new[] { "Invalid credentials", "Access denied", "Something went wrong", "Error" })
        {
            fixedSource = fixedSource.Replace("{|PUX010:\"" + message + "\"|}", "MessageCatalogue.InvalidKey", StringComparison.Ordinal);
        }

        var test = NewTest<MessageQualityAnalyzer, GenericErrorMessageCodeFix>(source, fixedSource, "PleoUxGuard.CatalogueMessage.InvalidKey");
        test.NumberOfIncrementalIterations = 4;
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        var catalogue = ("/0/MessageCatalogue.cs", "#nullable enable\n" + await File.ReadAllTextAsync(RepositoryFiles.PathOf("src/Analyzers/Shared/MessageCatalogue.cs")));
        test.TestState.Sources.Add(catalogue);
        test.FixedState.Sources.Add(catalogue);
        await test.RunAsync();
    }

    /// <summary>A controller action whose <c>catch (HttpRequestException ex)</c> runs <paramref name="statements"/>, one a line.</summary>
    private static string InIntrospectionCatch(params string[] statements) => Usings + $$"""
        class PleoController : Controller
        {
            async Task<IActionResult> Connect(HttpClient client)
            {
                try
                {
                    await client.GetAsync("/v1/introspect");
                }
                catch (HttpRequestException ex)
                {
                    {{string.Join("\n            ", statements)}}
                }

                return View();
            }
        }
        """;

    private static Task Fix<TAnalyzer, TFix>(string source, string fixedSource, string? equivalenceKey)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
        NewTest<TAnalyzer, TFix>(source, fixedSource, equivalenceKey).RunAsync();

    private static Verifiers.CodeFixVerifier<TAnalyzer, TFix>.Test NewTest<TAnalyzer, TFix>(string source, string fixedSource, string? equivalenceKey)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
        new()
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,

            // Fixed code must build under warnings as errors: no CS0168 for a catch variable left unused.
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
