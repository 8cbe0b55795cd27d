using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.Shared;
using PleoUxGuard.CodeFixes;
using PleoUxGuard.CodeFixes.Rules;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.Analyzers.Tests.CodeFixes;

/// <summary>Fix All is offered under the title of the fix it repeats: the IDE shows it in the preview.</summary>
public sealed class FixAllTitleTests
{
    public static TheoryData<CodeFixProvider, string, string> Keys => new()
    {
        { new SecretToLogCodeFix(), SecretFixes.MaskKey, SecretFixes.MaskTitle },
        { new SecretToLogCodeFix(), SecretFixes.RemoveKey, SecretFixes.RemoveTitle },
        { new SecretToClientCodeFix(), SecretToClientCodeFix.JsonIgnoreKey, "Keep the secret out of JSON ([JsonIgnore])" },
        { new SecretInToStringCodeFix(), SecretInToStringCodeFix.PrintMembersKey, "Print the secret masked (generate PrintMembers)" },
        { new GenericErrorMessageCodeFix(), CatalogueMessageCodeFix.MostLikelyKey, "Use the catalogue message most likely for each message" },
        { new GenericErrorMessageCodeFix(), CatalogueMessageCodeFix.KeyFor(FailureKind.InvalidKey), "Use the catalogue message for " + MessageCatalogue.Describe(FailureKind.InvalidKey) },
    };

    public static TheoryData<CodeFixProvider, string> PrimaryTitles => new()
    {
        { new SecretToLogCodeFix(), SecretFixes.MaskTitle },
        { new PartialSecretBeyondLastFourCodeFix(), SecretFixes.MaskTitle },
        { new SecretInToStringCodeFix(), "Print the secret masked (generate PrintMembers)" },
        { new GenericErrorMessageCodeFix(), "Use the catalogue message most likely for each message" },
    };

    /// <summary>
    /// dotnet format asks for Fix All with the key of the first diagnostic's first fix; a first diagnostic with no fix
    /// (a [LoggerMessage] declaration) gives none, and the rule's primary fix is repeated then, not nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(PrimaryTitles))]
    public async Task Fix_all_without_an_equivalence_key_repeats_the_primary_fix(CodeFixProvider provider, string title)
    {
        var action = await FixAllActionAsync(provider, null, FixAllScope.Project);

        Assert.Equal(title, action!.Title);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Fix_all_is_titled_as_the_fix_it_repeats(CodeFixProvider provider, string key, string title)
    {
        var action = await FixAllActionAsync(provider, key, FixAllScope.Document);

        Assert.Equal(title, action!.Title);
    }

    private static async Task<Microsoft.CodeAnalysis.CodeActions.CodeAction?> FixAllActionAsync(CodeFixProvider provider, string? key, FixAllScope scope)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.CurrentSolution
            .AddProject("Consumer", "Consumer", LanguageNames.CSharp)
            .AddDocument("Connector.cs", SourceText.From("class Connector { }"));
        var context = new FixAllContext(document, provider, scope, key, provider.FixableDiagnosticIds, new NoDiagnostics(), CancellationToken.None);
        return await provider.GetFixAllProvider()!.GetFixAsync(context);
    }

    private sealed class NoDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
