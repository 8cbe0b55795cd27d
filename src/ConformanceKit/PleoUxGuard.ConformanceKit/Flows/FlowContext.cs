using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A key submitted with Connect: when, and the page's text just before.</summary>
/// <param name="Click">The click itself: with a form post it ends only when the answer arrives.</param>
/// <param name="Mark">Set on the page's window just before the click: a window without it is a new document.</param>
public sealed record Submission(MintedKey Key, DateTimeOffset ClickedAt, string TextBefore, Task Click, string Mark);

/// <summary>The message the error checks judge.</summary>
/// <param name="Text">The error message's text, masked; the status text when no error message element showed.</param>
/// <param name="Fallback">Null when an element of locators.errorMessage showed the text; else why the status text was judged.</param>
public sealed record ShownMessage(string Text, string? Fallback)
{
    /// <summary>A failure's detail, with the fallback named so the team knows to mark its message (role=alert).</summary>
    public string Detail(string detail) => Fallback is null ? detail : $"{detail} ({Fallback}.)";

    /// <summary>What the evidence shows as found.</summary>
    public string Found => Fallback is null ? Text : $"{Fallback}: {Text}";
}

/// <summary>An element that shows the state label on its own, with no role=status or aria-live: the status screen readers miss.</summary>
/// <param name="Label">Its text: the label.</param>
/// <param name="Path">Where it is, as a short CSS path (tag, id, classes; up to the nearest id).</param>
/// <param name="Html">Its HTML, cut at 300 characters.</param>
public sealed record UnannouncedStatusElement(string Label, string Path, string Html);

/// <summary>What the status region showed at one moment.</summary>
/// <param name="Found">False when no status region was visible.</param>
/// <param name="Text">Its text, with any key piece masked.</param>
/// <param name="Labels">The state labels found in it, in order.</param>
public sealed record StateSnapshot(bool Found, string Text, IReadOnlyList<ConnectionState> Labels)
{
    /// <summary>The one state shown, or null when none or several labels are shown.</summary>
    public ConnectionState? State => Labels.Count == 1 ? Labels[0] : null;
}

/// <summary>
/// A flow's handle on its browser context, the fake Pleo and the profile, plus the user steps every flow
/// shares (sign in, enter a key, click Connect, wait for the outcome) and the recording of observations.
/// </summary>
public sealed class FlowContext
{
    private readonly Flow _flow;
    private readonly Placeholders _placeholders;
    private readonly Uri _baseUrl;
    private readonly string? _outputDirectory;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<MintedKey> _keys = [];
    private readonly List<CheckObservation> _observations = [];
    private readonly List<FlowStep> _steps = [];
    private readonly Dictionary<int, byte[]> _stepImages = [];
    private readonly Regex _anyState;
    private readonly Regex _wholeLabel;
    private int _screenshots;
    private int _submissions;

    internal FlowContext(
        Flow flow,
        IBrowserContext browserContext,
        IPage page,
        ConformanceProfile profile,
        Placeholders placeholders,
        Uri baseUrl,
        FakePleoServer pleo,
        BrowserActivity activity,
        PageTextWatcher textWatcher,
        string? outputDirectory)
    {
        _flow = flow;
        BrowserContext = browserContext;
        Page = page;
        Profile = profile;
        _placeholders = placeholders;
        _baseUrl = baseUrl;
        Pleo = pleo;
        Activity = activity;
        TextWatcher = textWatcher;
        _outputDirectory = outputDirectory;
        Locators = new PageLocators(page, profile.Locators);
        Labels = new StateLabels(profile.StateLabels);
        _anyState = Labels.RegexForAny(Enum.GetValues<ConnectionState>());
        _wholeLabel = Labels.WholeLabel();
        StepTimeout = TimeSpan.FromSeconds(profile.Timeouts.StepSeconds);
        ValidationTimeout = TimeSpan.FromSeconds(profile.Timeouts.ValidationSeconds);
    }

    public IBrowserContext BrowserContext { get; }

    public IPage Page { get; }

    public ConformanceProfile Profile { get; }

    public FakePleoServer Pleo { get; }

    public BrowserActivity Activity { get; }

    /// <summary>The page's visible text as the page itself reports it, also while a form post is pending.</summary>
    public PageTextWatcher TextWatcher { get; }

    public PageLocators Locators { get; }

    public StateLabels Labels { get; }

    public TimeSpan StepTimeout { get; }

    public TimeSpan ValidationTimeout { get; }

    /// <summary>The step the flow is at, named by the last completed user action.</summary>
    public string CurrentStep { get; private set; } = "start";

    /// <summary>Every key minted in this flow; evidence masks all of them.</summary>
    public IReadOnlyList<MintedKey> Keys => _keys;

    internal IReadOnlyList<CheckObservation> Observations => _observations;

    internal IReadOnlyList<FlowStep> Steps => _steps;

    /// <summary>
    /// Writes the step screenshots into the output folder and returns the steps pointing at them. Captured for
    /// every flow (in memory) but written only for a flow that failed or stopped, to keep the reports small.
    /// </summary>
    internal IReadOnlyList<FlowStep> StepsWithScreenshots()
    {
        if (_outputDirectory is null)
        {
            return _steps;
        }

        return _steps.Select((step, index) =>
        {
            if (!_stepImages.TryGetValue(index, out var image))
            {
                return step;
            }

            var relative = Path.Combine("screenshots", $"{_flow.Id}-step-{index + 1}.jpg");
            Directory.CreateDirectory(Path.Combine(_outputDirectory, "screenshots"));
            File.WriteAllBytes(Path.Combine(_outputDirectory, relative), image);
            return step with { Screenshot = relative };
        }).ToList();
    }

    internal TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Mints a fresh key for this flow through the fake Pleo.</summary>
    public MintedKey Mint(Func<KeyRegistry, MintedKey> mint)
    {
        var key = mint(Pleo.Keys);
        _keys.Add(key);
        return key;
    }

    /// <summary>Masks every piece of every key of this flow.</summary>
    public string Mask(string? text) => new SecretMask(_keys.Select(k => k.Value)).Apply(text);

    /// <summary>The fake Pleo's journal lines for this flow's keys, as evidence shows them.</summary>
    public IReadOnlyList<string> JournalLines()
    {
        var ids = _keys.Select(k => k.Id).ToHashSet();
        return Pleo.Journal.All
            .Where(entry => entry.KeyId is not null && ids.Contains(entry.KeyId))
            .Select(entry => $"{entry.Time:HH:mm:ss.fff} {entry.Method} {entry.Path} key {entry.KeyFingerprint} in {entry.KeyLocation} -> {entry.StatusCode}{(entry.ErrorCode is null ? string.Empty : " " + entry.ErrorCode)}{(entry.Violation ? " VIOLATION: key in URL" : string.Empty)}")
            .ToList();
    }

    /// <summary>
    /// Records that the flow finished a user step, and judges R-STATE-1 on what the page shows once its status
    /// shows a state (<see cref="ReadShownStateAsync"/>).
    /// </summary>
    public Task<StateSnapshot> StepAsync(string name) => RecordStepAsync(name, ReadShownStateAsync);

    /// <summary>
    /// <see cref="StepAsync"/> right after <see cref="WaitForOutcomeAsync"/>, which has already given the page a step
    /// to show a state: reads what it shows now. Waiting a second step would double the time a page that shows no
    /// state costs, and judge nothing different.
    /// </summary>
    public Task<StateSnapshot> StepAfterOutcomeAsync(string name) => RecordStepAsync(name, ReadStateAsync);

    private async Task<StateSnapshot> RecordStepAsync(string name, Func<Task<StateSnapshot>> read)
    {
        CurrentStep = name;
        var snapshot = await read();
        _steps.Add(new FlowStep(name, _clock.Elapsed, snapshot.State is { } state ? Labels.NameOf(state) : null));
        if (await CaptureAsync(ScreenshotType.Jpeg) is { } image)
        {
            _stepImages[_steps.Count - 1] = image;
        }

        await StateChecks.JudgeExactlyOneAsync(this, snapshot);
        return snapshot;
    }

    /// <summary>
    /// Records a step without reading the page (nor taking its screenshot), for a moment when the page cannot be
    /// read: its form post is waiting for Pleo. <paramref name="state"/> is what the flow knows the status showed.
    /// </summary>
    internal void RecordStepWithoutReading(string name, ConnectionState? state)
    {
        CurrentStep = name;
        _steps.Add(new FlowStep(name, _clock.Elapsed, state is { } shown ? Labels.NameOf(shown) : null));
    }

    /// <summary>Records a passing look.</summary>
    public void Pass(CheckDefinition check, string detail) =>
        _observations.Add(new CheckObservation(check.Id, _flow.Id, CurrentStep, Outcome.Pass, detail));

    /// <summary>Records a failing look with evidence: masked text found, a masked screenshot, the journal.</summary>
    public async Task FailAsync(CheckDefinition check, string detail, string? found, bool screenshot = true)
    {
        var evidence = new Evidence(
            Found: Mask(found ?? "nothing"),
            Screenshot: screenshot ? await ScreenshotAsync(check) : null,
            JournalLines: JournalLines(),
            Url: Mask(Page.Url));
        _observations.Add(new CheckObservation(check.Id, _flow.Id, CurrentStep, Outcome.Fail, Mask(detail), evidence));
    }

    /// <summary>Records a pass or a failure.</summary>
    /// <summary>
    /// Judges <paramref name="check"/> on whether the status shows Connected within a step, with the status text as
    /// what was found; true when it did.
    /// </summary>
    public async Task<bool> JudgeConnectedAsync(CheckDefinition check, string passDetail, string failDetail)
    {
        var connected = await WaitForStateAsync(ConnectionState.Connected, StepTimeout);
        await JudgeAsync(check, connected, connected ? passDetail : failDetail, (await ReadStateAsync()).Text);
        return connected;
    }

    /// <summary>
    /// Judges <paramref name="check"/> on whether a key submitted again (at <paramref name="submittedAt"/>: the retry of
    /// R-ERR-5 and R-ERR-6) connected: the status shows Connected within a step. When the status cannot be read at all
    /// (no status region, no state label, or several different ones: UXK-STATE-1 fails that step), the page cannot say
    /// whether the retry worked, and the look is skipped with that reason rather than blaming the retry. Pleo's journal
    /// corroborates only a failure: when Pleo got no call with the key since it was submitted, the retry never reached
    /// Pleo, and the look fails whatever the page shows. A 200 in the journal is said in the skip, not counted as a
    /// pass: it proves the integration asked Pleo, not that it took the key.
    /// </summary>
    /// <returns>Whether the status showed Connected.</returns>
    public async Task<bool> JudgeRetryConnectedAsync(CheckDefinition check, MintedKey key, DateTimeOffset submittedAt, string passDetail, string failDetail)
    {
        var connected = await WaitForStateAsync(ConnectionState.Connected, StepTimeout);
        var shown = await ReadStateAsync();
        var calls = Pleo.Journal.For(key).Where(entry => entry.Time >= submittedAt).ToList();
        if (connected || shown.State is not null)
        {
            await JudgeAsync(check, connected, connected ? passDetail : failDetail, shown.Text);
            return connected;
        }

        var unreadable = !shown.Found ? "no status region was visible"
            : shown.Labels.Count == 0 ? "the status showed no state label"
            : $"the status showed {shown.Labels.Count} state labels at once ({string.Join(", ", shown.Labels.Select(Labels.NameOf))})";
        if (calls.Count == 0)
        {
            await FailAsync(check, $"{failDetail} Pleo received no call with the key after it was submitted (the status could not be read either: {unreadable}).", shown.Text);
            return false;
        }

        var answers = string.Join(", ", calls.Select(entry => entry.StatusCode).Distinct());
        _observations.Add(new CheckObservation(
            check.Id,
            _flow.Id,
            CurrentStep,
            Outcome.Skip,
            $"Not judged: the state could not be read after the key was submitted again ({unreadable}; UXK-STATE-1 reports it), so whether it connected is unknown. Pleo answered the key {answers}.",
            new Evidence(Found: Mask(shown.Text.Length == 0 ? "nothing" : shown.Text), Screenshot: null, JournalLines: JournalLines(), Url: Mask(Page.Url))));
        return false;
    }

    public async Task JudgeAsync(CheckDefinition check, bool passed, string detail, string? found = null)
    {
        if (passed)
        {
            Pass(check, detail);
        }
        else
        {
            await FailAsync(check, detail, found);
        }
    }

    internal void SkipUnjudged(string reason)
    {
        foreach (var check in _flow.Checks.Where(check => _observations.All(o => o.CheckId != check.Id)))
        {
            _observations.Add(new CheckObservation(check.Id, _flow.Id, CurrentStep, Outcome.Skip, reason));
        }
    }

    /// <summary>
    /// Resolves a locator; when nothing matches, <paramref name="failing"/> fails and the flow stops. The key field is
    /// resolved as <see cref="ResolveKeyFieldAsync"/> does.
    /// </summary>
    public Task<ILocator> ResolveAsync(LocatorName name, CheckDefinition failing, TimeSpan? timeout = null) =>
        FoundOrFailAsync(name, failing, async () => name == LocatorName.KeyInput
            ? (await ShowKeyFieldAsync(timeout ?? StepTimeout)).Field.Locator
            : (await Locators.ResolveAsync(name, timeout ?? StepTimeout)).Locator);

    /// <summary>
    /// Resolves the key field; when nothing matches, <paramref name="failing"/> fails and the flow stops. A page that
    /// shows locators.openKeyForm rather than the field (its dialog not open yet, or closed again after a failure) gets
    /// that control clicked first (<see cref="ShowKeyFieldAsync"/>).
    /// </summary>
    /// <param name="beforeOpening">Runs just before the kit clicks locators.openKeyForm, on the page with its key form closed.</param>
    public Task<ILocator> ResolveKeyFieldAsync(CheckDefinition failing, Func<ResolvedLocator, Task>? beforeOpening = null) =>
        FoundOrFailAsync(LocatorName.KeyInput, failing, async () => (await ShowKeyFieldAsync(StepTimeout, beforeOpening)).Field.Locator);

    /// <summary>
    /// The key field. When the profile sets locators.openKeyForm, waits until the field or that control shows; when
    /// the field does not, clicks the control (a step of its own) and resolves the field then.
    /// </summary>
    /// <returns>The field, and the control the kit clicked to show it (null when it clicked none).</returns>
    /// <exception cref="LocatorProblemException">No field (and no control) showed in time, or a locator matches several elements.</exception>
    internal async Task<(ResolvedLocator Field, ResolvedLocator? Opener)> ShowKeyFieldAsync(TimeSpan timeout, Func<ResolvedLocator, Task>? beforeOpening = null)
    {
        if (await Locators.KeyFormOpenerAsync(timeout) is not { } opener)
        {
            return (await Locators.ResolveAsync(LocatorName.KeyInput, timeout), null);
        }

        var openerName = $"{PageLocators.FieldOf(LocatorName.OpenKeyForm)} ({opener.Matched.Describe()})";
        if (await PageLocators.KeyFormOpeningAsync(opener) is { } opening)
        {
            // The page is showing its form (an expander it opened, a dialog waiting for its content): a click would
            // collapse the expander or be taken by the modal.
            return (await FieldOrProblemAsync(timeout, $" while {openerName} was not clicked: {opening}"), null);
        }

        if (beforeOpening is not null)
        {
            await beforeOpening(opener);
        }

        try
        {
            await opener.Locator.ClickAsync(new() { Timeout = Milliseconds(timeout) });
        }
        catch (TimeoutException)
        {
            // Another element took the click (the page opened its dialog between the wait and the click), or the
            // opener never became clickable: the field may be there all the same.
            if (await Locators.Combined(LocatorName.KeyInput).CountAsync() > 0)
            {
                return (await Locators.ResolveAsync(LocatorName.KeyInput, timeout), null);
            }

            var choice = Locators.ChoiceFor(LocatorName.KeyInput)!;
            throw new LocatorProblemException(PageLocators.FieldOf(LocatorName.KeyInput), choice, 0, $", and {openerName} could not be clicked within {timeout.TotalSeconds:0.#} s (disabled, or another element takes the click)");
        }

        await StepAsync("opened the key form");
        return (await FieldOrProblemAsync(timeout, $" after {openerName} was clicked"), opener);
    }

    /// <summary>Resolves the key field; when nothing matches, says what the kit did with the opener (<paramref name="besides"/>).</summary>
    private async Task<ResolvedLocator> FieldOrProblemAsync(TimeSpan timeout, string besides)
    {
        try
        {
            return await Locators.ResolveAsync(LocatorName.KeyInput, timeout);
        }
        catch (LocatorProblemException problem) when (problem.MatchCount == 0)
        {
            throw new LocatorProblemException(problem.Field, problem.Choice, 0, besides);
        }
    }

    /// <summary>
    /// "; the page answered HTTP 404 Not Found" when the last page the kit went to answered with an error status, or
    /// empty: a wrong <c>connectionPage</c> or sign-in address otherwise reads as a page that lacks its controls.
    /// </summary>
    public string PageAnswer { get; private set; } = string.Empty;

    /// <summary>The HTTP status the connection page answered when the kit last opened it (0 before that).</summary>
    public int ConnectionPageStatus { get; private set; }

    /// <summary>
    /// The connection page answered 404 or 410 (with a page of its own) and a control the flow needs is not there:
    /// the profile's <c>connectionPage</c> names no page of the integration, which no flow can get past.
    /// </summary>
    private bool ConnectionPageIsMissing => ConnectionPageStatus is 404 or 410 && !_connectionPageServed;

    // The connection page answered a success once in this flow: a later 404 is the integration's doing, not the profile's.
    private bool _connectionPageServed;

    private async Task<ILocator> FoundOrFailAsync(LocatorName name, CheckDefinition failing, Func<Task<ILocator>> resolve)
    {
        try
        {
            return await resolve();
        }
        catch (LocatorProblemException problem) when (problem.MatchCount == 0 && ConnectionPageIsMissing)
        {
            throw new ProfileException(
                $"connectionPage: {Mask(Page.Url)} answered HTTP {ConnectionPageStatus} and shows no {Describe(name)}; check the profile's connectionPage.", problem);
        }
        catch (LocatorProblemException problem) when (problem.MatchCount == 0)
        {
            await FailAsync(failing, $"No {Describe(name)} was found{problem.Besides}{PageAnswer}.", problem.Message);
            throw new FlowStoppedException($"no {Describe(name)} was found ({problem.Choice.Describe()}){problem.Besides}{PageAnswer}, so the flow could not go on");
        }
    }

    /// <summary>Runs the profile's sign-in, then opens the connection page.</summary>
    public async Task SignInAsync()
    {
        var steps = Profile.SignIn?.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            await RunSignInStepAsync(steps[i], $"signIn.steps[{i}]");
        }

        await OpenConnectionPageAsync();
        await StepAsync("opened the connection page");
    }

    /// <summary>
    /// Reads the status region once it shows a state label, waiting up to a step for one: a single-page app (or a
    /// page that fetches its status) draws it after the page has loaded. Returns at once when a label is shown;
    /// after the step timeout, reads what is there (nothing, or no label) for the checks to judge.
    /// </summary>
    public async Task<StateSnapshot> ReadShownStateAsync()
    {
        await WaitForStatusTextAsync(_anyState, StepTimeout);
        return await ReadStateAsync();
    }

    /// <summary>
    /// The status region as the kit reads it: locators.statusRegion; with the default locator, on a page where no
    /// announced region (role=status, aria-live) is visible, the visible elements whose whole text is a state label
    /// (<see cref="UnannouncedStatus"/>), so a status that screen readers do not announce is still read (and fails
    /// UXK-A11Y-1) rather than stopping the flows.
    /// </summary>
    internal ILocator StatusRegion => Profile.Locators.StatusRegion is null
        ? Locators.Combined(LocatorName.StatusRegion).Or(UnannouncedStatus)
        : Locators.Combined(LocatorName.StatusRegion);

    /// <summary>
    /// The visible elements whose whole text is a state label ("Not connected" in a badge), while the page shows no
    /// visible element of the default locators.statusRegion; the innermost such element when several nest.
    /// </summary>
    internal ILocator UnannouncedStatus =>
        Page.Locator("body").Filter(new() { HasNot = Locators.Combined(LocatorName.StatusRegion) })
            .GetByText(_wholeLabel).Filter(new() { Visible = true });

    /// <summary>
    /// The unannounced status (<see cref="UnannouncedStatus"/>) when the profile leaves locators.statusRegion to its
    /// default and the page shows its state only there: the label, where it is (a short CSS path) and its HTML. Null
    /// when an announced region is visible, the profile sets the locator, or no element shows a label on its own.
    /// </summary>
    internal async Task<UnannouncedStatusElement?> FindUnannouncedStatusAsync()
    {
        var unannounced = UnannouncedStatus;
        if (Profile.Locators.StatusRegion is not null || await AcrossNavigationAsync(unannounced.CountAsync) == 0)
        {
            return null;
        }

        var first = unannounced.First;
        var text = await first.InnerTextAsync(new() { Timeout = Milliseconds(StepTimeout) });
        var path = await first.EvaluateAsync<string>("""
            el => {
              const part = n => n.localName + (n.id ? '#' + n.id : '') + [...n.classList].map(c => '.' + c).join('');
              const parts = [];
              for (let n = el; n && n.nodeType === 1 && n !== document.body && parts.length < 4; n = n.parentElement) {
                parts.unshift(part(n));
                if (n.id) break;
              }
              return parts.join(' > ');
            }
            """);
        var html = await first.EvaluateAsync<string>("el => el.outerHTML.slice(0, 300)");
        return new UnannouncedStatusElement(Mask(text.Trim()), path, Mask(html));
    }

    /// <summary>Reads the status region now (no waiting beyond Playwright's own).</summary>
    public async Task<StateSnapshot> ReadStateAsync()
    {
        var region = StatusRegion;
        var texts = await AcrossNavigationAsync(region.AllInnerTextsAsync);
        if (texts.Count == 0)
        {
            return new StateSnapshot(false, string.Empty, []);
        }

        var text = string.Join(" | ", texts.Select(t => t.Trim()));
        return new StateSnapshot(true, Mask(text), Labels.FindIn(text));
    }

    /// <summary>Waits until the status region shows <paramref name="state"/>; false when it did not in time.</summary>
    public Task<bool> WaitForStateAsync(ConnectionState state, TimeSpan timeout) => WaitForStatusTextAsync(Labels.RegexFor(state), timeout);

    /// <summary>Waits until a visible status region's text matches <paramref name="text"/>; false when it did not in time.</summary>
    private async Task<bool> WaitForStatusTextAsync(Regex text, TimeSpan timeout)
    {
        try
        {
            // Combined matches visible elements only, so First is the first visible match: a hidden copy of the
            // status earlier in the page (a css locator matching both) is not waited for (StatusLocatorTests).
            await ShowingText(StatusRegion, text).First
                .WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Milliseconds(timeout) });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The elements of <paramref name="region"/> whose text matches <paramref name="text"/>, as the status is read
    /// (<see cref="ReadStateAsync"/>: each element's rendered text, with its lines). Playwright's text filter joins an
    /// element's text nodes with nothing between them, so a status of two paragraphs, "Connected" and "Connected to
    /// Company ID: 42", reads "ConnectedConnected to…" and shows no whole-word Connected to it: a visible descendant
    /// whose own text matches counts as well.
    /// </summary>
    private ILocator ShowingText(ILocator region, Regex text) =>
        region.Filter(new() { HasTextRegex = text }).Or(region.Filter(new() { Has = Page.GetByText(text).Filter(new() { Visible = true }) }));

    /// <summary>Types a key into the field, replacing what was there.</summary>
    /// <exception cref="FlowStoppedException">The field did not take the text within the step timeout; says why.</exception>
    public async Task EnterKeyAsync(ILocator keyField, MintedKey key)
    {
        try
        {
            await keyField.FillAsync(key.Value, new() { Timeout = Milliseconds(StepTimeout) });
        }
        catch (TimeoutException)
        {
            throw new FlowStoppedException($"the key could not be typed into the key field within {StepTimeout.TotalSeconds:0} s: {await WhyNotEditableAsync(keyField)}");
        }
    }

    /// <summary>
    /// Why a field that was found does not take text, in the user's terms. Asked with a short timeout each: the
    /// field is there, and Playwright has already waited a whole step for it to become editable.
    /// </summary>
    private static async Task<string> WhyNotEditableAsync(ILocator field)
    {
        const float quick = 5_000;
        try
        {
            if (!await field.IsVisibleAsync())
            {
                return "it is hidden";
            }

            if (await field.IsDisabledAsync(new() { Timeout = quick }))
            {
                return "it is disabled";
            }

            return await field.IsEditableAsync(new() { Timeout = quick }) ? "it did not take the text" : "it is read-only";
        }
        catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
        {
            return "it is no longer on the page";
        }
    }

    /// <summary>Clicks the connect (or save) button; a missing button fails <paramref name="failing"/>.</summary>
    /// <returns>When it clicked, and the page's text just before, to see the page answer.</returns>
    public async Task<Submission> ClickConnectAsync(MintedKey key, CheckDefinition failing)
    {
        var button = await ResolveAsync(LocatorName.ConnectButton, failing);
        var mark = $"{_flow.Id}-{++_submissions}";
        var textBefore = await AcrossNavigationAsync(() => Page.EvaluateAsync<string>(AnswerWatcher.MarkScript, mark));
        var clickedAt = DateTimeOffset.UtcNow;

        // Not awaited here: a click that posts a form waits for the answer, which the slow flows hold back on purpose,
        // for up to a step (waiting for Validation in progress) before Pleo answers; the click must outlast that wait
        // and the answer, or a page that never shows progress would stop the flow with the click's own timeout.
        var click = button.ClickAsync(new() { Timeout = Milliseconds(StepTimeout + ValidationTimeout) });
        return new Submission(key, clickedAt, textBefore, click, mark);
    }

    /// <summary>Enters the key, clicks Connect and waits for the page to answer.</summary>
    public async Task<StateSnapshot> SubmitKeyAsync(ILocator keyField, MintedKey key, CheckDefinition failing)
    {
        await EnterKeyAsync(keyField, key);
        var submission = await ClickConnectAsync(key, failing);
        return await WaitForOutcomeAsync(submission);
    }

    /// <summary>
    /// Waits until the integration has answered a submitted key: Pleo's answer is in the journal, the page has
    /// answered since the click (<see cref="AnswerWatcher"/>: its text changed, a new document loaded, or an announced
    /// region changed after Pleo answered), and the status no longer shows Validation in progress. Returns
    /// what the status shows then; when something never happens the checks judge what is shown.
    /// </summary>
    public async Task<StateSnapshot> WaitForOutcomeAsync(Submission submission)
    {
        var deadline = DateTimeOffset.UtcNow + ValidationTimeout;
        DateTimeOffset? pleoAnsweredAt = null;
        try
        {
            var answer = await Pleo.Journal.WaitForAsync(entry => entry.KeyId == submission.Key.Id && entry.Time >= submission.ClickedAt.AddSeconds(-1), ValidationTimeout);

            // An answer from just before the click (the same key sent a moment earlier) must not let what the page did
            // before the click count as its answer.
            pleoAnsweredAt = answer.Time > submission.ClickedAt ? answer.Time : submission.ClickedAt;
        }
        catch (TimeoutException)
        {
            // The integration never asked Pleo; R-SAVE-1 judges that.
        }

        await submission.Click.WaitAsync(Remaining(deadline));
        await WaitForPageToAnswerAsync(submission, pleoAnsweredAt, deadline);
        await WaitForStateToLeaveAsync(ConnectionState.ValidationInProgress, Remaining(deadline));
        return await ReadShownStateAsync();
    }

    /// <summary>
    /// Each message's visible text without the button that closes it: a toast's "Dismiss" (or "Close", "×", "OK") is
    /// no part of what it says, and joined to "Error" it hid that the message is generic. A "Try again" button stays.
    /// </summary>
    private const string MessageTextScript = """
        els => els.map(el => {
          let text = el.innerText || '';
          for (const b of el.querySelectorAll('button,[role=button],input[type=button]')) {
            const label = (b.innerText || b.value || '').trim();
            const name = (label || b.getAttribute('aria-label') || '').trim().toLowerCase();
            if (!/^(dismiss|close|×|✕|x|ok|okay|got it|hide)$/.test(name) || !label) continue;
            const at = text.lastIndexOf(label);
            if (at >= 0) text = text.slice(0, at) + text.slice(at + label.length);
          }
          return text;
        })
        """;

    /// <summary>The error message(s) shown, else the status region's text (and then says so); masked.</summary>
    public async Task<ShownMessage> ReadMessageAsync()
    {
        var messages = Locators.Combined(LocatorName.ErrorMessage);
        var alerts = await AcrossNavigationAsync(() => messages.EvaluateAllAsync<string[]>(MessageTextScript));
        var text = string.Join(" ", alerts.Select(a => a.Trim()).Where(a => a.Length > 0));
        if (text.Length > 0)
        {
            return new ShownMessage(Mask(text), null);
        }

        var status = await ReadStateAsync();
        var unmatched = $"no element matched {PageLocators.FieldOf(LocatorName.ErrorMessage)} ({Locators.ChoiceFor(LocatorName.ErrorMessage)!.Describe()})";

        // A page that never left Validation in progress showed no outcome at all: that, not a missing role, is its fault.
        var fallback = status.State == ConnectionState.ValidationInProgress
            ? $"the page showed no outcome: the status still showed {Labels.NameOf(ConnectionState.ValidationInProgress)} and {unmatched}; judged the status text"
            : $"{unmatched}; judged the status text instead";
        return new ShownMessage(status.Text, fallback);
    }

    /// <summary>Whether the company id shows within <paramref name="timeout"/>.</summary>
    public async Task<bool> CompanyIdShownAsync(Guid companyId, TimeSpan timeout)
    {
        try
        {
            await Locators.CompanyId(companyId).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Milliseconds(timeout) });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until the page has made no request for a moment (Playwright's network-idle state).</summary>
    public async Task WaitForNetworkIdleAsync()
    {
        try
        {
            await SlicedWait.ForLoadStateAsync(Page, LoadState.NetworkIdle, StepTimeout);
        }
        catch (TimeoutException)
        {
            // A page that polls never goes idle; scan what is there.
        }
    }

    /// <summary>
    /// Opens the connection page again, as a user coming back does: a new document, also when the page is a hash
    /// route of a single-page app. Not the browser's reload: after a form post that would post the form again.
    /// </summary>
    public Task ReloadAsync() => OpenConnectionPageAsync();

    /// <summary>Connects with a fresh valid key as a prerequisite; stops the flow when that does not work.</summary>
    public async Task<(MintedKey Key, ILocator KeyField)> ConnectAsPrerequisiteAsync(CheckDefinition failingIfNoField)
    {
        var keyField = await ResolveAsync(LocatorName.KeyInput, failingIfNoField);
        var key = Mint(keys => keys.MintValid());
        await SubmitKeyAsync(keyField, key, failingIfNoField);
        if (!await WaitForStateAsync(ConnectionState.Connected, StepTimeout))
        {
            await StepAsync("tried to connect with a valid key");
            throw new FlowStoppedException($"connecting with a valid key did not show {Labels.NameOf(ConnectionState.Connected)} (the status showed \"{(await ReadStateAsync()).Text}\")");
        }

        await StepAsync("connected with a valid key");
        return (key, keyField);
    }

    /// <summary>Resolves a profile-relative URL against the base URL.</summary>
    public Uri Resolve(string url) => new(_baseUrl, _placeholders.Expand(url));

    /// <summary>
    /// Runs a read that evaluates in the page; when a navigation replaces the document meanwhile, waits
    /// for the new document and reads again.
    /// </summary>
    public async Task<T> AcrossNavigationAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (PlaywrightException problem) when (attempt < 4 && IsNavigation(problem))
            {
                await SlicedWait.ForLoadStateAsync(Page, LoadState.DOMContentLoaded, StepTimeout);
            }
        }
    }

    private static bool IsNavigation(PlaywrightException problem) =>
        problem.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase)
        || problem.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase);

    private async Task WaitForPageToAnswerAsync(Submission submission, DateTimeOffset? pleoAnsweredAt, DateTimeOffset deadline)
    {
        var argument = new { mark = submission.Mark, before = submission.TextBefore, answeredAt = pleoAnsweredAt?.ToUnixTimeMilliseconds() };

        // A navigation may replace the document while we wait: then wait for the new one and look again (it has no mark).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await Page.WaitForFunctionAsync(AnswerWatcher.AnsweredScript, argument, new() { Timeout = Milliseconds(Remaining(deadline)), PollingInterval = null });
                return;
            }
            catch (TimeoutException)
            {
                return;
            }
            catch (PlaywrightException problem) when (IsNavigation(problem))
            {
                await SlicedWait.ForLoadStateAsync(Page, LoadState.DOMContentLoaded, Remaining(deadline));
            }
        }
    }

    /// <summary>
    /// What is left of the validation timeout counted from the click: the checks that wait for Pleo's call after
    /// <see cref="WaitForOutcomeAsync"/> (which waited for it already) give the page that timeout once, not twice.
    /// </summary>
    public TimeSpan ValidationTimeLeft(Submission submission) => Remaining(submission.ClickedAt + ValidationTimeout);

    private static TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - DateTimeOffset.UtcNow;
        return left > TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500);
    }

    private async Task WaitForStateToLeaveAsync(ConnectionState state, TimeSpan timeout)
    {
        if (await ShowingText(StatusRegion, Labels.RegexFor(state)).CountAsync() == 0)
        {
            return;
        }

        // Still in progress after the validation timeout: the checks judge that.
        await WaitForStatusTextAsync(Labels.RegexForAny(Enum.GetValues<ConnectionState>().Where(s => s != state)), timeout);
    }

    /// <summary>
    /// Loads the connection page as a new document. Going to an address that differs from the page's only in its
    /// #fragment (a hash route, or the very address the page is at) is a same-document navigation in the browser:
    /// nothing is loaded and a single-page app draws nothing again. The page leaves its document first then.
    /// </summary>
    private async Task OpenConnectionPageAsync()
    {
        var target = Resolve(Profile.ConnectionPage);
        ConnectionPageStatus = await GotoAsync(target, "connectionPage", leaveDocumentFirst: StaysInDocument(target));
        _connectionPageServed |= ConnectionPageStatus is > 0 and < 400;
    }

    private bool StaysInDocument(Uri target) =>
        target.Fragment.Length > 0
        && Uri.TryCreate(Page.Url, UriKind.Absolute, out var current)
        && Uri.Compare(current, target, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    private Task GotoAsync(string url, string field) => GotoAsync(Resolve(url), field, leaveDocumentFirst: false);

    /// <returns>The status the page answered (0 when the address changed only its fragment).</returns>
    private async Task<int> GotoAsync(Uri target, string field, bool leaveDocumentFirst)
    {
        try
        {
            if (leaveDocumentFirst)
            {
                await Page.GotoAsync("about:blank", new() { Timeout = Milliseconds(StepTimeout) });
            }

            // Said of this page only: an earlier page's status must not be attached to findings about this one.
            PageAnswer = string.Empty;
            var answer = await Page.GotoAsync(target.ToString(), new() { Timeout = Milliseconds(StepTimeout) });
            PageAnswer = answer is { Status: >= 400 } ? $"; the page answered HTTP {answer.Status} {answer.StatusText}".TrimEnd() : string.Empty;
            return answer?.Status ?? 0;
        }
        catch (PlaywrightException problem) when (problem.Message.Contains("net::ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            // Chromium's answer to an error status with an empty page: the integration answered, with an error.
            throw await ErrorStatusProblemAsync(target, field, problem);
        }
        catch (PlaywrightException problem) when (problem.Message.Contains("net::", StringComparison.Ordinal))
        {
            throw new EnvironmentProblemException($"{field}: the integration did not answer at {target} ({FirstLine(problem.Message)}). Is it running?", problem);
        }
        catch (TimeoutException problem)
        {
            throw new EnvironmentProblemException($"{field}: {target} did not load within {StepTimeout.TotalSeconds:0} s.", problem);
        }
    }

    /// <summary>
    /// An address that answers 404 or 410 is the profile's to fix (<paramref name="field"/> names it); any other error
    /// status is the integration failing to serve the page. The status is asked again with the page's cookies.
    /// </summary>
    private async Task<Exception> ErrorStatusProblemAsync(Uri target, string field, PlaywrightException problem)
    {
        string answered;
        int status = 0;
        try
        {
            var response = await Page.Context.APIRequest.GetAsync(target.ToString(), new() { Timeout = Milliseconds(StepTimeout), MaxRedirects = 5 });
            status = response.Status;

            // Asked again, a passing error may be gone (a 503, then 200): the first answer was still an error.
            answered = status >= 400 ? $"answered HTTP {response.Status} {response.StatusText}".TrimEnd() : "answered an error status";
            await response.DisposeAsync();
        }
        catch (PlaywrightException)
        {
            answered = "answered an error status";
        }

        var message = $"{field}: {Mask(target.ToString())} {answered} with an empty page";
        return status is 404 or 410
            ? new ProfileException($"{message}; check the profile's {field}.", problem)
            : new EnvironmentProblemException($"{message}; the integration could not serve it.", problem);
    }

    private async Task RunSignInStepAsync(SignInStep step, string field)
    {
        try
        {
            if (step.Goto is not null)
            {
                await GotoAsync(step.Goto, field + ".goto");
            }
            else if (step.Fill is not null)
            {
                var target = await PageLocators.ResolveAsync(Page, step.Fill, field + ".fill", StepTimeout);
                await target.Locator.FillAsync(_placeholders.Expand(step.Value ?? string.Empty));
            }
            else if (step.Click is not null)
            {
                var target = await PageLocators.ResolveAsync(Page, step.Click, field + ".click", StepTimeout);
                await target.Locator.ClickAsync();
            }
            else if (step.WaitFor is not null)
            {
                await PageLocators.ResolveAsync(Page, step.WaitFor, field + ".waitFor", StepTimeout);
            }
            else if (step.WaitForUrl is not null)
            {
                var expected = _placeholders.Expand(step.WaitForUrl);
                var pattern = TextPattern.Parse(expected);
                if (pattern.Regex is { } regex)
                {
                    await SlicedWait.ForUrlAsync(Page, regex, WaitUntilState.Commit, StepTimeout);
                }
                else
                {
                    // Only the address matters here; the next steps wait for the elements they need.
                    await SlicedWait.ForUrlAsync(Page, expected, WaitUntilState.Commit, StepTimeout);
                }
            }
        }
        catch (LocatorProblemException problem)
        {
            throw new ProfileException($"Sign-in failed: {problem.Message}", problem);
        }
        catch (FormatException problem)
        {
            // A waitForUrl regex the load accepted but its expanded placeholders broke.
            throw new ProfileException($"Sign-in failed: {problem.Message}", problem);
        }
        catch (TimeoutException problem)
        {
            throw new ProfileException($"Sign-in failed: {field} did not happen within {StepTimeout.TotalSeconds:0} s (the page is at {Mask(Page.Url)}{PageAnswer}).", problem);
        }
    }

    private async Task<string?> ScreenshotAsync(CheckDefinition check)
    {
        if (await CaptureAsync(ScreenshotType.Png) is not { } image)
        {
            return null;
        }

        var relative = Path.Combine("screenshots", $"{_flow.Id}-{check.Id}-{Interlocked.Increment(ref _screenshots)}.png");
        var path = Path.Combine(_outputDirectory!, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, image);
        return relative;
    }

    /// <summary>The page now with the key field masked, or null when reports are off or the page is gone.</summary>
    private async Task<byte[]?> CaptureAsync(ScreenshotType type)
    {
        if (_outputDirectory is null || Page.IsClosed)
        {
            return null;
        }

        try
        {
            return await Page.ScreenshotAsync(new()
            {
                Type = type,
                Quality = type == ScreenshotType.Jpeg ? 60 : null,
                Mask = [Locators.Combined(LocatorName.KeyInput)],
                Timeout = Milliseconds(StepTimeout),
            });
        }
        catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
        {
            return null; // A missing screenshot must not hide the failure it illustrates.
        }
    }

    private static string Describe(LocatorName name) => name switch
    {
        LocatorName.KeyInput => "API key field",
        LocatorName.OpenKeyForm => "control that shows the API key field",
        LocatorName.ConnectButton => "Connect/Save button",
        LocatorName.UpdateAction => "Update API key / Reconnect / Replace API key action",
        LocatorName.StatusRegion => "status region",
        LocatorName.CompanyId => "company id",
        _ => "error message",
    };

    internal static float Milliseconds(TimeSpan timeout) => (float)timeout.TotalMilliseconds;

    internal static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
