using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>One message reaching a user-facing sink, with what the message rules need to judge it.</summary>
internal sealed class MessageUse
{
    private readonly MessageSite _site;
    private readonly MessageQualityRule _rule;
    private readonly Action<Diagnostic> _report;

    public MessageUse(MessageSite site, MessageQualityRule rule, MessageRules rules, Action<Diagnostic> report)
    {
        _site = site;
        _rule = rule;
        _report = report;
        Rules = rules;
    }

    public UserMessageSinkUse Sink => _site.Sink;

    public MessageRules Rules { get; }

    public MessageSettings Settings => _site.Settings;

    public MessageScope Scope => _site.Scope;

    /// <summary>
    /// The texts the operand can carry, resolved once per site for all rules. A rule that does not judge
    /// resource texts gets none read from a .resx entry (PUX010 reports those at the entry instead).
    /// </summary>
    public IEnumerable<MessagePiece> Pieces =>
        _rule.NeedsResources ? _site.Pieces(Rules.Resources) : WithoutResourceTexts(_site.Pieces(Rules.Resources));

    private static IEnumerable<MessagePiece> WithoutResourceTexts(List<MessagePiece> pieces)
    {
        foreach (var piece in pieces)
        {
            if (!piece.FromResource)
            {
                yield return piece;
            }
        }
    }

    /// <summary>
    /// The other half of a problem response (the detail under a title, the title over a detail), judged with the
    /// message as one; null when there is none.
    /// </summary>
    public PartnerText? Partner => _site.Partner(Rules.Resources);

    /// <summary>
    /// The failure kind a message text (or the message as a whole, for null) is most likely about here, or null. Only
    /// in connection code: the catalogue's messages are about the Pleo key, so elsewhere ("Invalid request" for an
    /// expense report's month) no kind is likely, whatever the words, and the fix lets a person choose.
    /// </summary>
    public FailureKind? KindFor(MessagePiece? piece) =>
        !Scope.IsConnectionCode
            ? null
            : Sink.Kind == UserMessageSinkKind.ValidationMessage
            ? FailureKind.WrongFormat // a validation attribute judges the text entered, before any call to Pleo
            : piece is null
                ? Scope.KindFor(null, _site.FromStatus, _site.FromResponse)
                : Scope.KindFor(piece.Operation, Sink.Value, piece.Text, _site.FromStatus, _site.FromResponse);

    /// <summary>Reports a diagnostic whose code fix replaces <paramref name="replace"/> with a catalogue message; never in a sign-in flow.</summary>
    public void Report(DiagnosticDescriptor descriptor, IOperation at, IOperation replace, FailureKind? kind, bool fixable, params object[] arguments)
    {
        if (Scope.IsSignIn)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (kind is not null)
        {
            properties[MessageDiagnosticProperties.FailureKind] = kind.Value.ToString();
        }

        if (!fixable)
        {
            properties[MessageDiagnosticProperties.NotFixable] = "true";
        }

        _report(Diagnostic.Create(
            descriptor,
            at.Syntax.GetLocation(),
            new[] { replace.Syntax.GetLocation() },
            properties.ToImmutable(),
            arguments));
    }

    /// <summary>"; this code handles an invalid API key" when the kind is known, otherwise nothing.</summary>
    public static string KindSuffix(FailureKind? kind) =>
        kind is null ? string.Empty : "; this code handles " + MessageCatalogue.Describe(kind.Value);
}

/// <summary>The keys of <see cref="Diagnostic.Properties"/> the message rules set for their code fixes.</summary>
internal static class MessageDiagnosticProperties
{
    /// <summary>The <see cref="FailureKind"/> name the code fix offers first.</summary>
    public const string FailureKind = "FailureKind";

    /// <summary>Present when the text lives elsewhere (a .resx entry) and is fixed there.</summary>
    public const string NotFixable = "NotFixable";
}

/// <summary>
/// What the message rules share per compilation: the sinks, raw-detail finder, resource texts and
/// settings. <see cref="Rules.MessageQualityAnalyzer"/> registers the rules through <see cref="Register"/>; each judges one <see cref="MessageUse"/> at a time;
/// test projects, test methods, sign-in flows and state labels never reach a rule.
/// </summary>
internal sealed class MessageRules
{
    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core", "MSTest.TestFramework",
    };

    private static readonly ImmutableHashSet<string> TestAttributeNames = ImmutableHashSet.Create(
        "Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod", "TestClass", "TestFixture",
        "FactAttribute", "TheoryAttribute", "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute", "TestMethodAttribute",
        "DataTestMethodAttribute", "TestClassAttribute", "TestFixtureAttribute");

    private readonly Lazy<RawDetails> _rawDetails;

    private MessageRules(Compilation compilation, ResourceTexts resources)
    {
        // Resolved when a rule first needs it, not at compilation start: the first type lookup of a build
        // loads namespaces of every referenced assembly, work the compiler does anyway once it binds code.
        _rawDetails = new Lazy<RawDetails>(() => new RawDetails(compilation));
        Resources = resources;
    }

    public RawDetails RawDetails => _rawDetails.Value;

    public ResourceTexts Resources { get; }

    /// <summary>Call from <c>Initialize</c> after enabling concurrent execution and <see cref="GeneratedCode.SkippedInActions"/>.</summary>
    public static void Register(AnalysisContext context, ImmutableArray<MessageQualityRule> rules)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (IsTestProject(start.Compilation))
            {
                return;
            }

            // The .resx texts are read only when a rule judges them; a rule that does not is never shown them (MessageUse.Pieces).
            var judgesResources = false;
            foreach (var rule in rules)
            {
                judgesResources |= rule.NeedsResources;
            }

            var shared = new MessageRules(
                start.Compilation,
                judgesResources ? ResourceTexts.For(start.Compilation, start.Options.AdditionalFiles, start.CancellationToken) : ResourceTexts.None);

            var sites = MessageSites.For(start.Compilation, start.Options);
            start.RegisterOperationBlockAction(block =>
            {
                // A component's @code block and markup handlers are the developer's code, in a generated file.
                if (block.IsGeneratedCode && !(block.OperationBlocks.Length > 0 && RazorSinks.IsComponentOutput(block.OperationBlocks[0].Syntax.SyntaxTree)))
                {
                    return;
                }

                var found = sites.In(block.OperationBlocks, block.OwningSymbol);
                if (found.IsEmpty || IsTestCode(block.OwningSymbol))
                {
                    return;
                }

                // One delegate per body: a delegate over the context struct's method boxes the struct.
                Action<Diagnostic> report = block.ReportDiagnostic;
                foreach (var site in found)
                {
                    if (site.Sink.IsStateLabel)
                    {
                        continue;
                    }

                    // A sign-in flow's messages are the sign-in's business: MessageUse.Report drops them, so a
                    // site's scope is worked out only when a rule would report there.
                    foreach (var rule in rules)
                    {
                        rule.Judge(new MessageUse(site, rule, shared, report));
                    }
                }
            });
        });
    }

    /// <remarks>
    /// Reads the references' file names: asking for the referenced assemblies' identities (or for all
    /// references, #r directives included) binds every reference, which at compilation start falls to
    /// whichever analyzer asks first.
    /// </remarks>
    /// <summary>A project that references a test framework: its messages are fakes and assertions, never shown to users.</summary>
    public static bool IsTestProject(Compilation compilation)
    {
        foreach (var reference in compilation.ExternalReferences)
        {
            var name = reference is PortableExecutableReference { FilePath: { } path } ? Path.GetFileNameWithoutExtension(path) : reference.Display;
            if (name is not null && Array.IndexOf(TestFrameworkAssemblies, name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTestCode(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } type && TestAttributeNames.Contains(type.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
