using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// Pleo is down (503) while a customer connects: the page must call it temporary and offer a retry, and
/// the same key must connect once Pleo is back. Turns the fake's outage on for everyone, so it runs alone.
/// </summary>
public sealed class PleoOutageFlow : Flow
{
    public override string Id => "pleo-outage";

    public override string Title => "Pleo outage is reported as temporary";

    public override IReadOnlyList<CheckDefinition> Checks { get; } = [CheckCatalogue.Err6, .. VisibilityChecks.Judged, CheckCatalogue.State1];

    public override IReadOnlyList<CheckDefinition> AlsoFails { get; } = [CheckCatalogue.Input1];

    public override bool NeedsPleoToItself => true;

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Input1);
        var key = context.Mint(keys => keys.MintValid());
        List<string> problems;
        ShownMessage message;
        context.Pleo.Keys.SetOutage(true);
        try
        {
            var outcome = await context.SubmitKeyAsync(keyField, key, CheckCatalogue.Err6);
            await context.StepAfterOutcomeAsync("clicked Connect while Pleo is down");
            message = await context.ReadMessageAsync();
            problems = ErrorChecks.OutageMessageProblems(message.Text, outcome);
        }
        finally
        {
            context.Pleo.Keys.SetOutage(false);
        }

        // Judged on the outage page itself, so the failing look shows (and is filed under) the message it is about.
        await ErrorChecks.JudgeProblemsAsync(context, CheckCatalogue.Err6, problems, "The outage was reported as temporary with a retry, without blaming the key.", message);
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: [key]);

        keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Err6);
        var retriedAt = DateTimeOffset.UtcNow;
        await context.SubmitKeyAsync(keyField, key, CheckCatalogue.Err6);
        await context.StepAfterOutcomeAsync("retried the same key once Pleo was back");
        var connected = await context.JudgeRetryConnectedAsync(CheckCatalogue.Err6, key, retriedAt, "The same key connected once Pleo was back.", "The same key did not connect once Pleo was back.");
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: connected ? [] : [key]);
    }
}
