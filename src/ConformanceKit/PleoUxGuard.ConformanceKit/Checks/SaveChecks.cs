using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>R-SAVE-1 to R-SAVE-3 (and R-ROT-2, which asks the same of a replacement key).</summary>
public static class SaveChecks
{
    /// <summary>
    /// Whether the fake Pleo received a call with the key in the Authorization header within the validation
    /// timeout after Connect. Used by R-SAVE-1 and R-ROT-2.
    /// </summary>
    public static async Task<bool> WasValidatedAsync(FlowContext context, Submission submission)
    {
        var timeLeft = context.ValidationTimeLeft(submission);
        if (submission.Key.Behaviour == KeyBehaviour.Slow)
        {
            // A held request is journaled only once answered; the fake counts it as held as soon as it arrives.
            try
            {
                await context.Pleo.Keys.WaitUntilHeldAsync(submission.Key, 1, timeLeft);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        try
        {
            await context.Pleo.Journal.WaitForAsync(
                entry => entry.KeyId == submission.Key.Id && entry.KeyLocation == KeyLocation.AuthorizationHeader && entry.Time >= submission.ClickedAt.AddSeconds(-1),
                timeLeft);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// " Pleo did receive 1 call whose Authorization header it could not read: …": a key sent in a malformed header
    /// (no colon after it, another scheme) is a call Pleo cannot tie to the key, which otherwise reads as no call at all.
    /// </summary>
    private static string UnreadableHeaders(FlowContext context, Submission submission)
    {
        var unreadable = context.Pleo.Journal.All.Where(entry => entry.Problem is not null && entry.Time >= submission.ClickedAt.AddSeconds(-1)).ToList();
        return unreadable.Count == 0
            ? string.Empty
            : context.Mask($" Pleo did receive {unreadable.Count} call{(unreadable.Count == 1 ? string.Empty : "s")} in that time whose Authorization header it could not read: {unreadable[0].Problem}");
    }

    /// <summary>R-SAVE-1: validated at once, key in the header.</summary>
    public static async Task JudgeValidatedAtOnceAsync(FlowContext context, Submission submission)
    {
        var validated = await WasValidatedAsync(context, submission);
        await context.JudgeAsync(
            CheckCatalogue.Save1,
            validated,
            validated
                ? "Pleo received a validation call with the key in the Authorization header right after Connect."
                : $"Within {context.ValidationTimeout.TotalSeconds:0} s of Connect, Pleo received no call with the key in the Authorization header.{UnreadableHeaders(context, submission)}",
            validated ? null : string.Join(Environment.NewLine, context.JournalLines().DefaultIfEmpty("the journal has no call with this key")));
    }

    /// <summary>
    /// R-SAVE-2 (and R-ROT-2): while Pleo holds the answer to a slow key, the status shows Validation in
    /// progress. Records <paramref name="step"/>, the hold, so what is judged of it is filed under it; once progress
    /// is shown, judges R-STATE-1 on it. Releases the key in every case so the integration is never left hanging.
    /// </summary>
    /// <param name="whileHeld">Runs once progress is shown, before Pleo answers (e.g. a scan of that state).</param>
    public static async Task<bool> ProgressShownWhileHeldAsync(FlowContext context, MintedKey slowKey, string step, Func<Task>? whileHeld = null)
    {
        try
        {
            var shown = await context.TextWatcher.WaitForAsync(context.Labels.RegexFor(ConnectionState.ValidationInProgress), context.StepTimeout);
            if (!shown)
            {
                context.RecordStepWithoutReading(step, null);
                return false;
            }

            await StateChecks.JudgeWhileHeldAsync(context, step, ConnectionState.ValidationInProgress);
            if (whileHeld is not null)
            {
                await whileHeld();
            }

            return true;
        }
        finally
        {
            context.Pleo.Keys.ReleaseSlow(slowKey);
        }
    }

    /// <summary>R-SAVE-3: the status shows Connected after a valid key; true when it does.</summary>
    public static Task<bool> JudgeSuccessConfirmedAsync(FlowContext context) =>
        context.JudgeConnectedAsync(
            CheckCatalogue.Save3,
            $"The status shows {context.Labels.NameOf(ConnectionState.Connected)}.",
            $"After a valid key the status does not show {context.Labels.NameOf(ConnectionState.Connected)}.");

    /// <summary>R-COMPANY-1 (and R-ROT-3, R-REC-3): the key's company id is on the page.</summary>
    public static async Task JudgeCompanyShownAsync(FlowContext context, CheckDefinition check, MintedKey key)
    {
        var shown = await context.CompanyIdShownAsync(key.CompanyId, context.StepTimeout);
        await context.JudgeAsync(
            check,
            shown,
            shown ? $"The company id {key.CompanyId} is shown." : $"The company id {key.CompanyId} is not shown on the page.",
            shown ? null : await context.Page.InnerTextAsync("body"));
    }
}
