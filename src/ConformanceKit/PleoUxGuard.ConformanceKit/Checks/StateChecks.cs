using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>R-STATE-1: after every step the status shows exactly one known state label.</summary>
public static class StateChecks
{
    /// <summary>Judges what a step read once its status showed a state, or after a step's wait for one in vain.</summary>
    public static async Task JudgeExactlyOneAsync(FlowContext context, StateSnapshot snapshot)
    {
        var check = CheckCatalogue.State1;
        var waited = $"{context.StepTimeout.TotalSeconds:0.#} s";
        if (!snapshot.Found)
        {
            await context.FailAsync(check, $"No status region was visible, also after waiting {waited} for one to show a state.", $"nothing matched {context.Locators.ChoiceFor(Inspection.LocatorName.StatusRegion)}");
            return;
        }

        if (snapshot.Labels.Count == 1)
        {
            context.Pass(check, $"The status shows {context.Labels.NameOf(snapshot.Labels[0])}.");
            return;
        }

        var detail = snapshot.Labels.Count == 0
            ? $"The status shows none of the state labels, also after waiting {waited} for one."
            : $"The status shows {snapshot.Labels.Count} state labels at once ({string.Join(", ", snapshot.Labels.Select(context.Labels.NameOf))}).";
        await context.FailAsync(check, detail, snapshot.Text);
    }

    /// <summary>
    /// R-STATE-1 while Pleo holds the answer: a page whose form post is waiting cannot be read, so the status is
    /// judged on the text the page itself reports for its live regions (<see cref="Inspection.PageTextWatcher"/>):
    /// the innermost live region showing <paramref name="expected"/> must show no other state label. Without such a
    /// region (a status that is not announced, which UXK-A11Y-1 fails) nothing is judged at this moment.
    /// </summary>
    public static async Task JudgeWhileHeldAsync(FlowContext context, string step, Inspection.ConnectionState expected)
    {
        var region = context.TextWatcher.LiveRegions.FirstOrDefault(text => context.Labels.RegexFor(expected).IsMatch(text));
        var labels = region is null ? [] : context.Labels.FindIn(region);
        context.RecordStepWithoutReading(step, labels.Count == 1 ? labels[0] : null);
        if (region is null)
        {
            return;
        }

        if (labels.Count == 1)
        {
            context.Pass(CheckCatalogue.State1, $"While Pleo held the answer the status showed {context.Labels.NameOf(expected)}.");
            return;
        }

        // No screenshot: taking one needs the page, which is waiting for the answer.
        await context.FailAsync(
            CheckCatalogue.State1,
            $"While Pleo held the answer the status showed {labels.Count} state labels at once ({string.Join(", ", labels.Select(context.Labels.NameOf))}).",
            region.Trim(),
            screenshot: false);
    }
}
