using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>
/// One conformance check: its UXK id, the requirement it enforces (from the shared catalogue), how much it
/// matters and what it looks at. Flows make its observations; <see cref="CheckAggregator"/> judges them.
/// </summary>
public sealed class CheckDefinition
{
    internal CheckDefinition(string requirementId, Severity severity, string title, string howJudged)
    {
        var requirement = RequirementCatalogue.Find(requirementId)
            ?? throw new InvalidOperationException($"Requirement '{requirementId}' is not in the shared requirement catalogue.");
        RequirementId = requirement.Id;
        RequirementText = requirement.Text;
        Id = requirement.CheckId;
        Severity = severity;
        Title = title;
        HowJudged = howJudged;
    }

    /// <summary>The UXK id, e.g. UXK-VIS-1.</summary>
    public string Id { get; }

    /// <summary>The requirement id, e.g. R-VIS-1.</summary>
    public string RequirementId { get; }

    /// <summary>The requirement's text from the shared catalogue.</summary>
    public string RequirementText { get; }

    public Severity Severity { get; }

    /// <summary>A short name for tables.</summary>
    public string Title { get; }

    /// <summary>What the check looks at, for the docs and the report.</summary>
    public string HowJudged { get; }

    public override string ToString() => Id;
}
