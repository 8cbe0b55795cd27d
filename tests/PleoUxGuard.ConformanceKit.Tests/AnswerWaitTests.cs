using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;
using Xunit.Abstractions;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// How long the kit waits for a page to answer a submitted key when the answer shows the very text the page showed at
/// the click. Such a page is judged as before, but no longer after a whole validation timeout: the timeout here is long
/// (90 s) and the bound (45 s) far above what the answer takes (a second or two), so a wait to the timeout fails the
/// bound and nothing else is timed.
/// </summary>
[Collection(KitCollection.Name)]
public sealed class AnswerWaitTests
{
    private const double LongValidationSeconds = 90;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private const string FirstSubmit = "clicked Connect with an invalid key";
    private const string SecondSubmit = "clicked Connect with a key missing a permission";

    private readonly KitFixture _kit;
    private readonly ITestOutputHelper _output;

    public AnswerWaitTests(KitFixture kit, ITestOutputHelper output)
    {
        _kit = kit;
        _output = output;
    }

    public static TheoryData<string, string[]> SameTextAgain => new()
    {
        // A form post answered (after a redirect) with a new document whose text is the text before the click.
        { "form post", [] },

        // A single-page app that shows nothing while it waits, then draws the same status and alert again in place.
        { "in place", [Fault.AnswersInPlace, Fault.NoProgressState] },

        // One that loads the connection page again once the answer is in: a navigation during the kit's wait.
        { "page loaded after the answer", [Fault.LoadsPageAfterAnswer, Fault.NoProgressState] },
    };

    [Theory]
    [MemberData(nameof(SameTextAgain))]
    public async Task An_answer_with_the_same_text_as_before_the_click_is_seen_without_waiting_out_the_timeout(string page, string[] faults)
    {
        _output.WriteLine(page);

        // The missing-permission message is the invalid-key message, so the second submit shows the same text again.
        var profile = _kit.ProfileWith([Fault.SameMessageForPermission, .. faults], stepSeconds: 6, validationSeconds: LongValidationSeconds);
        var result = await _kit.RunAsync(profile, "missing-permission");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Flows);
        Assert.True(flow.Status == FlowStatus.Completed, $"{flow.Flow} stopped: {flow.StopReason}");
        var failing = result.Checks.Where(c => c.Verdict is Verdict.Failed or Verdict.Warning).Select(c => c.Check.Id).ToArray();
        Assert.Equal(["UXK-ERR-2"], failing);
        Assert.Contains(result["UXK-ERR-2"].Observations, o => o.Outcome == Outcome.Fail && o.Detail.Contains("same", StringComparison.OrdinalIgnoreCase));

        var second = Between(flow, FirstSubmit, SecondSubmit);
        _output.WriteLine($"second submit to its outcome: {second.TotalSeconds:0.0} s");
        Assert.True(second < Bound, $"The second submit took {second.TotalSeconds:0.0} s: the kit waited for a text change that never came (validation timeout {LongValidationSeconds} s).");
    }

    [Fact]
    public async Task A_page_that_never_answers_is_waited_for_up_to_the_timeout_and_judged_on_what_it_shows()
    {
        // It keeps changing (a spinner, a ticker) outside its announced regions; none of that is an answer.
        const double validationSeconds = 8;
        var profile = _kit.ProfileWith([Fault.IgnoresAnswer, Fault.NoProgressState], stepSeconds: 4, validationSeconds: validationSeconds);
        var result = await _kit.RunAsync(profile, "invalid-key");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Flows);
        Assert.True(flow.Status == FlowStatus.Completed, $"{flow.Flow} stopped: {flow.StopReason}");

        // Pleo was asked, the page still shows Not connected and no message: the message judged is the status text.
        var message = Assert.Single(result["UXK-ERR-1"].Observations, o => o.Outcome == Outcome.Fail);
        Assert.Contains("no element matched locators.errorMessage", message.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Failed, result["UXK-ERR-3"].Verdict);
        Assert.Equal(Verdict.Passed, result["UXK-ERR-4"].Verdict);
        Assert.Equal(Verdict.Passed, result["UXK-STATE-1"].Verdict);

        var waited = Between(flow, "opened the connection page", FirstSubmit);
        _output.WriteLine($"connection page to the outcome: {waited.TotalSeconds:0.0} s");
        Assert.True(waited >= TimeSpan.FromSeconds(validationSeconds - 1), $"The kit judged after {waited.TotalSeconds:0.0} s, before the validation timeout ({validationSeconds} s), a page that never answered.");
    }

    [Fact]
    public async Task A_new_document_loaded_before_Pleo_answered_is_not_taken_for_the_answer()
    {
        // The post is answered at once with the page as it was; the answer comes later, drawn in place by a poll. Had
        // the kit taken the new document for the answer, it would read the invalid-key message again after the second
        // submit and fail UXK-ERR-2 as "the same as for an invalid key".
        var profile = _kit.ProfileWith([Fault.ValidatesInBackground, Fault.NoProgressState], stepSeconds: 6, validationSeconds: 20);
        var result = await _kit.RunAsync(profile, "missing-permission");
        _output.WriteLine(Reporting.ConsoleReporter.Summary(result));

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Flows);
        Assert.True(flow.Status == FlowStatus.Completed, $"{flow.Flow} stopped: {flow.StopReason}");
        Assert.All(result.Checks.Where(c => c.Verdict != Verdict.NotRun), check => Assert.True(check.Verdict == Verdict.Passed, $"{check.Check.Id}: {check.Verdict}: {check.Summary}"));
    }

    private static TimeSpan Between(FlowResult flow, string from, string to) =>
        flow.Steps.Single(step => step.Name == to).Elapsed - flow.Steps.Single(step => step.Name == from).Elapsed;
}
