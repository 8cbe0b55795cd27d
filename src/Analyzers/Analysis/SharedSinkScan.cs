using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// One scan per operation for all seven secret rules: the first rule to reach an operation asks every sink
/// table and follows the secrets once (with one <see cref="SecretFlow"/> per method body); the others read
/// the cached answer and keep the findings of their own kinds.
/// </summary>
internal sealed class SharedSinkScan
{
    private static readonly ConditionalWeakTable<Compilation, SharedSinkScan> PerCompilation = new();

    // Every invocation, creation, assignment and return passes through here; most reach no sink, so the
    // working lists are reused per thread (nested scans for callees use their own lists).
    [System.ThreadStatic]
    private static List<Finding>? t_findings;

    [System.ThreadStatic]
    private static List<SinkOperand>? t_operands;

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly ImmutableArray<SinkTable> _tables;
    private readonly CallSummaries _calls;
    private readonly ConditionalWeakTable<IOperation, SecretFlow> _flows = new();
    private readonly ConditionalWeakTable<IOperation, ScanResult> _results = new();

    private SharedSinkScan(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        _options = options;
        _tables = SinkCatalogue.For(compilation).Present(SinkKindSet.All);
        _calls = CallSummaries.For(compilation, options);
    }

    public static SharedSinkScan For(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.GetValue(compilation, c => new SharedSinkScan(c, options));

    /// <summary>The findings and sink operands of <paramref name="operation"/>, which belongs to the method body <paramref name="blocks"/>.</summary>
    public ScanResult Scan(IOperation operation, ImmutableArray<IOperation> blocks, SyntaxTree tree)
    {
        if (_results.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var flow = _flows.GetValue(blocks[0], _ =>
        {
            var model = SecretModel.For(_compilation, _options, tree);
            return new SecretFlow(model, blocks, _calls, model.CallDepth);
        });
        var findings = t_findings ??= new List<Finding>();
        var operands = t_operands ??= new List<SinkOperand>();
        findings.Clear();
        operands.Clear();
        SinkScan.Scan(operation, _tables, flow, _calls, findings, operands);
        var result = findings.Count == 0 && operands.Count == 0
            ? ScanResult.Empty
            : new ScanResult(findings.ToImmutableArray(), operands.ToImmutableArray());

        // Two rules may race here; both computed the same answer, and the table keeps one.
        return _results.GetValue(operation, _ => result);
    }

    internal sealed class ScanResult
    {
        public static readonly ScanResult Empty = new(ImmutableArray<Finding>.Empty, ImmutableArray<SinkOperand>.Empty);

        public ScanResult(ImmutableArray<Finding> findings, ImmutableArray<SinkOperand> operands)
        {
            Findings = findings;
            Operands = operands;
        }

        public ImmutableArray<Finding> Findings { get; }

        public ImmutableArray<SinkOperand> Operands { get; }
    }
}
