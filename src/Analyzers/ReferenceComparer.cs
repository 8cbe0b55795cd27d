using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PleoUxGuard.Analyzers;

/// <summary>
/// Compares by reference. Roslyn hands out one object per definition (a type's or member's
/// <c>OriginalDefinition</c>, an attribute class) and per local or parameter within one operation tree, so
/// for caches keyed by those, reference hashing gives the same answers as <see cref="Microsoft.CodeAnalysis.SymbolEqualityComparer"/>
/// at a fraction of its cost (it hashes a type through its containing symbols). A second object for the same
/// symbol costs a cache miss, never a wrong answer.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    private ReferenceComparer()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
