using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>The key is revoked in Pleo.</summary>
public sealed class RevokeThenRecoverFlow : KeyLossFlow
{
    public override string Id => "revoke-then-recover";

    public override string Title => "Revoke the key, then recover";

    protected override string Loss => "was revoked";

    protected override string Situation => "revoked-key";

    protected override void Lose(KeyRegistry keys, MintedKey key) => keys.Revoke(key);

    /// <summary>A new key of the same installation, as the customer generates after a revocation.</summary>
    protected override MintedKey MintReplacement(KeyRegistry keys, MintedKey lost) => keys.MintRotation(lost);
}
