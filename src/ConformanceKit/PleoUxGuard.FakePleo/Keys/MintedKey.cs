namespace PleoUxGuard.FakePleo;

/// <summary>
/// A key the fake Pleo generated. <see cref="Value"/> is the secret: never log or print it; journals,
/// reports and <see cref="ToString"/> show <see cref="Fingerprint"/> instead.
/// </summary>
public sealed record MintedKey(
    string Id,
    string Value,
    Guid CompanyId,
    IReadOnlyList<string> Scopes,
    KeyBehaviour Behaviour)
{
    /// <summary>The last four characters of the key, the only part of it anything may show.</summary>
    public string LastFour => Value[^4..];

    /// <summary>"••••" + last four + " (" + id + ")": how journals and reports name the key.</summary>
    public string Fingerprint => KeyFingerprint.Of(Value, Id);

    /// <summary>The fingerprint, never the value, so a key in string interpolation cannot leak.</summary>
    public override string ToString() => Fingerprint;
}
