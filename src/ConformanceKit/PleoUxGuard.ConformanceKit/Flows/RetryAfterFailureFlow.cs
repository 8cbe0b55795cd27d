using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A customer's first key fails; they paste the right one straight away, without reloading.</summary>
public sealed class RetryAfterFailureFlow : Flow
{
    public override string Id => "retry-after-failure";

    public override string Title => "Retry at once after a failure";

    public override IReadOnlyList<CheckDefinition> Checks { get; } = [CheckCatalogue.Err5, .. VisibilityChecks.Judged, CheckCatalogue.State1];

    public override IReadOnlyList<CheckDefinition> AlsoFails { get; } = [CheckCatalogue.Input1];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Input1);
        var invalid = context.Mint(keys => keys.MintUnknown());
        await context.SubmitKeyAsync(keyField, invalid, CheckCatalogue.Err5);
        await context.StepAfterOutcomeAsync("clicked Connect with an invalid key");
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: [invalid]);

        keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Err5);
        var editable = await keyField.IsEditableAsync();
        if (!editable)
        {
            await context.FailAsync(CheckCatalogue.Err5, "After the failure the key field is not editable.", await keyField.EvaluateAsync<string>("el => el.outerHTML.slice(0, 300)"));
            return;
        }

        var key = context.Mint(keys => keys.MintValid());
        var submittedAt = DateTimeOffset.UtcNow;
        await context.SubmitKeyAsync(keyField, key, CheckCatalogue.Err5);
        await context.StepAfterOutcomeAsync("clicked Connect with a valid key");
        var connected = await context.JudgeRetryConnectedAsync(
            CheckCatalogue.Err5,
            key,
            submittedAt,
            "After the failure the field stayed editable and the next key connected at once.",
            "After the failure a valid key entered straight away did not connect.");
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: connected ? [invalid] : [invalid, key]);
    }
}
