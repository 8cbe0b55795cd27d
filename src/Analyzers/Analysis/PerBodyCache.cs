using System;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// Shares one answer per method body among analyzers that each get their own block action (the secret and
/// the message analyzers share a body's <see cref="BodyOperations"/>). The driver runs every analyzer's block
/// actions for a declaration one after the other on one thread, so the last body answered on this thread is
/// the one the next analyzer asks for; a body met on another thread is simply
/// answered again there (the same answer, only slower). Unlike a table keyed by operation, this costs no
/// lock and no GC handle per body, and it holds the last answer weakly, so an idle thread keeps no
/// compilation alive.
/// </summary>
internal static class PerBodyCache<T>
    where T : class
{
    [ThreadStatic]
    private static WeakReference<Entry>? t_last;

    /// <param name="block">The body's first operation block (or its root operation), which identifies it.</param>
    public static T Get<TState>(IOperation block, TState state, Func<TState, T> compute)
    {
        var last = t_last ??= new WeakReference<Entry>(null!);
        if (last.TryGetTarget(out var entry) && ReferenceEquals(entry.Block, block))
        {
            return entry.Value;
        }

        var value = compute(state);
        last.SetTarget(new Entry(block, value));
        return value;
    }

    private sealed class Entry
    {
        public Entry(IOperation block, T value)
        {
            Block = block;
            Value = value;
        }

        public IOperation Block { get; }

        public T Value { get; }
    }
}
