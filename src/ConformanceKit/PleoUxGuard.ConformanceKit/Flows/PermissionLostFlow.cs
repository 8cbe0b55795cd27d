using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// An admin takes a permission away from the installation in Pleo: the key is answered 403 from then on. Pleo's facts
/// ask that permission errors be shown clearly, so the warning must be about permissions (UXK-ERR-2), not a revocation.
/// </summary>
public sealed class PermissionLostFlow : KeyLossFlow
{
    public override string Id => "permission-lost";

    public override string Title => "The key loses a permission, then recover";

    public override IReadOnlyList<CheckDefinition> Checks { get; } = [.. KeyLossChecks, CheckCatalogue.Err2];

    protected override string Loss => "lost a permission";

    protected override string Situation => "lost-permission";

    protected override void Lose(KeyRegistry keys, MintedKey key) => keys.WithdrawScope(key);

    /// <summary>
    /// A key for the same company with every permission, as the customer gets by installing the integration again and
    /// granting them: a new key of the same installation would lack the permission too.
    /// </summary>
    protected override MintedKey MintReplacement(KeyRegistry keys, MintedKey lost) => keys.MintValid(lost.CompanyId);

    protected override Task JudgeWarningAsync(FlowContext context, ShownMessage message) =>
        ErrorChecks.JudgeMissingPermissionMessageAsync(context, message, invalidKeyMessage: null);
}
