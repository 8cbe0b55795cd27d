using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>An admin takes a permission away from the installation in Pleo: the key is answered 403 from then on.</summary>
public sealed class PermissionLostFlow : KeyLossFlow
{
    public override string Id => "permission-lost";

    public override string Title => "The key loses a permission, then recover";

    protected override string Loss => "lost a permission";

    protected override string Situation => "lost-permission";

    protected override void Lose(KeyRegistry keys, MintedKey key) => keys.WithdrawScope(key);
}
