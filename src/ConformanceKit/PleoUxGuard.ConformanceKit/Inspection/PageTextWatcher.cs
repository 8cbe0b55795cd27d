using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Hears every change of the page's visible text, pushed from the page through a binding. Playwright cannot
/// evaluate in a page whose form post is still waiting for its answer, but the page's own scripts still run
/// then; this is how the kit sees "Validation in progress" while the fake Pleo holds the answer.
/// </summary>
public sealed class PageTextWatcher
{
    private const string BindingName = "__pleoUxGuardText";

    private readonly Lock _lock = new();
    private readonly List<(Regex Pattern, TaskCompletionSource Seen)> _waiters = [];
    private string _latest = string.Empty;

    /// <summary>Installs the watcher in every page of the context, before any page script runs.</summary>
    public async Task AttachAsync(IBrowserContext context)
    {
        await context.ExposeFunctionAsync(BindingName, (string text) => OnText(text));
        await context.AddInitScriptAsync($$"""
            (() => {
              let last = null;
              const report = () => {
                const text = document.body ? document.body.innerText : '';
                if (text !== last) { last = text; window.{{BindingName}}(text); }
              };
              new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
            })();
            """);
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

    private void OnText(string text)
    {
        var matched = new List<TaskCompletionSource>();
        lock (_lock)
        {
            _latest = text;
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
