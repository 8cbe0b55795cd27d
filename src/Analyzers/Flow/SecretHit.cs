using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>A secret found in an operand: which secret, where it shows in the operand, whole or a slice of it.</summary>
internal readonly struct SecretHit
{
    public SecretHit(ISymbol? source, string sourceName, IOperation at, bool isPartial)
    {
        Source = source;
        SourceName = sourceName;
        At = at;
        IsPartial = isPartial;
    }

    /// <summary>The secret's symbol (null for a configuration key read).</summary>
    public ISymbol? Source { get; }

    /// <summary>The secret symbol as the message names it: <c>apiKey</c>, <c>GetApiKey()</c>.</summary>
    public string SourceName { get; }

    /// <summary>The innermost part of the operand that carries the secret; the diagnostic goes here.</summary>
    public IOperation At { get; }

    /// <summary>A slice other than the last 4 characters (PUX005), rather than the whole secret.</summary>
    public bool IsPartial { get; }

    public SecretHit WithAt(IOperation at) => new(Source, SourceName, at, IsPartial);

    public SecretHit AsPartial(IOperation at) => new(Source, SourceName, at, isPartial: true);
}
