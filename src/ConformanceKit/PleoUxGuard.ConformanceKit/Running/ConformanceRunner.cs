using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Running;

/// <summary>
/// Runs the selected flows against an integration: each flow in its own browser context of one browser,
/// independent flows in parallel, flows that need the fake Pleo to themselves (an outage) alone afterwards.
/// </summary>
public static class ConformanceRunner
{
    /// <summary>
    /// The whole job: starts the fake Pleo and the browser, starts the integration when the profile has a
    /// command, runs, stops everything. Profile and environment problems come back in the result (exit 2 or 3).
    /// Cancelled, it throws <see cref="OperationCanceledException"/> within moments, once the flows that were running
    /// have ended on their closed browser contexts (at most 10 s), having stopped the integration and the browser.
    /// </summary>
    public static async Task<RunResult> RunAsync(ConformanceProfile profile, RunOptions options, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            // An unknown --flow or --check is a usage error: say so before starting anything.
            var chosen = FlowCatalogue.Select(options.Flows, options.Checks);
            ThrowIfOutputUnusable(options);
            if (options.Shard is { } shard && shard.Apply(chosen).Count == 0)
            {
                // Only a shard selects nothing, as every check belongs to a flow: nothing to start.
                var selected = chosen.Count;
                return RunResult.From(NewRunId(), profile.Name ?? "integration", started, clock.Elapsed, [], []) with
                {
                    NothingToRun = $"Shard {shard} has no flows: {selected} flow{(selected == 1 ? " is" : "s are")} selected for {shard.Count} shards. "
                        + "Nothing ran here; the other shards run them, and 'merge' judges their results.",
                };
            }

            await using var environment = await StartEnvironmentAsync(profile, options, cancellationToken);
            options.Progress?.Invoke($"Fake Pleo at {environment.Pleo.BaseUrl}");
            return await RunAsync(profile, environment, options, cancellationToken);
        }
        catch (ArgumentException problem)
        {
            return RunResult.From(NewRunId(), profile.Name ?? "integration", started, clock.Elapsed, [], [new RunProblem(ProblemKind.Profile, null, problem.Message)]);
        }
        catch (EnvironmentProblemException problem)
        {
            return RunResult.From(NewRunId(), profile.Name ?? "integration", started, clock.Elapsed, [], [new RunProblem(ProblemKind.Environment, null, problem.Message)]);
        }
        catch (ProfileException problem)
        {
            return RunResult.From(NewRunId(), profile.Name ?? "integration", started, clock.Elapsed, [], [new RunProblem(ProblemKind.Profile, null, problem.Message)]);
        }
    }

    /// <summary>
    /// The browser and the fake Pleo for a run or doctor. The profile's browser path resolves against its folder,
    /// as its other paths do; the fake's install page names the integration the profile names.
    /// </summary>
    private static Task<KitEnvironment> StartEnvironmentAsync(ConformanceProfile profile, RunOptions options, CancellationToken cancellationToken) =>
        KitEnvironment.StartAsync(BrowserPath(profile, options), profile.Browser.Headless && !options.Headed, PleoOptions(profile, options), cancellationToken);

    /// <summary>--browser as given; else the profile's path, against the profile's folder; else null (the kit's resolution).</summary>
    internal static string? BrowserPath(ConformanceProfile profile, RunOptions options) =>
        options.BrowserPath ?? (profile.Browser.ExecutablePath is { } fromProfile ? Path.GetFullPath(fromProfile, profile.Directory) : null);

    internal static FakePleo.FakePleoOptions PleoOptions(ConformanceProfile profile, RunOptions options)
    {
        var pleo = new FakePleo.FakePleoOptions { Port = options.PleoPort };
        if (!string.IsNullOrWhiteSpace(profile.Name))
        {
            pleo.ApplicationName = profile.Name;
        }

        return pleo;
    }

    /// <summary>Runs in an environment the caller owns (xunit fixtures share one across tests).</summary>
    public static Task<RunResult> RunAsync(ConformanceProfile profile, KitEnvironment environment, RunOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(profile, environment, options, options.SelectFlows, cancellationToken);

    /// <summary>Runs doctor: the integration is started as for a run, then one <see cref="DoctorFlow"/>.</summary>
    public static async Task<(RunResult Result, DoctorFlow Doctor)> DoctorAsync(ConformanceProfile profile, RunOptions options, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var environment = await StartEnvironmentAsync(profile, options, cancellationToken);
            options.Progress?.Invoke($"Fake Pleo at {environment.Pleo.BaseUrl}");
            return await DoctorAsync(profile, environment, options, cancellationToken);
        }
        catch (EnvironmentProblemException problem)
        {
            return (RunResult.From(NewRunId(), profile.Name ?? "integration", DateTimeOffset.UtcNow, TimeSpan.Zero, [], [new RunProblem(ProblemKind.Environment, null, problem.Message)]), new DoctorFlow());
        }
    }

    /// <summary>Runs doctor in an environment the caller owns.</summary>
    public static async Task<(RunResult Result, DoctorFlow Doctor)> DoctorAsync(ConformanceProfile profile, KitEnvironment environment, RunOptions options, CancellationToken cancellationToken = default)
    {
        var doctor = new DoctorFlow();
        return (await RunAsync(profile, environment, options, () => [doctor], cancellationToken), doctor);
    }

    private static async Task<RunResult> RunAsync(ConformanceProfile profile, KitEnvironment environment, RunOptions options, Func<IReadOnlyList<Flow>> selectFlows, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var runId = NewRunId();
        var name = profile.Name ?? "integration";
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"pleo-uxguard-{runId}");
        Directory.CreateDirectory(dataDirectory);
        var problems = new List<RunProblem>();
        var flows = new List<FlowResult>();
        try
        {
            ThrowIfOutputUnusable(options);
            var placeholders = RunPlaceholders(profile, environment, runId, dataDirectory);
            var baseUrl = BaseUrl(profile, placeholders);
            placeholders = placeholders.With("baseUrl", baseUrl.ToString().TrimEnd('/'));
            await using var integration = profile.Integration is { } settings
                ? await IntegrationHost.StartAsync(
                    settings,
                    placeholders,
                    profile.Directory,
                    baseUrl,
                    new Uri(baseUrl, placeholders.Expand(settings.ReadyPath ?? string.Empty)),
                    TimeSpan.FromSeconds(profile.Timeouts.StartSeconds),
                    cancellationToken)
                : null;
            if (integration is null)
            {
                // No command: the integration is started by other means, pointed at the fake Pleo printed above.
                options.Progress?.Invoke($"Waiting up to {profile.Timeouts.StartSeconds:0} s for the integration at {baseUrl} (start it with PLEO_API_BASE_URL={placeholders.Expand("{pleoBaseUrl}")})");
                await IntegrationHost.WaitUntilAnswersAsync(baseUrl, TimeSpan.FromSeconds(profile.Timeouts.StartSeconds), cancellationToken);
            }

            options.Progress?.Invoke($"Integration answering at {baseUrl}");

            var selected = selectFlows();
            // Not disposed: after a cancellation, flows still ending on their closed contexts release it later.
            var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelFlows));
            var shared = selected.Where(flow => !flow.NeedsPleoToItself).Select(async flow =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await RunFlowAsync(flow, profile, environment, placeholders, baseUrl, options, problems, clock.Elapsed, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            flows.AddRange(await UntilCancelledAsync(Task.WhenAll(shared), cancellationToken));
            foreach (var flow in selected.Where(flow => flow.NeedsPleoToItself))
            {
                cancellationToken.ThrowIfCancellationRequested();
                flows.Add(await UntilCancelledAsync(RunFlowAsync(flow, profile, environment, placeholders, baseUrl, options, problems, clock.Elapsed, cancellationToken), cancellationToken));
            }

            flows.Sort((a, b) => selected.ToList().FindIndex(f => f.Id == a.Flow).CompareTo(selected.ToList().FindIndex(f => f.Id == b.Flow)));
        }
        catch (EnvironmentProblemException problem)
        {
            problems.Add(new RunProblem(ProblemKind.Environment, null, problem.Message));
        }
        catch (ProfileException problem)
        {
            problems.Add(new RunProblem(ProblemKind.Profile, null, problem.Message));
        }
        catch (ArgumentException problem)
        {
            problems.Add(new RunProblem(ProblemKind.Profile, null, problem.Message));
        }
        finally
        {
            TryDelete(dataDirectory);
        }

        return RunResult.From(runId, name, started, clock.Elapsed, flows, problems);
    }

    /// <summary>An output folder that cannot be written is input to fix (exit 2), found before any flow, not in the middle of one.</summary>
    private static void ThrowIfOutputUnusable(RunOptions options)
    {
        if (options.OutputDirectory is { } directory && Reporting.OutputFolder.Problem(directory) is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    private static async Task<FlowResult> RunFlowAsync(
        Flow flow,
        ConformanceProfile profile,
        KitEnvironment environment,
        Placeholders placeholders,
        Uri baseUrl,
        RunOptions options,
        List<RunProblem> problems,
        TimeSpan startedAfter,
        CancellationToken cancellationToken)
    {
        // A flow let through the gate as the run is cancelled is not started, nor announced.
        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Invoke($"  ▶ {flow.Id}: {flow.Title}");
        var contextOptions = new BrowserNewContextOptions
        {
            Locale = profile.Browser.Locale,
            ViewportSize = new ViewportSize { Width = profile.Browser.ViewportWidth, Height = profile.Browser.ViewportHeight },
            Permissions = ["clipboard-read", "clipboard-write"],
        };
        if (profile.SignIn?.StorageState is { } state)
        {
            contextOptions.StorageStatePath = Path.Combine(profile.Directory, state);
        }

        var browserContext = await environment.Browser.NewContextAsync(contextOptions);

        // A cancelled run (Ctrl+C) ends the flow where it stands: its next browser call fails, and everything it
        // started is disposed in order. The flow's result is not reported: the caller knows the run was cancelled.
        await using var closing = new ClosingContext(browserContext, cancellationToken);
        browserContext.SetDefaultTimeout((float)TimeSpan.FromSeconds(profile.Timeouts.StepSeconds).TotalMilliseconds);
        var tracing = options.OutputDirectory is not null && options.Trace != TraceMode.Off;
        if (tracing)
        {
            await browserContext.Tracing.StartAsync(new() { Title = $"{flow.Id}: {flow.Title}", Screenshots = true, Snapshots = true });
        }

        var activity = new BrowserActivity();
        activity.Attach(browserContext);
        var textWatcher = new PageTextWatcher();
        await textWatcher.AttachAsync(browserContext);
        await AnswerWatcher.AttachAsync(browserContext);
        // A page asked for as its context closes is never answered: cancelled, the flow stops waiting for it.
        var requested = browserContext.NewPageAsync();
        options.PageRequested?.Invoke();
        var page = await UnlessCancelledAsync(requested, cancellationToken);
        var context = new FlowContext(flow, browserContext, page, profile, placeholders.ForFlow(flow.Id), baseUrl, environment.Pleo, activity, textWatcher, options.OutputDirectory);

        string? stopReason = null;
        try
        {
            await flow.RunAsync(context);
        }
        catch (FlowStoppedException stopped)
        {
            stopReason = stopped.Message;
        }
        catch (LocatorProblemException ambiguous)
        {
            stopReason = ambiguous.Message;
            Report(problems, new RunProblem(ProblemKind.Profile, flow.Id, ambiguous.Message));
        }
        catch (ProfileException profileProblem)
        {
            stopReason = profileProblem.Message;
            Report(problems, new RunProblem(ProblemKind.Profile, flow.Id, profileProblem.Message));
        }
        catch (EnvironmentProblemException environmentProblem)
        {
            stopReason = environmentProblem.Message;
            Report(problems, new RunProblem(ProblemKind.Environment, flow.Id, environmentProblem.Message));
        }
        catch (Exception problem) when (problem is PlaywrightException or TimeoutException)
        {
            stopReason = context.Mask($"step after \"{context.CurrentStep}\" failed: {FlowContext.FirstLine(problem.Message)}");
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            // A fault of the kit itself: one flow stops with a readable line; the others still run.
            stopReason = context.Mask($"the kit failed after \"{context.CurrentStep}\" ({problem.GetType().Name}: {FlowContext.FirstLine(problem.Message)}); please report it");
        }

        // Cancelled, the flow failed because its browser context was closed under it: that is no finding, and
        // nothing of it is reported or written (no "✗", no screenshots in a folder that gets no report).
        cancellationToken.ThrowIfCancellationRequested();
        if (stopReason is not null)
        {
            context.SkipUnjudged($"Skipped: flow {flow.Id} stopped after \"{context.CurrentStep}\": {stopReason}");
        }

        var failed = context.Observations.Count(o => o.Outcome == Outcome.Fail);
        var keepEvidence = failed > 0 || stopReason is not null;
        var trace = tracing ? await StopTracingAsync(browserContext, flow, options, keepEvidence) : null;
        var result = new FlowResult(
            flow.Id,
            flow.Title,
            stopReason is null ? FlowStatus.Completed : FlowStatus.Stopped,
            context.Elapsed,
            keepEvidence ? context.StepsWithScreenshots() : context.Steps,
            context.Observations,
            stopReason,
            stopReason is null ? null : context.CurrentStep,
            startedAfter,
            trace);
        options.Progress?.Invoke($"  {(failed == 0 && stopReason is null && !flow.FoundProblems ? "✓" : "✗")} {flow.Id} ({result.Duration.TotalSeconds:0.0} s){(failed > 0 ? $": {failed} failed look(s)" : string.Empty)}{(stopReason is null ? string.Empty : $"; stopped: {stopReason}")}");
        return result;
    }

    /// <summary>
    /// The flows' results; cancelled, an <see cref="OperationCanceledException"/> once the flows still running have
    /// ended. Cancelling closes their browser contexts, so they end within moments: the caller gets the run back with
    /// nothing of it still running (no progress line, no file written afterwards), and at most
    /// <see cref="FlowWindDown"/> later should a flow hang.
    /// </summary>
    private static async Task<T> UntilCancelledAsync<T>(Task<T> flows, CancellationToken cancellationToken)
    {
        try
        {
            return await flows.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAny(flows, Task.Delay(FlowWindDown, CancellationToken.None));
            ObserveWhenEnded(flows);
            throw;
        }
    }

    private static async Task<T> UnlessCancelledAsync<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ObserveWhenEnded(call);
            throw;
        }
    }

    /// <summary>Observed whenever it ends: a cancelled run's own failures say nothing the caller does not know.</summary>
    private static void ObserveWhenEnded(Task abandoned) =>
        _ = abandoned.ContinueWith(static ended => _ = ended.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    internal static readonly TimeSpan FlowWindDown = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A flow's browser context, closed once: on cancellation or when the flow ends, whichever comes first. Disposing
    /// waits for that one close to finish, because Playwright's second <c>CloseAsync</c> returns at once while the
    /// first is still closing: the flow would end with its context still open in the browser.
    /// </summary>
    private sealed class ClosingContext : IAsyncDisposable
    {
        private readonly Lazy<Task> _close;
        private readonly CancellationTokenRegistration _abort;

        public ClosingContext(IBrowserContext browserContext, CancellationToken cancellationToken)
        {
            _close = new Lazy<Task>(() => browserContext.CloseAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
            _abort = cancellationToken.Register(() => _ = _close.Value);
        }

        public async ValueTask DisposeAsync()
        {
            await _abort.DisposeAsync();
            await _close.Value;
        }
    }

    /// <summary>Ends the flow's trace, writing it to traces/&lt;flow&gt;.zip when it is to be kept; returns its relative path.</summary>
    private static async Task<string?> StopTracingAsync(IBrowserContext browserContext, Flow flow, RunOptions options, bool failed)
    {
        try
        {
            if (!failed && options.Trace != TraceMode.Always)
            {
                await browserContext.Tracing.StopAsync();
                return null;
            }

            var relative = Path.Combine("traces", $"{flow.Id}.zip");
            Directory.CreateDirectory(Path.Combine(options.OutputDirectory!, "traces"));
            await browserContext.Tracing.StopAsync(new() { Path = Path.Combine(options.OutputDirectory!, relative) });
            return relative;
        }
        catch (PlaywrightException)
        {
            return null; // The browser went away; the flow's own result says why.
        }
    }

    private static void Report(List<RunProblem> problems, RunProblem problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    private static Placeholders RunPlaceholders(ConformanceProfile profile, KitEnvironment environment, string runId, string dataDirectory) =>
        new(new Dictionary<string, string>
        {
            ["pleoBaseUrl"] = environment.Pleo.BaseUrl.ToString().TrimEnd('/'),
            ["port"] = IntegrationHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["runId"] = runId,
            ["dataDir"] = dataDirectory,
            ["profileDir"] = profile.Directory,
            ["password"] = "Pux-" + RandomNumberGenerator.GetHexString(16) + "-9a!",
        });

    private static Uri BaseUrl(ConformanceProfile profile, Placeholders placeholders)
    {
        var text = string.IsNullOrWhiteSpace(profile.BaseUrl) ? placeholders.Expand(profile.ConnectionPage) : placeholders.Expand(profile.BaseUrl);
        var uri = new Uri(text, UriKind.Absolute);
        return string.IsNullOrWhiteSpace(profile.BaseUrl) ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : new Uri(text.TrimEnd('/') + "/");
    }

    private static string NewRunId() => RandomNumberGenerator.GetHexString(6, lowercase: true);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping integration; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
