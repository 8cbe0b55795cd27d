using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// The operations of one method body that the rules look at, in tree order, found by one walk shared by the
/// secret scan and the message sites (each walked the whole operation tree before).
/// </summary>
/// <remarks>
/// The two analyzers each get their own block action, and the driver runs every analyzer's block actions for a
/// declaration one after the other on one thread, so the last body indexed on this thread is the one the next
/// analyzer asks for; a body met on another thread is simply indexed again there (the same answer, only slower).
/// Unlike a table keyed by operation, this costs no lock and no GC handle per body, and it holds the last index
/// weakly, so an idle thread keeps no compilation alive. It is a field of this class rather than of a generic
/// cache: a thread-static field of a generic class shared by reference types is found through a runtime lookup
/// on every access, which in a CPU profile cost more than the index it saved.
/// </remarks>
internal sealed class BodyOperations
{
    [ThreadStatic]
    private static WeakReference<BodyOperations>? t_last;

    // Working lists, reused per thread: a body is indexed completely before the next one on that thread.
    [ThreadStatic]
    private static List<IOperation>? t_candidates;

    [ThreadStatic]
    private static List<IOperation>? t_references;

    [ThreadStatic]
    private static List<IOperation>? t_definers;

    private BodyOperations(ImmutableArray<IOperation> blocks, IOperation[] candidates, IOperation[] references, IOperation[][] definers)
    {
        Blocks = blocks;
        Candidates = candidates;
        References = references;
        Definers = definers;
    }

    /// <summary>The body's operation blocks; the first identifies the body.</summary>
    public ImmutableArray<IOperation> Blocks { get; }

    /// <summary>Invocations, object creations, assignments (simple, <c>??=</c> and compound) and returns: the operations that can be sinks.</summary>
    public IOperation[] Candidates { get; }

    /// <summary>References to locals, parameters, fields and properties: where a body can read a secret.</summary>
    public IOperation[] References { get; }

    /// <summary>
    /// Per block (in the order of <see cref="Blocks"/>), the operations that can give a local or parameter a value
    /// (<see cref="DefinitionCollector.CanDefine"/>), in tree order: found by the same walk, so the flow of a body
    /// that reads a secret needs no second one.
    /// </summary>
    public IOperation[][] Definers { get; }

    /// <summary>The index of the body <paramref name="blocks"/>, computed once for every rule that asks.</summary>
    public static BodyOperations Of(ImmutableArray<IOperation> blocks)
    {
        var last = t_last;
        if (last is not null && last.TryGetTarget(out var known) && ReferenceEquals(known.Blocks[0], blocks[0]))
        {
            return known;
        }

        var index = Index(blocks);
        if (last is null)
        {
            t_last = new WeakReference<BodyOperations>(index);
        }
        else
        {
            last.SetTarget(index);
        }

        return index;
    }

    /// <summary>
    /// The index of <paramref name="blocks"/> without keeping it as this thread's last body: for a body read
    /// while another is analysed (a callee's), which must not make the next rule index that one again.
    /// </summary>
    public static BodyOperations Index(ImmutableArray<IOperation> blocks)
    {
        var indexer = new Indexer(t_candidates ??= new List<IOperation>(), t_references ??= new List<IOperation>(), t_definers ??= new List<IOperation>());
        try
        {
            var definers = new IOperation[blocks.Length][];
            for (var block = 0; block < blocks.Length; block++)
            {
                blocks[block].Walk(ref indexer);
                definers[block] = indexer.Definers.Count == 0 ? Array.Empty<IOperation>() : indexer.Definers.ToArray();
                indexer.Definers.Clear();
            }

            return new BodyOperations(blocks, indexer.Candidates.ToArray(), indexer.References.ToArray(), definers);
        }
        finally
        {
            // Emptied, even when the walk fails, so the next body on this thread starts from nothing and an
            // idle thread keeps no operation tree alive.
            indexer.Candidates.Clear();
            indexer.References.Clear();
            indexer.Definers.Clear();
        }
    }

    /// <summary>Sorts the operations of a body into candidates, references and definers as the walk meets them.</summary>
    private readonly struct Indexer : IOperationVisitor
    {
        public Indexer(List<IOperation> candidates, List<IOperation> references, List<IOperation> definers)
        {
            Candidates = candidates;
            References = references;
            Definers = definers;
        }

        public List<IOperation> Candidates { get; }

        public List<IOperation> References { get; }

        public List<IOperation> Definers { get; }

        public void Visit(IOperation operation)
        {
            var kind = operation.Kind;
            switch (kind)
            {
                case OperationKind.Invocation:
                case OperationKind.ObjectCreation:
                case OperationKind.SimpleAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.CompoundAssignment:
                case OperationKind.Return:
                case OperationKind.YieldReturn:
                    Candidates.Add(operation);
                    break;
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                    References.Add(operation);
                    return;
            }

            if (DefinitionCollector.CanDefine(kind))
            {
                Definers.Add(operation);
            }
        }
    }
}
