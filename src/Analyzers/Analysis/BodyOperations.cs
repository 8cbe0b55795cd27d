using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// The operations of one method body that the rules look at, in tree order, found by one walk shared by the
/// secret scan and the message sites (each walked the whole operation tree before).
/// </summary>
internal sealed class BodyOperations
{
    // Working lists, reused per thread: a body is indexed completely before the next one on that thread.
    [ThreadStatic]
    private static List<IOperation>? t_candidates;

    [ThreadStatic]
    private static List<IOperation>? t_references;

    [ThreadStatic]
    private static List<IOperation>? t_operations;

    private BodyOperations(IOperation[] candidates, IOperation[] references)
    {
        Candidates = candidates;
        References = references;
    }

    /// <summary>Invocations, object creations, simple assignments and returns: the operations that can be sinks.</summary>
    public IOperation[] Candidates { get; }

    /// <summary>References to locals, parameters, fields and properties: where a body can read a secret.</summary>
    public IOperation[] References { get; }

    /// <summary>The index of the body <paramref name="blocks"/>, computed once for every rule that asks (see <see cref="PerBodyCache{T}"/>).</summary>
    public static BodyOperations Of(ImmutableArray<IOperation> blocks) =>
        PerBodyCache<BodyOperations>.Get(blocks[0], blocks, static b => Index(b));

    private static BodyOperations Index(ImmutableArray<IOperation> blocks)
    {
        var candidates = t_candidates ??= new List<IOperation>();
        var references = t_references ??= new List<IOperation>();
        var operations = t_operations ??= new List<IOperation>();
        try
        {
            blocks.AddDescendantsAndSelf(operations);
            foreach (var operation in operations)
            {
                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                    case OperationKind.ObjectCreation:
                    case OperationKind.SimpleAssignment:
                    case OperationKind.Return:
                        candidates.Add(operation);
                        break;
                    case OperationKind.LocalReference:
                    case OperationKind.ParameterReference:
                    case OperationKind.FieldReference:
                    case OperationKind.PropertyReference:
                        references.Add(operation);
                        break;
                }
            }

            return new BodyOperations(candidates.ToArray(), references.ToArray());
        }
        finally
        {
            // Emptied, even when the walk fails, so the next body on this thread starts from nothing and an
            // idle thread keeps no operation tree alive.
            candidates.Clear();
            references.Clear();
            operations.Clear();
        }
    }
}
