using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Tests;

[Collection(KitCollection.Name)]
public sealed class DoctorTests(KitFixture kit)
{
    [Fact]
    public async Task Doctor_says_which_strategy_matched_each_locator()
    {
        var (result, doctor) = await ConformanceRunner.DoctorAsync(kit.ProfileWith([], stepSeconds: 10), kit.Environment, new RunOptions());

        Assert.Empty(result.Problems);
        Assert.False(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.keyInput: OK, matched by label=/api key/i (default", StringComparison.Ordinal));
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.updateAction: OK, matched by role=link", StringComparison.Ordinal));
        Assert.Contains(doctor.Lines, line => line.Contains("-> Connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_names_a_profile_locator_that_matches_nothing()
    {
        var profile = kit.ProfileWith([], stepSeconds: 2, extraLocators: "\"statusRegion\": { \"testId\": \"no-such-status\" }");

        var (_, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.True(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.statusRegion: the profile's locator (testId=no-such-status) found no visible element", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_reports_every_locator_once_when_the_key_field_matches_nothing()
    {
        var profile = kit.ProfileWith([], stepSeconds: 2, extraLocators: "\"keyInput\": { \"testId\": \"no-such-field\" }");

        var (result, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.True(doctor.FoundProblems);
        Assert.Empty(result.Problems);
        Assert.All(result.Flows, flow => Assert.Equal(Findings.FlowStatus.Completed, flow.Status));
        Assert.Single(doctor.Lines, line => line.StartsWith("locators.keyInput: the profile's locator (testId=no-such-field) found no visible element", StringComparison.Ordinal));
        foreach (var field in new[] { "connectButton", "statusRegion", "updateAction", "companyId", "errorMessage" })
        {
            Assert.Single(doctor.Lines, line => line.StartsWith($"locators.{field}: ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(doctor.Lines, line => line.Contains("pleo-uxguard doctor", StringComparison.Ordinal));
    }
}
