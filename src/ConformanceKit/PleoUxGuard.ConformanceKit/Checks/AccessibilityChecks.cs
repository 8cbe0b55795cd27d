using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>
/// R-A11Y-1: the status region is announced, and an axe-core scan of the connection page in every state
/// finds no serious or critical violation. Each state is scanned once per run, by the flow that reaches it
/// first in its natural course (connect-valid: Not connected, both with the key form closed and open when the form is
/// behind locators.openKeyForm, and Connected; invalid-key: Connection failed;
/// slow-validation: Validation in progress; revoke-then-recover or permission-lost: Action required; rotate-same-company:
/// the update form while connected).
/// </summary>
public static class AccessibilityChecks
{
    /// <summary>The axe impacts that fail the check; moderate and minor ones are listed but do not fail.</summary>
    public static readonly IReadOnlyList<string> FailingImpacts = ["critical", "serious"];

    // WCAG 2.1 A and AA plus Deque's best practices.
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    // The axe-core bundle that Deque.AxeCore.Playwright ships (through Deque.AxeCore.Commons).
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    // One scan, the same whether the kit or the page starts it: violations only, mapped to what the check
    // reports, as JSON (an array, or an object with an error).
    private static readonly string RunScript = $$"""
        () => axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: {{JsonSerializer.Serialize(Tags)}} } })
          .then(r => JSON.stringify(r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: [].concat(n.target).join(' '), html: n.html }))
          }))), e => JSON.stringify({ error: String(e) }))
        """;

    /// <summary>Scans the page as it is now with axe-core and judges R-A11Y-1 on serious and critical violations.</summary>
    /// <param name="situation">What else is open on the page, added to the state's name (e.g. "with the form to update the key open").</param>
    /// <remarks>
    /// The state is the one the status region shows when the scan starts, read from the page, not the one the
    /// flow expects there ("unknown" when it shows none or several labels). axe runs in the page itself (the
    /// default mode of Deque.AxeCore.Playwright finishes each run in a new page of the context: a page more per
    /// scan), and the wait is bounded, so a scan can fail but never hang the run.
    /// </remarks>
    public static async Task ScanAsync(FlowContext context, string? situation = null)
    {
        var shown = await context.ReadStateAsync();
        var state = (shown.State is { } label ? context.Labels.NameOf(label) : $"unknown (the status showed \"{shown.Text}\")")
            + (situation is null ? string.Empty : ", " + situation);
        var limit = ScanLimit(context);
        string json;
        try
        {
            json = await context.AcrossNavigationAsync(async () =>
            {
                if (!await context.Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
                {
                    await context.Page.EvaluateAsync(AxeSource.Value);
                }

                return await context.Page.EvaluateAsync<string>(RunScript);
            }).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await context.FailAsync(CheckCatalogue.A11y1, $"The axe-core scan of the page in state {state} did not finish within {limit.TotalSeconds:0} s.", null);
            return;
        }
        catch (PlaywrightException problem)
        {
            await context.FailAsync(CheckCatalogue.A11y1, $"The axe-core scan of the page in state {state} could not run.", FlowContext.FirstLine(problem.Message));
            return;
        }

        await JudgeJsonAsync(context, state, json);
    }

    /// <summary>
    /// Prepares a scan of the Validation in progress state, run by the page itself. Playwright cannot evaluate
    /// in a page whose form post is waiting for Pleo's answer, but the page's own scripts still run, so axe-core
    /// is installed with the page and started by it as soon as the label shows; the result comes back through a
    /// binding. Call before the page is opened.
    /// </summary>
    public static async Task<InPageScan> PrepareInPageScanAsync(FlowContext context, Regex label)
    {
        var scan = new InPageScan();
        await context.BrowserContext.ExposeFunctionAsync(InPageScan.BindingName, (string json) => scan.Report(json));
        await context.BrowserContext.AddInitScriptAsync(AxeSource.Value);
        var flags = label.Options.HasFlag(RegexOptions.IgnoreCase) ? "i" : string.Empty;
        await context.BrowserContext.AddInitScriptAsync($$"""
            (() => {
              const label = new RegExp({{JsonSerializer.Serialize(label.ToString())}}, {{JsonSerializer.Serialize(flags)}});
              const run = {{RunScript}};
              let started = false;
              const scan = () => {
                if (started || !document.body || !label.test(document.body.innerText) || !window.axe) return;
                started = true;
                run().then(json => window.{{InPageScan.BindingName}}(json));
              };
              new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
            })();
            """);
        return scan;
    }

    /// <summary>Judges the scan the page ran (see <see cref="PrepareInPageScanAsync"/>).</summary>
    public static async Task JudgeInPageScanAsync(FlowContext context, InPageScan scan, string state)
    {
        string json;
        try
        {
            json = await scan.Result.WaitAsync(ScanLimit(context));
        }
        catch (TimeoutException)
        {
            await context.FailAsync(CheckCatalogue.A11y1, $"The page's own axe-core scan in state {state} did not finish within {ScanLimit(context).TotalSeconds:0} s.", null);
            return;
        }

        await JudgeJsonAsync(context, state, json);
    }

    // A scan takes a second or two; three step timeouts leave room for a loaded machine yet end a stuck one.
    private static TimeSpan ScanLimit(FlowContext context) => context.StepTimeout * 3;

    private static async Task JudgeJsonAsync(FlowContext context, string state, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            await context.FailAsync(CheckCatalogue.A11y1, $"The axe-core scan of the page in state {state} could not run.", document.RootElement.GetProperty("error").GetString());
            return;
        }

        var violations = document.RootElement.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString(),
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            v.GetProperty("nodes").EnumerateArray().Select(n => new AxeNode(n.GetProperty("target").GetString()!, n.GetProperty("html").GetString()!)).ToList())).ToList();
        await JudgeAsync(context, state, violations);
    }

    private static async Task JudgeAsync(FlowContext context, string state, IReadOnlyList<AxeViolation> violations)
    {
        var failing = violations.Where(v => v.Impact is not null && FailingImpacts.Contains(v.Impact)).ToList();
        var others = violations.Except(failing).ToList();
        var note = others.Count == 0 ? string.Empty : $" ({others.Count} moderate or minor violation(s) noted, not judged: {string.Join(", ", others.Select(v => v.Id))})";
        await context.JudgeAsync(
            CheckCatalogue.A11y1,
            failing.Count == 0,
            failing.Count == 0
                ? $"axe-core found no serious or critical violation in state {state}{note}."
                : $"axe-core found {failing.Count} serious or critical violation(s) in state {state}: {string.Join(", ", failing.Select(v => $"{v.Id} ({v.Impact})"))}.",
            string.Join("\n\n", failing.Select(Describe)));
    }

    // Rule, impact, help link and every element: what a developer needs to fix it without rerunning.
    private static string Describe(AxeViolation violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}\nHelp: {violation.HelpUrl}\n"
        + string.Join("\n", violation.Nodes.Select(node => $"Element {node.Target}: {Shorten(node.Html)}"));

    private static string Shorten(string html) => html.Length <= 300 ? html : html[..297] + "...";

    /// <summary>
    /// Whether the status region is announced. With the default locator and no announced region on the page, the
    /// element showing the state label on its own (the status the flows read instead) fails the check by name.
    /// </summary>
    public static async Task JudgeStatusAnnouncedAsync(FlowContext context)
    {
        if (await context.FindUnannouncedStatusAsync() is { } unannounced)
        {
            await context.FailAsync(CheckCatalogue.A11y1, $"The status region is not announced: {UnannouncedHint(unannounced)}", unannounced.Html);
            return;
        }

        var status = await context.ResolveAsync(LocatorName.StatusRegion, CheckCatalogue.State1);
        var announced = await status.EvaluateAsync<string?>("""
            el => {
              for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
                const role = (node.getAttribute('role') || '').toLowerCase();
                const live = (node.getAttribute('aria-live') || '').toLowerCase();
                if (['status', 'alert', 'log'].includes(role)) return 'role=' + role;
                if (live === 'polite' || live === 'assertive') return 'aria-live=' + live;
              }
              return null;
            }
            """);
        var html = await status.EvaluateAsync<string>("el => el.outerHTML.slice(0, 300)");
        await context.JudgeAsync(
            CheckCatalogue.A11y1,
            announced is not null,
            announced is not null
                ? $"The status region is announced ({announced})."
                : "The status region has no role=status/alert/log and no aria-live, so screen readers do not announce state changes.",
            html);
    }

    /// <summary>What is wrong with an unannounced status and how to fix it, for UXK-A11Y-1 and doctor.</summary>
    public static string UnannouncedHint(UnannouncedStatusElement status) =>
        $"the state label '{status.Label}' is shown by {status.Path}, which has no role=status/aria-live (nor an ancestor), so screen readers do not announce state changes; add role=status, or set locators.statusRegion.";
}

/// <summary>One axe-core violation, from either way of scanning.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>An element an axe-core violation points at: its CSS target and its HTML.</summary>
public sealed record AxeNode(string Target, string Html);

/// <summary>The result of a scan the page runs itself, delivered through a binding.</summary>
public sealed class InPageScan
{
    internal const string BindingName = "__pleoUxGuardAxe";

    private readonly TaskCompletionSource<string> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The violations as JSON (an array), or an object with an error.</summary>
    public Task<string> Result => _result.Task;

    internal void Report(string json) => _result.TrySetResult(json);
}
