using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// Not a conformance flow: signs in, resolves every locator in the states where it should exist (before
/// and after connecting with a valid key), and reports which strategy matched, so a tester fixes the
/// profile in minutes.
/// </summary>
public sealed class DoctorFlow : Flow
{
    private readonly List<DoctorLine> _report = [];

    public override string Id => "doctor";

    public override string Title => "Resolve every locator";

    public override IReadOnlyList<CheckDefinition> Checks => [];

    /// <summary>What doctor found, one line per locator or state, each marked with what it means for the profile.</summary>
    public IReadOnlyList<DoctorLine> Report => _report;

    /// <summary>The report's texts, without their marks.</summary>
    public IReadOnlyList<string> Lines => _report.ConvertAll(line => line.Text);

    /// <summary>True when a locator that must resolve did not.</summary>
    public override bool FoundProblems => _foundProblems;

    private bool _foundProblems;

    private void Add(string text, DoctorMark mark)
    {
        _report.Add(new DoctorLine(text, mark));
        _foundProblems |= mark == DoctorMark.Problem;
    }

    private static DoctorMark ProblemUnless(bool fine) => fine ? DoctorMark.Ok : DoctorMark.Problem;

    public override async Task RunAsync(FlowContext context)
    {
        await context.SignInAsync();
        var signedIn = context.Profile.SignIn is { Steps.Count: > 0 } ? "Signed in; t" : "T";
        Add(
            $"{signedIn}he connection page is {context.Mask(context.Page.Url)}{context.PageAnswer}",
            context.ConnectionPageStatus >= 400 ? DoctorMark.Warning : DoctorMark.Note);
        var keyInputFound = await ReportKeyFieldAsync(context);
        var connectButtonFound = await ReportAsync(context, LocatorName.ConnectButton, required: true);
        var unannounced = await context.FindUnannouncedStatusAsync();
        await ReportAsync(context, LocatorName.StatusRegion, required: true, hint: unannounced is null ? string.Empty : " T" + AccessibilityChecks.UnannouncedHint(unannounced)[1..]);
        await ReportStateAsync(context, "before connecting");
        if (!keyInputFound || !connectButtonFound)
        {
            // Doctor reports every locator: the ones that exist only once connected are named, not silently dropped.
            var missing = PageLocators.FieldOf(keyInputFound ? LocatorName.ConnectButton : LocatorName.KeyInput);
            foreach (var later in new[] { LocatorName.UpdateAction, LocatorName.CompanyId, LocatorName.ErrorMessage })
            {
                Add($"{PageLocators.FieldOf(later)}: not checked: it is looked for after connecting with a valid key, which needs {missing} (above).", DoctorMark.Note);
            }

            return;
        }

        var keyField = await context.Locators.ResolveAsync(LocatorName.KeyInput, context.StepTimeout);
        var key = context.Mint(keys => keys.MintValid());
        await context.SubmitKeyAsync(keyField.Locator, key, CheckCatalogue.Save1);
        await ReportStateAsync(context, "after connecting with a valid key");
        await ReportAsync(context, LocatorName.UpdateAction, required: true);
        var company = await context.CompanyIdShownAsync(key.CompanyId, context.StepTimeout);
        Add($"{PageLocators.FieldOf(LocatorName.CompanyId)}: {(company ? "the company id is shown" : "the company id is NOT shown")} ({context.Profile.Locators.CompanyId?.Describe() ?? "default: any text containing it"})", ProblemUnless(company));

        if ((await context.Locators.CountEachAsync(LocatorName.UpdateAction)).Sum() > 0)
        {
            await context.Locators.Combined(LocatorName.UpdateAction).First.ClickAsync();
            var (replacementField, _) = await context.ShowKeyFieldAsync(context.StepTimeout);
            await context.SubmitKeyAsync(replacementField.Locator, context.Mint(keys => keys.MintUnknown()), CheckCatalogue.Rot4);
            await ReportAsync(context, LocatorName.ErrorMessage, required: false);
        }
        else
        {
            Add($"{PageLocators.FieldOf(LocatorName.ErrorMessage)}: not checked: it is looked for after a rejected replacement key, which needs {PageLocators.FieldOf(LocatorName.UpdateAction)} (above).", DoctorMark.Note);
        }
    }

    /// <summary>
    /// Adds the line of locators.openKeyForm (when the profile sets it), showing the key field as the flows do, then
    /// the line of locators.keyInput; true when the field resolved.
    /// </summary>
    private async Task<bool> ReportKeyFieldAsync(FlowContext context)
    {
        const LocatorName opener = LocatorName.OpenKeyForm;
        if (context.Locators.ChoiceFor(opener) is not { } choice)
        {
            return await ReportAsync(context, LocatorName.KeyInput, required: true, hint: $" If the field shows only after a click (a dialog, an expandable section), set {PageLocators.FieldOf(opener)}.");
        }

        var field = PageLocators.FieldOf(opener);
        ResolvedLocator? clicked = null;
        var tried = string.Empty;
        LocatorProblemException? problem = null;
        try
        {
            // The opener the kit meant to click; when the click was taken by a form the page opened meanwhile, none was clicked.
            var (_, opened) = await context.ShowKeyFieldAsync(context.StepTimeout, beforeOpening: async found => (clicked, tried) = (found, await TriedAsync(context, opener)));
            clicked = opened;
        }
        catch (LocatorProblemException found)
        {
            problem = found;
        }

        // A field that showed but matches several elements is the key field's line's problem, not the opener's.
        var fieldShowed = problem is null || (problem.Field != field && problem.MatchCount > 1);
        // An opener that matches nothing while the field shows may be a typo: harmless here, but a page that shows the
        // field only after a click (the retry after a failure, the update page) would stop there. Not a problem, as a
        // page may also hide its opener while the form shows.
        var openerMissing = fieldShowed && clicked is null && (await context.Locators.CountEachAsync(opener)).Sum() == 0
            ? $"; WARNING: the locator matches no visible element, so a page showing only the control would not get it clicked: check {field}"
            : string.Empty;
        Add(
            fieldShowed && clicked is null ? $"{field}: not clicked: the key field already showed (profile; tried {await TriedAsync(context, opener)}){openerMissing}"
            : fieldShowed ? $"{field}: OK, matched by {clicked!.Matched.Describe()} (profile; tried {tried}); clicked, and the key field showed"
            : clicked is not null ? $"{field}: matched by {clicked.Matched.Describe()} and clicked, but no key field showed (profile; tried {tried})"
            : problem!.Field == field ? $"{Headline(problem)} (tried {await TriedAsync(context, opener)})"
            : $"{field}: the profile's locator ({choice.Describe()}) found no visible element, nor did {PageLocators.FieldOf(LocatorName.KeyInput)} (tried {await TriedAsync(context, opener)})",
            !fieldShowed ? DoctorMark.Problem : openerMissing.Length > 0 ? DoctorMark.Warning : DoctorMark.Ok);
        return await ReportAsync(context, LocatorName.KeyInput, required: true);
    }

    /// <summary>Adds the locator's line; true when it resolved to one element.</summary>
    /// <param name="hint">Added to the line when nothing matched.</param>
    private async Task<bool> ReportAsync(FlowContext context, LocatorName name, bool required, string hint = "")
    {
        var choice = context.Locators.ChoiceFor(name)!;
        var field = PageLocators.FieldOf(name);
        LocatorProblemException? problem = null;
        try
        {
            await context.Locators.ResolveAsync(name, context.StepTimeout);
        }
        catch (LocatorProblemException found)
        {
            problem = found;
        }

        var counts = await context.Locators.CountEachAsync(name);
        var notCounted = await context.Locators.NotCountedCountAsync(name);
        var tried = Tried(choice, counts)
            + (notCounted > 0 ? $"; not counted: {notCounted} visible element(s) matching {PageLocators.FieldOf(LocatorName.OpenKeyForm)}" : string.Empty);
        var origin = choice.IsDefault ? "default" : "profile";
        Add(
            problem is null
                ? $"{field}: OK, matched by {choice.Alternatives[Math.Max(0, counts.ToList().FindIndex(count => count > 0))].Describe()} ({origin}; tried {tried})"
                : $"{Headline(problem)} (tried {tried}){(problem.MatchCount == 0 ? hint : string.Empty)}",
            problem is null ? DoctorMark.Ok : required || problem.MatchCount > 1 ? DoctorMark.Problem : DoctorMark.Warning);
        return problem is null;
    }

    /// <summary>What each alternative of a locator finds now: "role=status -> 1 visible; css=… -> 0 visible".</summary>
    private static async Task<string> TriedAsync(FlowContext context, LocatorName name) =>
        Tried(context.Locators.ChoiceFor(name)!, await context.Locators.CountEachAsync(name));

    private static string Tried(LocatorChoice choice, IReadOnlyList<int> counts) =>
        string.Join("; ", choice.Alternatives.Select((spec, i) => $"{spec.Describe()} -> {counts[i]} visible"));

    /// <summary>A locator problem without its advice to run doctor: doctor is what the user is running.</summary>
    private static string Headline(LocatorProblemException problem) => problem.Message.Split(" Run '", 2)[0];

    private async Task ReportStateAsync(FlowContext context, string when)
    {
        var snapshot = await context.ReadStateAsync();
        var labels = snapshot.Labels.Select(context.Labels.NameOf).ToList();
        var known = labels.Count == 0
            ? $"no known state label (the profile's: {string.Join(", ", Enum.GetValues<ConnectionState>().Select(state => $"\"{context.Labels.NameOf(state)}\""))})"
            : "several labels: " + string.Join(", ", labels);
        Add($"state {when}: \"{snapshot.Text}\" -> {(labels.Count == 1 ? labels[0] : known)}", ProblemUnless(labels.Count == 1));
    }
}

/// <summary>What a line of doctor's report means for the profile.</summary>
public enum DoctorMark
{
    /// <summary>Information: where doctor signed in, what it could not check and why.</summary>
    Note,

    /// <summary>The locator resolved, or the state read as one label.</summary>
    Ok,

    /// <summary>Worth a look, not counted as a problem (an opener that matches nothing while the field shows).</summary>
    Warning,

    /// <summary>The profile (or the page) needs fixing: doctor exits 2.</summary>
    Problem,
}

/// <summary>One line of doctor's report.</summary>
public sealed record DoctorLine(string Text, DoctorMark Mark)
{
    /// <summary>The line as the CLI prints it: a mark a tester can scan for (✗ to fix, ! to look at, ✓ fine), then the text.</summary>
    public override string ToString() => Mark switch
    {
        DoctorMark.Problem => "✗ ",
        DoctorMark.Warning => "! ",
        DoctorMark.Ok => "✓ ",
        _ => "  ",
    } + Text;
}
