namespace PleoUxGuard.Analyzers.Flow;

/// <summary>What part of a secret an operation keeps.</summary>
internal enum Slice
{
    /// <summary>All of it, perhaps reshaped (trimmed, upper-cased, encoded).</summary>
    Whole,

    /// <summary>Any part other than at most its last four characters (PUX005).</summary>
    Partial,

    /// <summary>At most the last four characters: safe to show (R-VIS-2).</summary>
    LastFour,
}
