using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>The key is revoked in Pleo; the integration must notice, warn persistently, and recover with a new key.</summary>
public sealed class RevokeThenRecoverFlow : Flow
{
    public override string Id => "revoke-then-recover";

    public override string Title => "Revoke the key, then recover";

    public override IReadOnlyList<CheckDefinition> Checks { get; } =
        [CheckCatalogue.Rec1, CheckCatalogue.Rec2, CheckCatalogue.Rec3, CheckCatalogue.Err3, CheckCatalogue.State1, CheckCatalogue.A11y1];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var (first, _) = await context.ConnectAsPrerequisiteAsync(CheckCatalogue.Rec1);
        context.Pleo.Keys.Revoke(first);

        var reload = context.Profile.Revocation.Notice == "reload";
        if (reload)
        {
            await context.ReloadAsync();
        }

        var noticeTimeout = reload ? context.StepTimeout : TimeSpan.FromSeconds(context.Profile.Revocation.WaitSeconds);
        var detected = await context.WaitForStateAsync(ConnectionState.ActionRequired, noticeTimeout);
        await context.StepAsync(reload ? "reloaded after the key was revoked" : "waited after the key was revoked");
        await context.JudgeAsync(
            CheckCatalogue.Rec1,
            detected,
            detected
                ? $"The revocation was noticed: the status shows {context.Labels.NameOf(ConnectionState.ActionRequired)}."
                : $"After the key was revoked the status does not show {context.Labels.NameOf(ConnectionState.ActionRequired)} ({(reload ? "after a reload" : $"within {noticeTimeout.TotalSeconds:0} s")}).",
            (await context.ReadStateAsync()).Text);
        if (!detected)
        {
            throw new FlowStoppedException("the revocation was not noticed, so there is no warning to recover from");
        }

        await AccessibilityChecks.ScanAsync(context);
        var message = await context.ReadMessageAsync();
        await ErrorChecks.JudgeRecoveryOfferedAsync(context, message, "revoked-key");
        await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rec2);
        await context.ReloadAsync();
        await context.StepAsync("reloaded the warning");
        var persistent = await context.WaitForStateAsync(ConnectionState.ActionRequired, context.StepTimeout);
        await context.JudgeAsync(
            CheckCatalogue.Rec2,
            persistent,
            persistent ? "The warning with a replace action is shown, and still is after a reload." : "After a reload the warning is gone although the key is still revoked.",
            (await context.ReadStateAsync()).Text);
        var replace = await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rec2);

        await replace.ClickAsync();
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Rec3);
        var second = context.Mint(keys => keys.MintRotation(first));
        await context.SubmitKeyAsync(keyField, second, CheckCatalogue.Rec3);
        await context.StepAsync("replaced the key from the warning");
        var connected = await context.WaitForStateAsync(ConnectionState.Connected, context.StepTimeout);
        if (!connected)
        {
            await context.FailAsync(CheckCatalogue.Rec3, $"After replacing the key the status does not show {context.Labels.NameOf(ConnectionState.Connected)}.", (await context.ReadStateAsync()).Text);
            return;
        }

        await SaveChecks.JudgeCompanyShownAsync(context, CheckCatalogue.Rec3, second);
    }
}
