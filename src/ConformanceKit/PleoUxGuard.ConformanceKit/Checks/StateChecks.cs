using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>R-STATE-1: after every step the status shows exactly one known state label.</summary>
public static class StateChecks
{
    public static async Task JudgeExactlyOneAsync(FlowContext context, StateSnapshot snapshot)
    {
        var check = CheckCatalogue.State1;
        if (!snapshot.Found)
        {
            await context.FailAsync(check, "No status region was visible.", $"nothing matched {context.Locators.ChoiceFor(Inspection.LocatorName.StatusRegion)}");
            return;
        }

        if (snapshot.Labels.Count == 1)
        {
            context.Pass(check, $"The status shows {context.Labels.NameOf(snapshot.Labels[0])}.");
            return;
        }

        var detail = snapshot.Labels.Count == 0
            ? "The status shows none of the state labels."
            : $"The status shows {snapshot.Labels.Count} state labels at once ({string.Join(", ", snapshot.Labels.Select(context.Labels.NameOf))}).";
        await context.FailAsync(check, detail, snapshot.Text);
    }
}
