using PleoUxGuard.ConformanceKit.Checks;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// One scenario a customer goes through, run in its own browser context with its own fresh keys and
/// tenant. A flow drives the page and asks the checks to look at the right moments.
/// </summary>
public abstract class Flow
{
    /// <summary>A stable id for --flow, reports and the {flow} placeholder, e.g. "connect-valid".</summary>
    public abstract string Id { get; }

    /// <summary>What the simulated customer does, in one line.</summary>
    public abstract string Title { get; }

    /// <summary>The checks this flow judges. Any it has not judged when it stops are reported as skipped.</summary>
    public abstract IReadOnlyList<CheckDefinition> Checks { get; }

    /// <summary>
    /// Checks outside <see cref="Checks"/> that this flow can fail on the way (no key field fails UXK-INPUT-1
    /// wherever the kit looks for one). They are not skipped when the flow stops, and <c>--check</c> does not
    /// select the flow for them; a baseline entry may still point at them here.
    /// </summary>
    public virtual IReadOnlyList<CheckDefinition> AlsoFails => [];

    /// <summary>Whether this flow can record a look of <paramref name="checkId"/>.</summary>
    public bool Records(string checkId) => Checks.Any(check => check.Id == checkId) || AlsoFails.Any(check => check.Id == checkId);

    /// <summary>True when the flow changes the fake Pleo for everyone (an outage), so it runs alone.</summary>
    public virtual bool NeedsPleoToItself => false;

    /// <summary>True when the flow found a problem it reports outside its looks (doctor's lines marked ✗).</summary>
    public virtual bool FoundProblems => false;

    public abstract Task RunAsync(FlowContext context);

    public override string ToString() => Id;
}
