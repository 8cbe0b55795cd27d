using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A customer pastes a key Pleo does not know (a typo, a key from another system).</summary>
public sealed class InvalidKeyFlow : Flow
{
    public override string Id => "invalid-key";

    public override string Title => "Connect with an invalid key";

    public override IReadOnlyList<CheckDefinition> Checks { get; } =
        [CheckCatalogue.Err1, CheckCatalogue.Err3, CheckCatalogue.Err4, .. VisibilityChecks.Judged, CheckCatalogue.State1, CheckCatalogue.A11y1];

    public override IReadOnlyList<CheckDefinition> AlsoFails { get; } = [CheckCatalogue.Input1];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Input1);
        var key = context.Mint(keys => keys.MintUnknown());
        var outcome = await context.SubmitKeyAsync(keyField, key, CheckCatalogue.Err4);
        await context.StepAfterOutcomeAsync("clicked Connect with an invalid key");
        var message = await context.ReadMessageAsync();
        await ErrorChecks.JudgeInvalidKeyMessageAsync(context, message);
        await ErrorChecks.JudgeRecoveryOfferedAsync(context, message, "invalid-key");
        await ErrorChecks.JudgeNotActiveAsync(context, outcome, key);
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: [key]);
        await AccessibilityChecks.ScanAsync(context);
    }
}
