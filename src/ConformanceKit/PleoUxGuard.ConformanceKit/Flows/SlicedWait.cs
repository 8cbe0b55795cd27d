using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>
/// Waits for the page's address or load state in short slices instead of one long wait.
/// </summary>
/// <remarks>
/// Playwright for .NET answers <c>WaitForURLAsync</c> and <c>WaitForLoadStateAsync</c> by looking at the page's
/// address or load states on the caller's thread and then subscribing to the event that changes them, while
/// another thread delivers those events (microsoft/playwright-dotnet#3364). An event delivered in between is lost
/// and the wait runs to its timeout although the page got there: a CI run failed a sign-up as "did not happen
/// within 10 s" while the browser was at the address it waited for. Each slice looks again first, and what the
/// lost event changed is already recorded, so a lost event costs one slice (docs/conformance-kit-ci.md, "Waits
/// that cannot lose an event", has the measurement).
/// </remarks>
internal static class SlicedWait
{
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Runs <paramref name="wait"/>, given each slice's length, until one returns, or throws the last slice's
    /// <see cref="TimeoutException"/> once <paramref name="timeout"/> has passed. Other exceptions end it at once.
    /// </summary>
    public static async Task UntilAsync(Func<TimeSpan, Task> wait, TimeSpan timeout, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        while (true)
        {
            var left = timeout - time.GetElapsedTime(started);
            try
            {
                await wait(left < Slice ? Max(left, TimeSpan.FromMilliseconds(1)) : Slice);
                return;
            }
            catch (TimeoutException) when (time.GetElapsedTime(started) < timeout)
            {
                // Look again: the event may have come and gone while the last slice was being set up.
            }
        }
    }

    /// <summary>Playwright's <c>WaitForURLAsync</c> for a glob or exact address, in slices.</summary>
    public static Task ForUrlAsync(IPage page, string url, WaitUntilState until, TimeSpan timeout) =>
        UntilAsync(slice => page.WaitForURLAsync(url, new() { Timeout = FlowContext.Milliseconds(slice), WaitUntil = until }), timeout);

    /// <summary>Playwright's <c>WaitForURLAsync</c> for a regular expression, in slices.</summary>
    public static Task ForUrlAsync(IPage page, Regex url, WaitUntilState until, TimeSpan timeout) =>
        UntilAsync(slice => page.WaitForURLAsync(url, new() { Timeout = FlowContext.Milliseconds(slice), WaitUntil = until }), timeout);

    /// <summary>Playwright's <c>WaitForLoadStateAsync</c>, in slices.</summary>
    public static Task ForLoadStateAsync(IPage page, LoadState state, TimeSpan timeout) =>
        UntilAsync(slice => page.WaitForLoadStateAsync(state, new() { Timeout = FlowContext.Milliseconds(slice) }), timeout);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
