using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void Every_requirement_of_sections_A_and_B_has_a_check_except_those_proved_elsewhere()
    {
        var expected = RequirementCatalogue.All.Where(r => r.Id is not ("R-SEC-1" or "R-VIS-3")).Select(r => r.CheckId).Order();

        Assert.Equal(expected, CheckCatalogue.All.Select(c => c.Id).Order());
    }

    [Fact]
    public void Every_check_is_judged_by_at_least_one_flow()
    {
        var judged = FlowCatalogue.All.SelectMany(f => f.Checks).Select(c => c.Id).ToHashSet();

        Assert.All(CheckCatalogue.All, check => Assert.Contains(check.Id, judged));
    }

    /// <summary>R-VIS-1/2/3: every flow types a key, so every flow scans the browser for it (after saving it or failing to).</summary>
    [Fact]
    public void Every_flow_judges_where_its_keys_ended_up()
    {
        Assert.All(FlowCatalogue.All, flow => Assert.All(VisibilityChecks.Judged, check => Assert.Contains(check, flow.Checks)));
    }

    [Fact]
    public void Selecting_by_check_runs_only_the_flows_that_judge_it()
    {
        var flows = FlowCatalogue.Select([], ["UXK-SAVE-2"]);

        Assert.Equal(["slow-validation"], flows.Select(f => f.Id));
    }

    [Fact]
    public void An_unknown_flow_or_check_is_named()
    {
        Assert.Contains("'connect'", Assert.Throws<ArgumentException>(() => FlowCatalogue.Select(["connect"], [])).Message, StringComparison.Ordinal);
        Assert.Contains("'UXK-NOPE-1'", Assert.Throws<ArgumentException>(() => FlowCatalogue.Select([], ["UXK-NOPE-1"])).Message, StringComparison.Ordinal);
    }
}
