using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>Pleo takes its time: the fake holds the answer until the page has shown Validation in progress.</summary>
public sealed class SlowValidationFlow : Flow
{
    public override string Id => "slow-validation";

    public override string Title => "Slow validation shows progress";

    public override IReadOnlyList<CheckDefinition> Checks { get; } = [CheckCatalogue.Save2, .. VisibilityChecks.Judged, CheckCatalogue.State1, CheckCatalogue.A11y1];

    public override IReadOnlyList<CheckDefinition> AlsoFails { get; } = [CheckCatalogue.Input1];

    public override async Task RunAsync(FlowContext context)
    {
        var inProgress = context.Labels.NameOf(ConnectionState.ValidationInProgress);
        var scan = await AccessibilityChecks.PrepareInPageScanAsync(context, context.Labels.RegexFor(ConnectionState.ValidationInProgress));
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Input1);
        var key = context.Mint(keys => keys.MintSlow());
        await context.EnterKeyAsync(keyField, key);
        var submission = await context.ClickConnectAsync(key, CheckCatalogue.Save2);
        // R-STATE-1 is judged while Pleo still holds the answer, on the progress state itself.
        var progressShown = await SaveChecks.ProgressShownWhileHeldAsync(
            context,
            key,
            "Pleo holds the answer",
            whileHeld: () => AccessibilityChecks.JudgeInPageScanAsync(context, scan, inProgress));
        await context.JudgeAsync(
            CheckCatalogue.Save2,
            progressShown,
            progressShown
                ? $"While Pleo held the answer the status showed {context.Labels.NameOf(ConnectionState.ValidationInProgress)}."
                : $"While Pleo held the answer for {context.StepTimeout.TotalSeconds:0} s the status never showed {context.Labels.NameOf(ConnectionState.ValidationInProgress)}.",
            (await context.ReadStateAsync()).Text);
        await context.WaitForOutcomeAsync(submission);
        var answered = await context.StepAfterOutcomeAsync("Pleo answered");
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: answered.State == ConnectionState.Connected ? [] : [key]);
    }
}
