namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>A set of <see cref="SinkKind"/>s, as a rule watches them.</summary>
internal readonly struct SinkKindSet
{
    private readonly int _bits;

    private SinkKindSet(int bits) => _bits = bits;

    public static SinkKindSet All => new(~0);

    public static SinkKindSet None => default;

    public static SinkKindSet Of(SinkKind kind) => new(1 << (int)kind);

    public SinkKindSet With(SinkKind kind) => new(_bits | (1 << (int)kind));

    public bool Contains(SinkKind kind) => (_bits & (1 << (int)kind)) != 0;

    public bool IsSubsetOf(SinkKindSet other) => (_bits & ~other._bits) == 0;

    public bool IsEmpty => _bits == 0;
}
