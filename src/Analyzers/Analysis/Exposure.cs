using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>A secret member a sink operand exposes without carrying a secret value, and the operation that exposes it.</summary>
internal readonly struct Exposure
{
    public Exposure(ISymbol member, IOperation at)
    {
        Member = member;
        At = at;
    }

    /// <summary>The secret member that is serialized or destructured.</summary>
    public ISymbol Member { get; }

    /// <summary>Where it is exposed: the operand, or the element of a params array that holds the object.</summary>
    public IOperation At { get; }
}
