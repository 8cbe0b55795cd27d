using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers;

/// <summary>Moves within an operation tree that the rules make again and again.</summary>
internal static class OperationTrees
{
    // The walk's stack, reused per thread: a walk never runs inside another on the same thread.
    [ThreadStatic]
    private static IOperation.OperationList.Enumerator[]? t_stack;

    /// <summary>The operation under any conversions (<c>(object)key</c>, an implicit boxing or widening).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value passed for the parameter named <paramref name="parameterName"/>, or null when the call has none.</summary>
    public static IOperation? ArgumentFor(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The values <paramref name="lambda"/> itself returns, not a lambda inside it: <c>c.ApiKey</c> of
    /// <c>c =&gt; c.ApiKey</c>, each return of a block body.
    /// </summary>
    public static IEnumerable<IOperation> ReturnedValues(this IAnonymousFunctionOperation lambda)
    {
        foreach (var part in lambda.Body.Descendants())
        {
            if (part is IReturnOperation { ReturnedValue: { } value } returned && ReferenceEquals(EnclosingFunction(returned), lambda))
            {
                yield return value;
            }
        }
    }

    /// <summary>Whether a return leaves the body it was bound in, not a lambda or local function inside it.</summary>
    public static bool LeavesBody(this IOperation returned) => EnclosingFunction(returned) is null;

    /// <summary>The lambda or local function a return leaves: a local function's return inside a lambda is not the lambda's.</summary>
    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }
        }

        return null;
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

    /// <summary>
    /// Hands the operation and all its descendants to <paramref name="visitor"/> in tree order (parents first, as
    /// <c>DescendantsAndSelf</c> yields them).
    /// </summary>
    /// <remarks>
    /// Every body is walked this way, so it walks the child lists' struct enumerators on an explicit stack: no
    /// iterator object and no interface call per operation, and no recursion, which a long chain of
    /// concatenations would turn into a stack overflow. The visitor is a struct type argument, so each walk is
    /// compiled for its visitor and a visit is a direct call: a rule that looks at a few kinds of operation
    /// picks them out as the walk meets them, instead of storing every operation in a list (each store into an
    /// array of an interface type is a type check) and reading the list again.
    /// </remarks>
    public static void Walk<TVisitor>(this IOperation root, ref TVisitor visitor)
        where TVisitor : struct, IOperationVisitor
    {
        visitor.Visit(root);
        var stack = t_stack ?? new IOperation.OperationList.Enumerator[16];
        t_stack = null; // a visitor that walks another tree meanwhile gets a stack of its own
        var depth = 0;
        stack[depth++] = root.ChildOperations.GetEnumerator();
        try
        {
            while (depth > 0)
            {
                if (!stack[depth - 1].MoveNext())
                {
                    depth--;
                    continue;
                }

                var child = stack[depth - 1].Current;
                if (child is null)
                {
                    continue;
                }

                visitor.Visit(child);
                if (depth == stack.Length)
                {
                    Array.Resize(ref stack, depth * 2);
                }

                stack[depth++] = child.ChildOperations.GetEnumerator();
            }
        }
        finally
        {
            // Cleared, so an idle thread keeps no operation tree alive.
            Array.Clear(stack, 0, stack.Length);
            t_stack = stack;
        }
    }
}

/// <summary>What <see cref="OperationTrees.Walk{TVisitor}(IOperation, ref TVisitor)"/> hands each operation to.</summary>
internal interface IOperationVisitor
{
    void Visit(IOperation operation);
}
