using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// A connected customer replaces the key with a second key of the same company (a slow one, so the
/// re-validation progress can be seen).
/// </summary>
public sealed class RotateSameCompanyFlow : Flow
{
    public override string Id => "rotate-same-company";

    public override string Title => "Rotate to a second key of the same company";

    public override IReadOnlyList<CheckDefinition> Checks { get; } =
    [
        CheckCatalogue.Rot1, CheckCatalogue.Rot2, CheckCatalogue.Rot3, .. VisibilityChecks.Judged, CheckCatalogue.State1, CheckCatalogue.A11y1,
    ];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var (first, _) = await context.ConnectAsPrerequisiteAsync(CheckCatalogue.Rot1);

        var update = await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rot1);
        context.Pass(CheckCatalogue.Rot1, "An update action is shown while connected.");
        await update.ClickAsync();
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Rot2);
        await context.StepAsync("chose to update the API key");
        await AccessibilityChecks.ScanAsync(context, "with the form to update the key open");

        var second = context.Mint(keys => keys.MintSlow(first.CompanyId));
        await context.EnterKeyAsync(keyField, second);
        var submission = await context.ClickConnectAsync(second, CheckCatalogue.Rot2);
        var validated = await SaveChecks.WasValidatedAsync(context, submission);
        var progressShown = await SaveChecks.ProgressShownWhileHeldAsync(context, second, "Pleo holds the replacement key's answer");
        var problems = new List<string>();
        if (!validated)
        {
            problems.Add("Pleo received no call with the replacement key");
        }

        if (!progressShown)
        {
            problems.Add($"the status never showed {context.Labels.NameOf(ConnectionState.ValidationInProgress)} while Pleo held the answer");
        }

        await ErrorChecks.JudgeProblemsAsync(context, CheckCatalogue.Rot2, problems, "The replacement key was validated at once, with progress shown.", (await context.ReadStateAsync()).Text);
        await context.WaitForOutcomeAsync(submission);
        await context.StepAfterOutcomeAsync("submitted the replacement key");

        var connected = await context.WaitForStateAsync(ConnectionState.Connected, context.StepTimeout);
        if (!connected)
        {
            await context.FailAsync(CheckCatalogue.Rot3, $"After rotating, the status does not show {context.Labels.NameOf(ConnectionState.Connected)}.", (await context.ReadStateAsync()).Text);
        }
        else
        {
            await SaveChecks.JudgeCompanyShownAsync(context, CheckCatalogue.Rot3, second);
        }

        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: connected ? [] : [second]);
    }
}
