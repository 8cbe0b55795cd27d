using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Hears every change of the page's visible text, pushed from the page through a binding. Playwright cannot
/// evaluate in a page whose form post is still waiting for its answer, but the page's own scripts still run
/// then; this is how the kit sees "Validation in progress" while the fake Pleo holds the answer. With the text come
/// the texts of the page's innermost live regions (an announced status region is one: UXK-A11Y-1), so the status
/// itself can be judged then too.
/// </summary>
public sealed class PageTextWatcher
{
    private const string BindingName = "__pleoUxGuardText";

    private readonly Lock _lock = new();
    private readonly List<(Regex Pattern, TaskCompletionSource Seen)> _waiters = [];
    private string _latest = string.Empty;
    private IReadOnlyList<string> _liveRegions = [];

    // What counts as announced, as UXK-A11Y-1 counts it; 'output' is a status region by its implicit role.
    internal const string LiveRegionSelector = "[role=status],[role=alert],[role=log],[aria-live]:not([aria-live=off]),output";

    // Separates the live regions' texts in one string, which crosses the binding more simply than an array.
    private const char RegionSeparator = '\u001e';

    /// <summary>Installs the watcher in every page of the context, before any page script runs.</summary>
    public async Task AttachAsync(IBrowserContext context)
    {
        // Playwright's two-argument bindings all return a value; the page ignores it.
        await context.ExposeFunctionAsync<string, string, bool>(BindingName, (text, live) =>
        {
            OnText(text, live);
            return true;
        });
        await context.AddInitScriptAsync($$"""
            (() => {
              let last = null;
              const selector = '{{LiveRegionSelector}}';
              const report = () => {
                const text = document.body ? document.body.innerText : '';
                const live = document.body
                  ? [...document.body.querySelectorAll(selector)].filter(e => !e.querySelector(selector)).map(e => e.innerText).join('\u001e')
                  : '';
                const both = text + '\u0000' + live;
                if (both !== last) { last = both; window.{{BindingName}}(text, live); }
              };
              new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
            })();
            """);
    }

    /// <summary>The texts of the page's innermost live regions as last reported (an outer live region's text holds an inner one's).</summary>
    public IReadOnlyList<string> LiveRegions
    {
        get
        {
            lock (_lock)
            {
                return _liveRegions;
            }
        }
    }

    /// <summary>Waits until the page's visible text matches <paramref name="pattern"/>; false after the timeout.</summary>
    public async Task<bool> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (pattern.IsMatch(_latest))
            {
                return true;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((pattern, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.RemoveAll(waiter => waiter.Seen == seen);
            }

            return false;
        }
    }

    private void OnText(string text, string live)
    {
        var matched = new List<TaskCompletionSource>();
        IReadOnlyList<string> regions = live.Length == 0 ? [] : live.Split(RegionSeparator);
        lock (_lock)
        {
            _latest = text;
            _liveRegions = regions;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pattern.IsMatch(text))
                {
                    matched.Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var seen in matched)
        {
            seen.TrySetResult();
        }
    }
}
