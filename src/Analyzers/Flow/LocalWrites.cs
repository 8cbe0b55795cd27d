using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Whether a local is only ever given values a walk of its definitions sees: before a rule takes a local named like a
/// secret for what its visible values are (a public setting, the user's own token, a known section), nothing else may
/// write to it. Walks the whole body, so it is asked only when such a judgement is about to be made.
/// </summary>
internal static class LocalWrites
{
    /// <summary>
    /// Whether every write to <paramref name="local"/> in the body of <paramref name="use"/> is its declaration or a
    /// plain assignment (<c>=</c>, <c>+=</c>, <c>??=</c>) made in the function that declares it and before the use.
    /// False when it is a ref local, passed by <c>ref</c> or <c>out</c>, aliased by <c>ref</c>, a target of a
    /// deconstruction or <c>++</c>, assigned in a lambda or local function (which may run at any time) or assigned at
    /// or after the use (a loop runs it again before the use). <paramref name="assignments"/> counts the assignments
    /// besides the declaration; <paramref name="initializer"/> is the declaration's value.
    /// </summary>
    public static bool OnlyPlain(ILocalSymbol local, IOperation use, out IOperation? initializer, out int assignments)
    {
        initializer = null;
        assignments = 0;
        if (local.IsRef)
        {
            // ref var alias = ref s: every write to s is a write to the alias, wherever it is.
            return false;
        }

        var root = use.Root();
        IOperation? declaringFunction = null;
        var declared = false;
        var usedAt = use.Syntax.SpanStart;
        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                initializer = declarator.Initializer?.Value;
                declaringFunction = EnclosingFunction(declarator, root);
                declared = true;
                continue;
            }

            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (WriteOf(reference, out var assignment))
            {
                case Write.None:
                    break;
                case Write.Plain:
                    // The declarator comes first in tree order, so its function is known by now.
                    assignments++;
                    if (!declared || assignment!.Syntax.Span.End > usedAt || EnclosingFunction(assignment, root) != declaringFunction)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return declared;
    }

    private enum Write
    {
        None,
        Plain,
        Hidden,
    }

    /// <summary>How the reference writes the local: not at all, by an assignment the definitions see, or otherwise.</summary>
    private static Write WriteOf(ILocalReferenceOperation reference, out IOperation? assignment)
    {
        assignment = null;
        IOperation current = reference;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation simple when simple.Target == current:
                assignment = simple;
                return simple.IsRef ? Write.Hidden : Write.Plain;
            case ISimpleAssignmentOperation { IsRef: true }:
                // alias = ref s: the alias now writes s.
                return Write.Hidden;
            case ICompoundAssignmentOperation compound when compound.Target == current:
                assignment = compound;
                return Write.Plain;
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == current:
                assignment = coalesce;
                return Write.Plain;
            case IIncrementOrDecrementOperation:
                return Write.Hidden;
            case IArgumentOperation argument:
                // TryGetValue("pleo", out apiKey), Swap(ref a, ref b): the callee writes it. An `in` argument cannot.
                return argument.Parameter is { RefKind: RefKind.None or RefKind.In } ? Write.None : Write.Hidden;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } }:
                return Write.Hidden;
            case IConditionalOperation { IsRef: true }:
                // ref var alias = ref (c ? ref s : ref t): the alias may write it.
                return Write.Hidden;
            case ITupleOperation:
                return InDeconstructionTarget(parent) ? Write.Hidden : Write.None;
            case IAddressOfOperation:
                return Write.Hidden;
            default:
                return Write.None;
        }
    }

    /// <summary>(apiKey, other) = (…): the tuple is, or lies within, a deconstruction's target.</summary>
    private static bool InDeconstructionTarget(IOperation tuple)
    {
        var current = tuple;
        for (var parent = tuple.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IDeconstructionAssignmentOperation deconstruction:
                    return deconstruction.Target == current;
                case ITupleOperation or IDeclarationExpressionOperation or IConversionOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The nearest lambda or local function around <paramref name="operation"/>, or null for the body itself.</summary>
    private static IOperation? EnclosingFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return current;
            }
        }

        return null;
    }
}
