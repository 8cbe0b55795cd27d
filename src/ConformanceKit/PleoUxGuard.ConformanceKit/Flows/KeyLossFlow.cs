using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// Pleo stops accepting the connected key (keys "may stop working if they are revoked, rotated, or lose
/// permissions"): the integration must notice, warn persistently, and recover when the key is replaced from the
/// warning. Each way of losing the key is its own flow, so a page that notices one and not the other fails there.
/// </summary>
public abstract class KeyLossFlow : Flow
{
    /// <summary>The checks every way of losing the key judges.</summary>
    protected static readonly IReadOnlyList<CheckDefinition> KeyLossChecks =
        [CheckCatalogue.Rec1, CheckCatalogue.Rec2, CheckCatalogue.Rec3, CheckCatalogue.Err3, .. VisibilityChecks.Judged, CheckCatalogue.State1, CheckCatalogue.A11y1];

    public override IReadOnlyList<CheckDefinition> Checks => KeyLossChecks;

    /// <summary>What happened to the key, as the steps and details say it ("was revoked").</summary>
    protected abstract string Loss { get; }

    /// <summary>Which message UXK-ERR-3 judges, as its details name it ("revoked-key").</summary>
    protected abstract string Situation { get; }

    /// <summary>Makes Pleo refuse <paramref name="key"/> from now on.</summary>
    protected abstract void Lose(KeyRegistry keys, MintedKey key);

    /// <summary>The key the customer gets to replace the lost one, for the same company.</summary>
    protected abstract MintedKey MintReplacement(KeyRegistry keys, MintedKey lost);

    /// <summary>Judges the warning's message beyond the next step it offers (UXK-ERR-3); nothing more by default.</summary>
    protected virtual Task JudgeWarningAsync(FlowContext context, ShownMessage message) => Task.CompletedTask;

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var (first, _) = await context.ConnectAsPrerequisiteAsync(CheckCatalogue.Rec1);
        Lose(context.Pleo.Keys, first);

        var reload = context.Profile.Revocation.Notice == "reload";
        if (reload)
        {
            await context.ReloadAsync();
        }

        var actionRequired = context.Labels.NameOf(ConnectionState.ActionRequired);
        var noticeTimeout = reload ? context.StepTimeout : TimeSpan.FromSeconds(context.Profile.Revocation.WaitSeconds);
        var detected = await context.WaitForStateAsync(ConnectionState.ActionRequired, noticeTimeout);
        await context.StepAsync($"{(reload ? "reloaded" : "waited")} after the key {Loss}");
        await context.JudgeAsync(
            CheckCatalogue.Rec1,
            detected,
            detected
                ? $"It was noticed that the key {Loss}: the status shows {actionRequired}."
                : $"After the key {Loss} the status does not show {actionRequired} ({(reload ? "after a reload" : $"within {noticeTimeout.TotalSeconds:0} s")}).",
            (await context.ReadStateAsync()).Text);
        if (!detected)
        {
            throw new FlowStoppedException($"it was not noticed that the key {Loss}, so there is no warning to recover from");
        }

        await AccessibilityChecks.ScanAsync(context);
        var message = await context.ReadMessageAsync();
        await ErrorChecks.JudgeRecoveryOfferedAsync(context, message, Situation);
        await JudgeWarningAsync(context, message);
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: []);
        await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rec2);
        await context.ReloadAsync();
        await context.StepAsync("reloaded the warning");
        var persistent = await context.WaitForStateAsync(ConnectionState.ActionRequired, context.StepTimeout);
        await context.JudgeAsync(
            CheckCatalogue.Rec2,
            persistent,
            persistent ? "The warning with a replace action is shown, and still is after a reload." : "After a reload the warning is gone although Pleo still refuses the key.",
            (await context.ReadStateAsync()).Text);
        var replace = await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rec2);

        await replace.ClickAsync();
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Rec3);
        var second = context.Mint(keys => MintReplacement(keys, first));
        await context.SubmitKeyAsync(keyField, second, CheckCatalogue.Rec3);
        await context.StepAfterOutcomeAsync("replaced the key from the warning");
        var connected = await context.WaitForStateAsync(ConnectionState.Connected, context.StepTimeout);
        if (connected)
        {
            await SaveChecks.JudgeCompanyShownAsync(context, CheckCatalogue.Rec3, second);
        }
        else
        {
            await context.FailAsync(CheckCatalogue.Rec3, $"After replacing the key the status does not show {context.Labels.NameOf(ConnectionState.Connected)}.", (await context.ReadStateAsync()).Text);
        }

        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: connected ? [] : [second]);
    }
}
