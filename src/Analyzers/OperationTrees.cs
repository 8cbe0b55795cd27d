using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers;

/// <summary>Moves within an operation tree that the rules make again and again.</summary>
internal static class OperationTrees
{
    /// <summary>The operation under any conversions (<c>(object)key</c>, an implicit boxing or widening).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The top of the tree the operation belongs to: the body or initializer it was bound from.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
