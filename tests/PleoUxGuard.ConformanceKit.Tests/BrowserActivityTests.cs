using System.Diagnostics;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>What the browser received, read without waiting for bodies that will never be whole.</summary>
[Collection(KitCollection.Name)]
public sealed class BrowserActivityTests
{
    private readonly KitFixture _kit;

    public BrowserActivityTests(KitFixture kit) => _kit = kit;

    [Fact]
    public async Task A_response_cancelled_by_leaving_the_page_is_not_waited_for_and_real_bodies_are_still_read()
    {
        await using var context = await _kit.Environment.Browser.NewContextAsync();
        var activity = new BrowserActivity();
        activity.Attach(context);
        var page = await context.NewPageAsync();

        // As after a sign-in: the page's fetch has its headers, its body never ends, and the kit opens the next page.
        await page.GotoAsync(new Uri(_kit.Integration.BaseUrl, "/stall").ToString());
        await page.Locator("#marker[data-headers='1']").WaitForAsync();
        await page.GotoAsync(new Uri(_kit.Integration.BaseUrl, "/frame").ToString());

        var clock = Stopwatch.StartNew();
        var bodies = await activity.ResponseBodiesAsync();
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"reading the bodies took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(bodies, body => body.Body.Contains("stall-page-body", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, body => body.Where.Contains("/api/stall", StringComparison.Ordinal));
    }
}
