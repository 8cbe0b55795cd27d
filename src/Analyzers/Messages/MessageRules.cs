using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>One message reaching a user-facing sink, with what the message rules need to judge it.</summary>
internal sealed class MessageUse
{
    private readonly Lazy<(MessageScope Scope, FailureKind? FromStatus)> _scope;

    public MessageUse(OperationAnalysisContext context, UserMessageSinkUse sink, MessageRules rules, MessageSettings settings)
    {
        Context = context;
        Sink = sink;
        Rules = rules;
        Settings = settings;
        _scope = new Lazy<(MessageScope, FailureKind?)>(() =>
        {
            var scope = MessageScope.Of(context.Operation, context.ContainingSymbol, settings, out var fromStatus);
            return (scope, fromStatus);
        });
    }

    public OperationAnalysisContext Context { get; }

    public UserMessageSinkUse Sink { get; }

    public MessageRules Rules { get; }

    public MessageSettings Settings { get; }

    public MessageScope Scope => _scope.Value.Scope;

    /// <summary>The failure kind a message text is most likely about here, or null.</summary>
    public FailureKind? KindFor(string? text) =>
        Sink.Kind == UserMessageSinkKind.ValidationMessage
            ? FailureKind.WrongFormat // a validation attribute judges the text entered, before any call to Pleo
            : Scope.KindFor(text, _scope.Value.FromStatus);

    /// <summary>Reports a diagnostic whose code fix replaces <paramref name="replace"/> with a catalogue message.</summary>
    public void Report(DiagnosticDescriptor descriptor, IOperation at, IOperation replace, FailureKind? kind, bool fixable, params object[] arguments)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (kind is not null)
        {
            properties[MessageDiagnosticProperties.FailureKind] = kind.Value.ToString();
        }

        if (!fixable)
        {
            properties[MessageDiagnosticProperties.NotFixable] = "true";
        }

        Context.ReportDiagnostic(Diagnostic.Create(
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
/// settings. Each rule registers through <see cref="Register"/> and judges one <see cref="MessageUse"/> at a time;
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

    private readonly PleoOptions _options;
    private readonly ConcurrentDictionary<OptionValues, MessageSettings> _settings = new();

    private MessageRules(Compilation compilation, AnalyzerOptions options, ResourceTexts resources)
    {
        Sinks = UserMessageSinks.Create(compilation);
        RawDetails = new RawDetails(compilation);
        Resources = resources;
        _options = PleoOptions.For(compilation, options);
    }

    public UserMessageSinks Sinks { get; }

    public RawDetails RawDetails { get; }

    public ResourceTexts Resources { get; }

    public MessageSettings SettingsFor(SyntaxTree tree) => _settings.GetOrAdd(_options.For(tree), values => new MessageSettings(values));

    /// <summary>Call from <c>Initialize</c> after enabling concurrent execution and skipping generated code.</summary>
    public static void Register(AnalysisContext context, bool needsResources, Action<MessageUse> judge)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (IsTestProject(start.Compilation))
            {
                return;
            }

            var resources = needsResources
                ? ResourceTexts.Read(start.Options.AdditionalFiles, start.CancellationToken)
                : ResourceTexts.None;
            var rules = new MessageRules(start.Compilation, start.Options, resources);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var uses = rules.Sinks.Find(operationContext.Operation);
                    if (uses.IsEmpty || IsTestCode(operationContext.ContainingSymbol))
                    {
                        return;
                    }

                    var settings = rules.SettingsFor(operationContext.Operation.Syntax.SyntaxTree);
                    foreach (var sink in uses)
                    {
                        if (sink.IsStateLabel)
                        {
                            continue;
                        }

                        var use = new MessageUse(operationContext, sink, rules, settings);
                        if (!use.Scope.IsSignIn)
                        {
                            judge(use);
                        }
                    }
                },
                UserMessageSinks.OperationKinds);
        });
    }

    private static bool IsTestProject(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (Array.IndexOf(TestFrameworkAssemblies, assembly.Name) >= 0)
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
