using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>A secret found in an operand: which secret, where it shows in the operand, whole or a slice of it.</summary>
internal readonly struct SecretHit
{
    public SecretHit(ISymbol? source, string sourceName, IOperation at, bool isPartial)
        : this(source, sourceName, at, isPartial, isFixedPart: false, slicesWholeSecret: false, isInText: false, atHoldsMore: false)
    {
    }

    private SecretHit(ISymbol? source, string sourceName, IOperation at, bool isPartial, bool isFixedPart, bool slicesWholeSecret, bool isInText, bool atHoldsMore)
    {
        Source = source;
        SourceName = sourceName;
        At = at;
        IsPartial = isPartial;
        IsFixedPart = isFixedPart;
        SlicesWholeSecret = slicesWholeSecret;
        IsInText = isInText;
        AtHoldsMore = atHoldsMore;
    }

    /// <summary>The secret member a serialized object's text holds: <paramref name="at"/> is the whole JSON.</summary>
    public static SecretHit InSerializedText(ISymbol member, IOperation at) =>
        new(member, member.Name, at, isPartial: false, isFixedPart: false, slicesWholeSecret: false, isInText: true, atHoldsMore: true);

    /// <summary>The secret's symbol (null for a configuration key read).</summary>
    public ISymbol? Source { get; }

    /// <summary>The secret symbol as the message names it: <c>apiKey</c>, <c>GetApiKey()</c>.</summary>
    public string SourceName { get; }

    /// <summary>The innermost part of the operand that carries the secret; the diagnostic goes here.</summary>
    public IOperation At { get; }

    /// <summary>A slice other than the last 4 characters (PUX005), rather than the whole secret.</summary>
    public bool IsPartial { get; }

    /// <summary>
    /// The slice is fixed in the code (<c>key[..8]</c>, not <c>key[i]</c> in a loop): given away whatever the text,
    /// which is what condemns a masking helper (<see cref="TextTransforms.IsFixedSlice"/>).
    /// </summary>
    public bool IsFixedPart { get; }

    /// <summary>
    /// <see cref="At"/> is a slice cut from a value that holds the whole secret (<c>apiKey[..8]</c>, not
    /// <c>prefix[..6]</c> of a <c>prefix</c> that holds a part): the one place where masking the sliced value keeps
    /// only the key's last four.
    /// </summary>
    public bool SlicesWholeSecret { get; }

    /// <summary>
    /// The secret was made part of a longer text on the way to <see cref="At"/> (an interpolation, a concatenation,
    /// JSON): once the hit is moved to what holds that text (<see cref="WithAt"/>), <see cref="At"/> holds more than the secret.
    /// </summary>
    public bool IsInText { get; }

    /// <summary>
    /// <see cref="At"/> holds more than the secret (<c>page</c> built around it, <c>JsonSerializer.Serialize(row)</c>):
    /// masking it would keep that text's last four, not the key's.
    /// </summary>
    public bool AtHoldsMore { get; }

    public SecretHit WithAt(IOperation at) => new(Source, SourceName, at, IsPartial, IsFixedPart, slicesWholeSecret: false, IsInText, atHoldsMore: IsInText);

    /// <summary>The hit as a part of a longer text made around it; <see cref="At"/> still points at the secret.</summary>
    public SecretHit AsInText() => new(Source, SourceName, At, IsPartial, IsFixedPart, SlicesWholeSecret, isInText: true, AtHoldsMore);

    /// <summary>The hit as the slice <paramref name="at"/> keeps of it.</summary>
    public SecretHit AsPartial(IOperation at) =>
        new(Source, SourceName, at, isPartial: true, isFixedPart: (IsPartial ? IsFixedPart : true) && TextTransforms.IsFixedSlice(at), slicesWholeSecret: !IsPartial, isInText: false, atHoldsMore: false);

    /// <summary>The hit as a part a method returns (<paramref name="call"/>), fixed as the part was.</summary>
    public SecretHit AsReturnedPart(IOperation call, bool isFixedPart) => new(Source, SourceName, call, isPartial: true, isFixedPart, slicesWholeSecret: false, isInText: false, atHoldsMore: false);
}
