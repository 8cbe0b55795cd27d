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
    public async Task Doctor_reads_a_label_repeated_in_the_company_line_as_one_state()
    {
        var (result, doctor) = await ConformanceRunner.DoctorAsync(kit.ProfileWith([Fixtures.Fault.CompanyInStatus], stepSeconds: 6), kit.Environment, new RunOptions());

        Assert.Empty(result.Problems);
        Assert.False(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains(doctor.Lines, line => line.StartsWith("state after connecting with a valid key: \"Connected", StringComparison.Ordinal) && line.EndsWith("\" -> Connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_names_the_element_that_shows_the_state_unannounced()
    {
        var (result, doctor) = await ConformanceRunner.DoctorAsync(kit.ProfileWith([Fixtures.Fault.StatusNotAnnounced], stepSeconds: 4), kit.Environment, new RunOptions());

        Assert.Empty(result.Problems);
        Assert.True(doctor.FoundProblems);
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.statusRegion: the default locator", StringComparison.Ordinal)
            && line.EndsWith(" The state label 'Not connected' is shown by div#status, which has no role=status/aria-live (nor an ancestor), so screen readers do not announce state changes; add role=status, or set locators.statusRegion.", StringComparison.Ordinal));
        Assert.Contains("state before connecting: \"Not connected\" -> Not connected", doctor.Lines);
    }

    [Fact]
    public async Task Doctor_names_a_profile_locator_that_matches_nothing()
    {
        var profile = kit.ProfileWith([], stepSeconds: 2, extraLocators: "\"statusRegion\": { \"testId\": \"no-such-status\" }");

        var (_, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.True(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.statusRegion: the profile's locator (testId=no-such-status) found no visible element", StringComparison.Ordinal));

        // The line to fix is marked as a problem, and so are the states it leaves unread; the locators that resolved are marked fine.
        var problems = doctor.Report.Where(line => line.Mark == Flows.DoctorMark.Problem).Select(line => line.ToString()).ToList();
        Assert.StartsWith("✗ locators.statusRegion: ", problems[0], StringComparison.Ordinal);
        Assert.All(problems.Skip(1), line => Assert.StartsWith("✗ state ", line, StringComparison.Ordinal));

        // An unread state lists the labels the profile knows.
        Assert.Contains("no known state label (the profile's: \"Not connected\"", problems[1], StringComparison.Ordinal);
        Assert.Equal(Flows.DoctorMark.Ok, doctor.Report.Single(line => line.Text.StartsWith("locators.keyInput: ", StringComparison.Ordinal)).Mark);
        Assert.StartsWith("✓ locators.connectButton: OK", doctor.Report.Single(line => line.Text.StartsWith("locators.connectButton: ", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_every_locator_once_when_the_key_field_matches_nothing()
    {
        var profile = kit.ProfileWith([], stepSeconds: 2, extraLocators: "\"keyInput\": { \"testId\": \"no-such-field\" }");
        var progress = new List<string>();

        var (result, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions { Progress = line => { lock (progress) { progress.Add(line); } } });

        Assert.True(doctor.FoundProblems);

        // The doctor flow ran to its end without a failed look, but its progress line is no "✓" above the lines to fix.
        Assert.Contains(progress, line => line.StartsWith("  ✗ doctor (", StringComparison.Ordinal));
        Assert.Empty(result.Problems);
        Assert.All(result.Flows, flow => Assert.Equal(Findings.FlowStatus.Completed, flow.Status));
        Assert.Single(doctor.Lines, line => line.StartsWith("locators.keyInput: the profile's locator (testId=no-such-field) found no visible element", StringComparison.Ordinal));
        foreach (var field in new[] { "connectButton", "statusRegion", "updateAction", "companyId", "errorMessage" })
        {
            Assert.Single(doctor.Lines, line => line.StartsWith($"locators.{field}: ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(doctor.Lines, line => line.Contains("pleo-uxguard doctor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_clicks_the_key_forms_opener_and_says_so()
    {
        var profile = kit.ProfileWith([Fixtures.Fault.KeyFormInDialog], stepSeconds: 10, extraLocators: "\"openKeyForm\": { \"role\": \"button\", \"name\": \"Connect to Pleo\" }");

        var (result, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.Empty(result.Problems);
        Assert.False(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains("locators.openKeyForm: OK, matched by role=button name=Connect to Pleo (profile; tried role=button name=Connect to Pleo -> 1 visible); clicked, and the key field showed", doctor.Lines);
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.keyInput: OK, matched by label=/api key/i", StringComparison.Ordinal));

        // The opener, still visible behind the dialog, matches the default connectButton too but does not count, and the line says so.
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.connectButton: OK", StringComparison.Ordinal)
            && line.EndsWith("-> 1 visible; not counted: 1 visible element(s) matching locators.openKeyForm)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_warns_when_the_opener_matches_nothing_while_the_key_field_shows()
    {
        var profile = kit.ProfileWith([], stepSeconds: 2, extraLocators: "\"openKeyForm\": { \"testId\": \"no-such-opener\" }");

        var (_, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.False(doctor.FoundProblems, string.Join("\n", doctor.Lines));
        Assert.Contains(
            "locators.openKeyForm: not clicked: the key field already showed (profile; tried testId=no-such-opener -> 0 visible); WARNING: the locator matches no visible element, so a page showing only the control would not get it clicked: check locators.openKeyForm",
            doctor.Lines);
        Assert.Equal("! locators.openKeyForm: not clicked", doctor.Report.Single(line => line.Mark == Flows.DoctorMark.Warning).ToString()[..35]);
        Assert.DoesNotContain(doctor.Report, line => line.Mark == Flows.DoctorMark.Problem);

        // Nothing matches the opener, so nothing is dropped from the Connect button.
        Assert.Contains(doctor.Lines, line => line.StartsWith("locators.connectButton: OK", StringComparison.Ordinal) && line.EndsWith("-> 1 visible)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_says_when_the_opener_was_clicked_and_no_key_field_showed()
    {
        // The page's heading as the opener: visible, and clicking it shows nothing.
        var profile = kit.ProfileWith([Fixtures.Fault.KeyFormInDialog], stepSeconds: 2, extraLocators: "\"openKeyForm\": { \"role\": \"heading\", \"name\": \"/^pleo$/i\" }");

        var (_, doctor) = await ConformanceRunner.DoctorAsync(profile, kit.Environment, new RunOptions());

        Assert.True(doctor.FoundProblems);
        Assert.Contains("locators.openKeyForm: matched by role=heading name=/^pleo$/i and clicked, but no key field showed (profile; tried role=heading name=/^pleo$/i -> 1 visible)", doctor.Lines);
    }

    [Fact]
    public async Task Doctor_names_both_when_neither_the_key_field_nor_its_opener_shows_and_suggests_the_opener_when_unset()
    {
        var missing = kit.ProfileWith([Fixtures.Fault.KeyFormInDialog], stepSeconds: 2, extraLocators: "\"openKeyForm\": { \"testId\": \"no-such-opener\" }");
        var unset = kit.ProfileWith([Fixtures.Fault.KeyFormInDialog], stepSeconds: 2);

        var (_, withMissing) = await ConformanceRunner.DoctorAsync(missing, kit.Environment, new RunOptions());
        var (_, withUnset) = await ConformanceRunner.DoctorAsync(unset, kit.Environment, new RunOptions());

        Assert.True(withMissing.FoundProblems);
        Assert.Contains("locators.openKeyForm: the profile's locator (testId=no-such-opener) found no visible element, nor did locators.keyInput (tried testId=no-such-opener -> 0 visible)", withMissing.Lines);
        Assert.True(withUnset.FoundProblems);
        Assert.DoesNotContain(withUnset.Lines, line => line.StartsWith("locators.openKeyForm", StringComparison.Ordinal));
        Assert.Contains(withUnset.Lines, line => line.StartsWith("locators.keyInput: the default locator", StringComparison.Ordinal) && line.EndsWith("set locators.openKeyForm.", StringComparison.Ordinal));
    }
}
