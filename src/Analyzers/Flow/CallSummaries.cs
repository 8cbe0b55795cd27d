using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// What a method of this compilation does with a parameter: which sinks it reaches and whether the method
/// returns it. Computed on demand from the callee's body, bounded by <c>pleouxguard.call_depth</c>, cached.
/// </summary>
internal sealed class CallSummaries
{
    private static readonly ConditionalWeakTable<Compilation, CallSummaries> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly SinkTables _tables;
    private readonly ConcurrentDictionary<CallKey, ImmutableArray<Finding>> _reach = new();
    // What the method returns of the parameter: a ReturnedPart, kept as its number (see CallKey on generic instantiations).
    private readonly ConcurrentDictionary<CallKey, int> _returns = new();

    private CallSummaries(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        _options = options;
        _tables = SinkCatalogue.For(compilation).Present(SinkKindSet.All);
    }

    public static CallSummaries For(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.GetValue(compilation, c => new CallSummaries(c, options));

    /// <summary>Methods whose body this compilation has: ordinary methods, local functions and constructors, not abstract or extern.</summary>
    public static bool IsFollowed(IMethodSymbol method) =>
        method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor
        && !method.IsAbstract
        && !method.IsExtern
        && !method.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>The sinks of every kind the parameter reaches inside <paramref name="method"/> (and its callees, <paramref name="depth"/> more levels).</summary>
    public ImmutableArray<Finding> Reach(IMethodSymbol method, int ordinal, int depth)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        return _reach.GetOrCompute(new CallKey(method, ordinal, depth), this, static (self, key) => self.ComputeReach(key.Method, key.Ordinal, key.Depth));
    }

    /// <summary>What <paramref name="method"/> returns of the parameter: nothing, all of it (perhaps reshaped), a part beyond its last four characters, or either.</summary>
    public ReturnedPart Returned(IMethodSymbol method, int ordinal, int depth)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        return IsFollowed(method)
            ? (ReturnedPart)_returns.GetOrCompute(new CallKey(method, ordinal, depth), this, static (self, key) => (int)self.ComputeReturned(key.Method, key.Ordinal, key.Depth))
            : ReturnedPart.Nothing;
    }

    private ImmutableArray<Finding> ComputeReach(IMethodSymbol method, int ordinal, int depth)
    {
        // A parameter that is a secret by its own name is reported inside the callee, once; asked before the
        // callee's body is bound, which is the costly part of a summary.
        if (IsSecretParameter(method, ordinal) || !TryFlow(method, ordinal, depth, out var flow, out var body, out var seed))
        {
            return ImmutableArray<Finding>.Empty;
        }

        var findings = new List<Finding>();
        foreach (var operation in body.Candidates)
        {
            SinkScan.Scan(operation, method, _tables, flow, this, findings);
        }

        var reached = ImmutableArray.CreateBuilder<Finding>();
        foreach (var finding in findings)
        {
            if (SymbolEqualityComparer.Default.Equals(finding.Hit.Source, seed))
            {
                reached.Add(finding);
            }
        }

        return reached.ToImmutable();
    }

    private ReturnedPart ComputeReturned(IMethodSymbol method, int ordinal, int depth)
    {
        if (!TryFlow(method, ordinal, depth, out var flow, out var body, out var seed))
        {
            return ReturnedPart.Nothing;
        }

        var returned = ReturnedPart.Nothing;
        var returns = 0;
        var hits = new List<SecretHit>();
        foreach (var operation in body.Candidates)
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                returns++;
                if (IsShortGuarded(operation, value))
                {
                    continue;
                }

                hits.Clear();
                flow.Collect(value, hits);
                foreach (var hit in hits)
                {
                    if (SymbolEqualityComparer.Default.Equals(hit.Source, seed))
                    {
                        returned |= !hit.IsPartial ? ReturnedPart.Whole | (IsUnconditional(value) ? ReturnedPart.WholeOnEveryPath : 0)
                            : hit.IsFixedPart ? ReturnedPart.Partial | ReturnedPart.FixedPart
                            : ReturnedPart.Partial;
                    }
                }
            }
        }

        // Only a method's one return is on every path that does not throw: after an earlier return (`if (key.Length > 4)
        // return Mask(key);`) the last one may be a short key's guard written the other way round.
        return returns == 1 ? returned : returned & ~ReturnedPart.WholeOnEveryPath;
    }

    /// <summary>A returned value with no choice inside it (<c>key.Trim()</c>, not <c>key.Length &lt; 12 ? key : …</c>).</summary>
    private static bool IsUnconditional(IOperation value)
    {
        foreach (var part in value.DescendantsAndSelf())
        {
            if (part is IConditionalOperation or ISwitchExpressionOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>if (key.Length &lt;= 4) return key;</c>: a return of a text its branch knows to be at most four characters long.</summary>
    private static bool IsShortGuarded(IOperation returned, IOperation value)
    {
        for (IOperation node = returned; node.Parent is { } parent; node = parent)
        {
            if (parent is IConditionalOperation branch && TextTransforms.ShowsOnlyShortText(branch, node, value))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSecretParameter(IMethodSymbol method, int ordinal) =>
        IsFollowed(method)
        && ordinal < method.Parameters.Length
        && SecretModel.For(_compilation, _options, method.DeclaringSyntaxReferences[0].SyntaxTree).IsSecret(method.Parameters[ordinal]);

    private bool TryFlow(IMethodSymbol method, int ordinal, int depth, out SecretFlow flow, out BodyOperations body, out IParameterSymbol seed)
    {
        flow = null!;
        body = null!;
        seed = null!;
        if (!IsFollowed(method) || ordinal >= method.Parameters.Length)
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (syntax is TypeDeclarationSyntax)
        {
            // A primary constructor: its one statement is the base call (`: Exception($"… {value}")`).
            if (PrimaryConstructors.BaseCallOf(syntax) is not { } baseCall)
            {
                return false;
            }

            syntax = baseCall;
        }

        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return false;
        }

#pragma warning disable RS1030 // A callee's body lives in another tree than the one being analysed. Roslyn 4.x analyzer drivers cache semantic models per tree, so this does not rebind.
        var semanticModel = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var operation = semanticModel.GetOperation(syntax);
        if (operation is null)
        {
            return false;
        }

        // Not the thread's last body: the caller's body, being analysed, stays the one the next rule finds indexed.
        body = BodyOperations.Index(ImmutableArray.Create(operation));
        seed = method.Parameters[ordinal];
        var model = SecretModel.For(_compilation, _options, syntax.SyntaxTree);
        flow = new SecretFlow(model, body, this, depth, seed);
        return true;
    }

    /// <summary>A callee's parameter at a call depth, the key of both summaries.</summary>
    /// <remarks>
    /// A class rather than a value tuple: a cache keyed by a struct is a generic instantiation of its own, which
    /// every compiler process JIT-compiles and loads afresh, even from the precompiled analyzer; reference keys
    /// share code the runtime already has.
    /// </remarks>
    private sealed class CallKey : IEquatable<CallKey>
    {
        public CallKey(IMethodSymbol method, int ordinal, int depth)
        {
            Method = method;
            Ordinal = ordinal;
            Depth = depth;
        }

        public IMethodSymbol Method { get; }

        public int Ordinal { get; }

        public int Depth { get; }

        public bool Equals(CallKey? other) =>
            other is not null && Ordinal == other.Ordinal && Depth == other.Depth && SymbolEqualityComparer.Default.Equals(Method, other.Method);

        public override bool Equals(object? obj) => Equals(obj as CallKey);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Method) * 31 + Ordinal) * 31 + Depth;
    }
}

/// <summary>What a method returns of one of its parameters, by any of its returns.</summary>
[Flags]
internal enum ReturnedPart
{
    Nothing = 0,

    /// <summary>All of it, perhaps reshaped: what the caller passed, it gets back.</summary>
    Whole = 1,

    /// <summary>A part other than at most its last four characters (<c>key[..8] + "…"</c>): PUX005 where it is shown.</summary>
    Partial = 2,

    /// <summary>One of those parts is fixed in the code (<c>key[..8]</c>, not <c>key[i]</c> in a loop): given away whatever the text.</summary>
    FixedPart = 4,

    /// <summary>
    /// All of it, by the method's one return, with no branch on the way (<c>Normalize(key) =&gt; key.Trim()</c>): not a
    /// short key's guard, so even a method named as a masker gives the key away.
    /// </summary>
    WholeOnEveryPath = 8,
}
