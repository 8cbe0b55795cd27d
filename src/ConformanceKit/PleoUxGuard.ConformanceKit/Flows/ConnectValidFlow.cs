using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A new customer pastes a valid key and connects: the field, the save, the confirmation, and where the key ends up.</summary>
public sealed class ConnectValidFlow : Flow
{
    public override string Id => "connect-valid";

    public override string Title => "Connect with a valid key";

    public override IReadOnlyList<CheckDefinition> Checks { get; } =
    [
        CheckCatalogue.Input1, CheckCatalogue.Input2, CheckCatalogue.Input3, CheckCatalogue.Input4, CheckCatalogue.Input5,
        CheckCatalogue.Save1, CheckCatalogue.Save3, CheckCatalogue.Company1, .. VisibilityChecks.Judged, CheckCatalogue.State1, CheckCatalogue.A11y1,
    ];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        // A user meets a key form behind locators.openKeyForm twice: closed, as the page first shows it, and open.
        var opened = false;
        var keyField = await context.ResolveKeyFieldAsync(CheckCatalogue.Input1, beforeOpening: async _ =>
        {
            opened = true;
            await AccessibilityChecks.ScanAsync(context, "with the key form closed");
        });
        await InputChecks.JudgeDedicatedAsync(context, keyField);
        await InputChecks.JudgeLabelledSecretAsync(context, keyField);
        await InputChecks.JudgeGuidanceAsync(context);
        await AccessibilityChecks.JudgeStatusAnnouncedAsync(context);
        await AccessibilityChecks.ScanAsync(context, opened ? "with the key form open" : null);
        var baseline = await VisibilityChecks.BaselineAsync(context);

        var key = context.Mint(keys => keys.MintValid());
        await InputChecks.PasteAndJudgeAsync(context, keyField, key);
        await InputChecks.JudgeMaskedAsync(context, keyField);
        await context.StepAsync("pasted a valid key");

        var submission = await context.ClickConnectAsync(key, CheckCatalogue.Save1);
        await context.WaitForOutcomeAsync(submission);
        await context.StepAfterOutcomeAsync("clicked Connect");
        await SaveChecks.JudgeValidatedAtOnceAsync(context, submission);
        var saved = await SaveChecks.JudgeSuccessConfirmedAsync(context);
        await SaveChecks.JudgeCompanyShownAsync(context, CheckCatalogue.Company1, key);
        MintedKey[] unsaved = saved ? [] : [key];
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved);
        await AccessibilityChecks.ScanAsync(context);

        await context.ReloadAsync();
        await context.StepAsync("reloaded the page");
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved);
        await VisibilityChecks.JudgeNoKeyInPleoUrlsAsync(context);
    }
}
