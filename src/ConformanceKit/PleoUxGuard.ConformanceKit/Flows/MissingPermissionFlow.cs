using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// A customer first pastes a wrong key, then a real key whose installation lacks a permission: the two
/// messages must differ, and the second must be about permissions.
/// </summary>
public sealed class MissingPermissionFlow : Flow
{
    public override string Id => "missing-permission";

    public override string Title => "Connect with a key missing a permission";

    public override IReadOnlyList<CheckDefinition> Checks { get; } =
        [CheckCatalogue.Err2, CheckCatalogue.Err3, CheckCatalogue.Err4, .. VisibilityChecks.Judged, CheckCatalogue.State1];

    public override IReadOnlyList<CheckDefinition> AlsoFails { get; } = [CheckCatalogue.Input1];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Input1);
        var unknown = context.Mint(keys => keys.MintUnknown());
        await context.SubmitKeyAsync(keyField, unknown, CheckCatalogue.Err2);
        await context.StepAfterOutcomeAsync("clicked Connect with an invalid key");
        var invalidKeyMessage = await context.ReadMessageAsync();

        keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Err2);
        var key = context.Mint(keys => keys.MintMissingScope());
        var outcome = await context.SubmitKeyAsync(keyField, key, CheckCatalogue.Err2);
        await context.StepAfterOutcomeAsync("clicked Connect with a key missing a permission");
        var message = await context.ReadMessageAsync();
        await ErrorChecks.JudgeMissingPermissionMessageAsync(context, message, invalidKeyMessage);
        await ErrorChecks.JudgeRecoveryOfferedAsync(context, message, "missing-permission");
        await ErrorChecks.JudgeNotActiveAsync(context, outcome, key);
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: [unknown, key]);
    }
}
