using System.Text.RegularExpressions;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A connected customer tries a replacement key that Pleo rejects: the working connection must survive.</summary>
public sealed partial class RotateToBadKeyFlow : Flow
{
    public override string Id => "rotate-to-bad-key";

    public override string Title => "Rotate to a bad key; the previous connection survives";

    public override IReadOnlyList<CheckDefinition> Checks { get; } = [CheckCatalogue.Rot4, .. VisibilityChecks.Judged, CheckCatalogue.State1];

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var baseline = await VisibilityChecks.BaselineAsync(context);
        var (first, _) = await context.ConnectAsPrerequisiteAsync(CheckCatalogue.Rot4);
        var update = await context.ResolveAsync(LocatorName.UpdateAction, CheckCatalogue.Rot4);
        await update.ClickAsync();
        var keyField = await context.ResolveAsync(LocatorName.KeyInput, CheckCatalogue.Rot4);
        await context.StepAsync("chose to update the API key");

        var rejected = context.Mint(keys => keys.MintUnknown());
        var outcome = await context.SubmitKeyAsync(keyField, rejected, CheckCatalogue.Rot4);
        await context.StepAfterOutcomeAsync("submitted a replacement key Pleo rejects");
        var problems = new List<string>();
        if (outcome.State != ConnectionState.Connected)
        {
            problems.Add($"the status shows \"{outcome.Text}\" instead of {context.Labels.NameOf(ConnectionState.Connected)}");
        }

        var pageText = context.Mask(await context.Page.InnerTextAsync("body"));
        if (!KeptCue().IsMatch(pageText))
        {
            problems.Add("the page does not say that the existing connection is still active");
        }

        // The previous key stays saved; the rejected one never was, and the key field may keep it for another try.
        await VisibilityChecks.JudgeKeyExposureAsync(context, baseline, unsaved: [rejected]);

        await context.ReloadAsync();
        await context.StepAsync("reloaded the page");
        if (!await context.WaitForStateAsync(ConnectionState.Connected, context.StepTimeout))
        {
            problems.Add($"after a reload the status does not show {context.Labels.NameOf(ConnectionState.Connected)}");
        }
        else if (!await context.CompanyIdShownAsync(first.CompanyId, context.StepTimeout))
        {
            problems.Add("after a reload the company id is not shown");
        }

        await ErrorChecks.JudgeProblemsAsync(context, CheckCatalogue.Rot4, problems, "The rejected key left the previous connection intact, and the page said so.", pageText);
    }

    [GeneratedRegex(@"\bstill\b.{0,30}\b(active|connected|working|in use|valid)\b|\bexisting\b.{0,30}\bconnection\b|\bprevious\b.{0,30}\b(key|connection)\b|\bnot (been )?(saved|changed|replaced)\b|\bunchanged\b|\bkept\b|\bremains?\b.{0,20}\b(active|connected)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex KeptCue();
}
