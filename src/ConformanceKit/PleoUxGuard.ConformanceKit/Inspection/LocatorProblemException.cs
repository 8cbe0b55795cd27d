using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>A locator found no visible element, or several. Who is at fault depends on <see cref="MatchCount"/>.</summary>
public sealed class LocatorProblemException : Exception
{
    /// <param name="besides">
    /// What else was looked for, as a clause that follows "found no visible element" (the control that shows the key
    /// field, or that it was clicked first); empty when nothing else was.
    /// </param>
    public LocatorProblemException(string field, LocatorChoice choice, int matchCount, string besides = "")
        : base(Describe(field, choice, matchCount, besides))
    {
        Field = field;
        Choice = choice;
        MatchCount = matchCount;
        Besides = besides;
    }

    /// <summary>The profile field, e.g. "locators.keyInput" or "signIn.steps[2].click".</summary>
    public string Field { get; }

    public LocatorChoice Choice { get; }

    /// <summary>0: nothing visible matched; 2 or more: ambiguous, the profile must say which one.</summary>
    public int MatchCount { get; }

    /// <summary>The clause saying what else was looked for (", nor …", " after … was clicked"), or empty.</summary>
    public string Besides { get; }

    private static string Describe(string field, LocatorChoice choice, int matchCount, string besides)
    {
        var origin = choice.IsDefault ? "the default locator" : "the profile's locator";
        return matchCount == 0
            ? $"{field}: {origin} ({choice.Describe()}) found no visible element{besides}. Run 'pleo-uxguard doctor' to see what each strategy finds."
            : $"{field}: {origin} ({choice.Describe()}) matches {matchCount} visible elements; make '{field}' in the profile specific to one.";
    }
}
