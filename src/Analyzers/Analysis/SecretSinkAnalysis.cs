using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// The engine behind the thin secret rules: per compilation it keeps the rules one of whose sink tables is
/// referenced at all (and stops when none is); per method body it reads the <see cref="SharedSinkScan"/> that all
/// secret rules share and reports each rule's findings.
/// </summary>
internal static class SecretSinkAnalysis
{
    /// <summary>Diagnostic property: the documentation id of the member a serialized object exposes (for the [JsonIgnore] fix).</summary>
    public const string ExposedMemberProperty = "ExposedMember";

    /// <summary>
    /// Diagnostic property: the reported part is a slice cut from the whole secret, so masking what it slices keeps
    /// only the key's last four (for the PUX005 mask fix; a slice of a part would show the middle of the key).
    /// </summary>
    public const string SliceOfWholeSecretProperty = "SliceOfWholeSecret";

    /// <summary>
    /// Diagnostic property: the diagnostic's expression holds more than the secret (a text built around it, an object's
    /// JSON), so masking it would keep that text's last four: the mask fix is not offered.
    /// </summary>
    public const string HoldsMoreThanSecretProperty = "HoldsMoreThanSecret";

    private static readonly ImmutableDictionary<string, string?> HoldsMoreThanSecret =
        ImmutableDictionary<string, string?>.Empty.Add(HoldsMoreThanSecretProperty, null);

    private static readonly ImmutableDictionary<string, string?> SliceOfWholeSecret =
        ImmutableDictionary<string, string?>.Empty.Add(SliceOfWholeSecretProperty, null);

    /// <summary>The properties of a diagnostic reported at <paramref name="hit"/>.</summary>
    public static ImmutableDictionary<string, string?>? PropertiesOf(SecretHit hit) =>
        hit.SlicesWholeSecret ? SliceOfWholeSecret : hit.AtHoldsMore ? HoldsMoreThanSecret : null;

    /// <summary>
    /// Registers one block action for <paramref name="rules"/>: per method body it reads the shared scan once and
    /// reports, for each rule, the findings of its kinds, as each rule's own callback did before.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, ImmutableArray<SecretSinkRule> rules)
    {
        var compilation = start.Compilation;
        var options = start.Options;

        // The sink types are resolved on the first body, not at compilation start: the first type lookup of a
        // build binds every reference and loads namespaces of every referenced assembly, work the compiler does
        // anyway once it binds code. A compilation that references none of the rules' sink types still costs
        // one check per body.
        var watching = new Lazy<ImmutableArray<SecretSinkRule>>(() => Watching(SinkCatalogue.For(compilation), rules));
        var shared = new Lazy<SharedSinkScan?>(() => watching.Value.IsEmpty ? null : SharedSinkScan.For(compilation, options));
        start.RegisterOperationBlockAction(block =>
        {
            var tree = block.OperationBlocks.IsEmpty ? null : block.OperationBlocks[0].Syntax.SyntaxTree;
            // Razor output is generated, but all of it is what the developer wrote: markup, @code and @functions blocks.
            if (tree is null || (block.IsGeneratedCode && !RazorSinks.IsRazorOutput(tree)) || shared.Value is not { } scanner)
            {
                return;
            }

            var scan = scanner.Scan(block.OperationBlocks, block.OwningSymbol, tree);
            if (scan.Results.Length == 0)
            {
                return;
            }

            SecretModel? model = null;
            foreach (var rule in watching.Value)
            {
                Report(block, rule, scan, compilation, options, tree, ref model);
            }
        });
    }

    /// <summary>The rules at least one of whose sink tables this compilation can reach at all.</summary>
    private static ImmutableArray<SecretSinkRule> Watching(SinkCatalogue catalogue, ImmutableArray<SecretSinkRule> rules)
    {
        var watching = ImmutableArray.CreateBuilder<SecretSinkRule>(rules.Length);
        foreach (var rule in rules)
        {
            if (!catalogue.Present(rule.Kinds).IsEmpty)
            {
                watching.Add(rule);
            }
        }

        return watching.ToImmutable();
    }

    private static void Report(
        OperationBlockAnalysisContext block, SecretSinkRule rule, SharedSinkScan.BodyScan scan, Compilation compilation, AnalyzerOptions options, SyntaxTree tree, ref SecretModel? model)
    {
        var kinds = rule.Kinds;

        // One secret can reach two sinks of a rule at once: a ProblemDetails an endpoint returns sends its Extensions
        // and is the handler's response. The first, the nearer sink, is the one reported; two secrets met at one place
        // (Combine(apiKey, clientSecret)) are reported each.
        HashSet<(SyntaxNode At, string Source)>? reportedAt = null;
        foreach (var result in scan.Results)
        {
            var reported = false;
            for (var index = result.FindingStart; index < result.FindingEnd; index++)
            {
                var finding = scan.Findings[index];
                if (kinds.Contains(finding.Kind))
                {
                    reported = true;
                    if (finding.IsPartial == rule.Partial
                        && !UserBoundTokens.GoesWhereMeant(finding.Hit.Source, finding.Kind)
                        && (reportedAt ??= new HashSet<(SyntaxNode, string)>()).Add((finding.Hit.At.Syntax, finding.Hit.SourceName)))
                    {
                        block.ReportDiagnostic(Diagnostic.Create(
                            rule.Descriptor, RazorSinks.ReportLocation(finding.Hit.At.Syntax), PropertiesOf(finding.Hit), finding.Hit.SourceName, finding.SinkName));
                    }
                }
            }

            if (rule.Unflowed is not { } unflowed || reported)
            {
                continue;
            }

            for (var index = result.OperandStart; index < result.OperandEnd; index++)
            {
                var operand = scan.Operands[index];
                if (kinds.Contains(operand.Kind)
                    && unflowed(operand.Operand, model ??= SecretModel.For(compilation, options, tree)) is { } exposed
                    && (reportedAt ??= new HashSet<(SyntaxNode, string)>()).Add((exposed.At.Syntax, exposed.Member.Name)))
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(ExposedMemberProperty, DocumentationCommentId.CreateDeclarationId(exposed.Member));
                    block.ReportDiagnostic(Diagnostic.Create(rule.Descriptor, exposed.At.Syntax.GetLocation(), properties, exposed.Member.Name, operand.SinkName));
                }
            }
        }
    }
}
