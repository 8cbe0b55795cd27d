using System;
using System.Collections.Generic;
using System.Threading;

namespace PleoUxGuard.Analyzers;

/// <summary>
/// A fixed-size cache for answers that are a pure function of their key (is this type a secret, a view
/// model, which member would JSON write), asked per reference or per sink operand. Each key has one slot:
/// reading takes no lock, and a miss computes the answer and overwrites the slot, so a key that meets another
/// in its slot is simply answered again. Memory stays bounded however long an IDE process runs.
/// </summary>
/// <remarks>
/// Replaces <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> on these paths: a
/// profile of the one-thread replays showed a fifth of our time in its locks, because the driver runs
/// analyzer callbacks on several pool threads even then, early in a compilation they all add the same
/// popular types, and on two cores a lock holder often waits for one. More lock stripes did not help.
/// </remarks>
internal sealed class AnswerCache<TKey, TValue>
    where TKey : class
{
    private readonly KeyedAnswer<TKey, TValue>?[] _slots;
    private readonly IEqualityComparer<TKey> _comparer;

    /// <param name="slotsLog2">The cache holds 2^<paramref name="slotsLog2"/> slots.</param>
    public AnswerCache(IEqualityComparer<TKey> comparer, int slotsLog2 = 12)
    {
        _comparer = comparer;
        _slots = new KeyedAnswer<TKey, TValue>?[1 << slotsLog2];
    }

    /// <summary>
    /// The answer for <paramref name="key"/>, computed on a miss. A hit allocates nothing: pass what
    /// <paramref name="compute"/> needs as <paramref name="state"/> and give a static lambda.
    /// </summary>
    public TValue GetOrCompute<TState>(TKey key, TState state, Func<TState, TKey, TValue> compute)
    {
        var hash = _comparer.GetHashCode(key);
        var slot = (hash ^ (hash >> 15)) & (_slots.Length - 1);
        if (Volatile.Read(ref _slots[slot]) is { } entry && _comparer.Equals(entry.Key, key))
        {
            return entry.Value;
        }

        var value = compute(state, key);

        // An entry is immutable and a reference write is atomic: a reader sees the old entry or the new one.
        Volatile.Write(ref _slots[slot], new KeyedAnswer<TKey, TValue>(key, value));
        return value;
    }

    /// <summary>As above, for a computation that needs nothing but the key (a static method: its delegate is cached).</summary>
    public TValue GetOrCompute(TKey key, Func<TKey, TValue> compute) =>
        GetOrCompute(key, compute, static (f, k) => f(k));
}

/// <summary>An answer and the key it answers, published together by one reference write (see <see cref="AnswerCache{TKey, TValue}"/>, <see cref="Analysis.PerBodyCache{T}"/>).</summary>
internal sealed class KeyedAnswer<TKey, TValue>
{
    public KeyedAnswer(TKey key, TValue value)
    {
        Key = key;
        Value = value;
    }

    public TKey Key { get; }

    public TValue Value { get; }
}
