using System.Diagnostics;
using System.Reflection;
using Microsoft.Playwright;
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

    // A page that fetches an endpoint echoing the key and reloads at once: the fetch's body had ended, but the next
    // navigation's answer (the document replaced) arrived before the kit's read of it returned.
    [Fact]
    public async Task A_body_that_ended_before_its_document_was_replaced_is_still_read()
    {
        var text = new TaskCompletionSource<string>();
        var response = FakeResponse.Create(text.Task, Task.FromResult<string?>(null));

        var read = BrowserActivity.ReadBodyAsync(response, Task.CompletedTask);
        await Task.Yield();
        text.SetResult("{\"v\":\"echoed-key\"}");

        var body = await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(body);
        Assert.Contains("echoed-key", body.Value.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_had_not_ended_when_its_document_was_replaced_is_dropped_at_once()
    {
        var response = FakeResponse.Create(new TaskCompletionSource<string>().Task, new TaskCompletionSource<string?>().Task);

        var body = await BrowserActivity.ReadBodyAsync(response, Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(body);
    }

    /// <summary>A JSON response whose body and end come when the test says.</summary>
    public class FakeResponse : DispatchProxy
    {
        private Task<string> _text = null!;
        private Task<string?> _finished = null!;

        public static IResponse Create(Task<string> text, Task<string?> finished)
        {
            var response = Create<IResponse, FakeResponse>();
            var fake = (FakeResponse)(object)response;
            (fake._text, fake._finished) = (text, finished);
            return response;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_Headers" => new Dictionary<string, string> { ["content-type"] = "application/json" },
            "get_Status" => 200,
            "get_Url" => "http://127.0.0.1/api/echo",
            "get_Request" => Create<IRequest, FakeRequest>(),
            "TextAsync" => _text,
            "FinishedAsync" => _finished,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }

    public class FakeRequest : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_Method" ? "GET" : throw new NotSupportedException(targetMethod?.Name);
    }
}
