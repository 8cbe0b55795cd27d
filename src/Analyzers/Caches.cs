using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PleoUxGuard.Analyzers;

/// <summary>Cache lookups for the hot paths (per method body, per reference).</summary>
/// <remarks>
/// Marked for inlining: most keys are symbols, so a call runs the code shared by all reference types, which finds
/// the dictionary's methods through a runtime lookup on every call (its own frame was a twentieth of our samples
/// in a CPU profile). Inlined, each caller knows its exact types. The JIT inlines it (the IL build, and the
/// precompiled build's hot methods once the runtime recompiles them); the precompiled code itself still calls it.
/// </remarks>
internal static class Caches
{
    /// <summary>
    /// The cached answer for <paramref name="key"/>, computed on a miss. Unlike <c>GetOrAdd</c> with a method
    /// group or a capturing lambda, which allocates a delegate on every call, a hit allocates nothing: pass
    /// what <paramref name="compute"/> needs as <paramref name="state"/> and give a static lambda.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TValue GetOrCompute<TKey, TValue, TState>(
        this ConcurrentDictionary<TKey, TValue> cache, TKey key, TState state, Func<TState, TKey, TValue> compute)
        where TKey : notnull =>
        cache.TryGetValue(key, out var known) ? known : cache.GetOrAdd(key, compute(state, key));

    /// <summary>As above, for a computation that needs nothing but the key (a static method: its delegate is cached).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TValue GetOrCompute<TKey, TValue>(this ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> compute)
        where TKey : notnull =>
        cache.TryGetValue(key, out var known) ? known : cache.GetOrAdd(key, compute(key));
}
