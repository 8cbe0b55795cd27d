using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Everything the browser saw in one flow's context that never shows in the DOM: console messages, every
/// request URL, every navigation (history included) and every text response body.
/// </summary>
public sealed class BrowserActivity
{
    private readonly ConcurrentQueue<string> _console = new();
    private readonly ConcurrentQueue<string> _requestUrls = new();
    private readonly ConcurrentQueue<string> _navigations = new();
    private readonly ConcurrentQueue<Task<(string Where, string Body)?>> _bodies = new();

    // Longer than any answer the fake Pleo holds back on purpose; counted from the response's headers.
    private static readonly TimeSpan BodyLimit = TimeSpan.FromSeconds(30);

    /// <summary>Starts recording on a context; call before its first page opens.</summary>
    public void Attach(IBrowserContext context)
    {
        context.Request += (_, request) => _requestUrls.Enqueue(request.Url);
        context.Response += (_, response) => _bodies.Enqueue(ReadBodyAsync(response));
        context.Page += (_, page) => Attach(page);
        foreach (var page in context.Pages)
        {
            Attach(page);
        }
    }

    public IReadOnlyCollection<string> ConsoleMessages => _console;

    public IReadOnlyCollection<string> RequestUrls => _requestUrls;

    public IReadOnlyCollection<string> Navigations => _navigations;

    /// <summary>The text bodies received so far, waiting for any still being read.</summary>
    public async Task<IReadOnlyList<(string Where, string Body)>> ResponseBodiesAsync()
    {
        var bodies = await Task.WhenAll(_bodies.ToArray());
        return bodies.Where(body => body is not null).Select(body => body!.Value).ToList();
    }

    private void Attach(IPage page)
    {
        page.Console += (_, message) => _console.Enqueue(message.Text);
        page.PageError += (_, error) => _console.Enqueue(error);
        page.FrameNavigated += (_, frame) => _navigations.Enqueue(frame.Url);
    }

    private static async Task<(string Where, string Body)?> ReadBodyAsync(IResponse response)
    {
        var type = response.Headers.GetValueOrDefault("content-type", string.Empty);
        var isText = type.Length == 0 || type.Contains("text", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("javascript", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase);
        if (!isText || response.Status is >= 300 and < 400)
        {
            return null;
        }

        try
        {
            return ($"{response.Request.Method} {response.Url} ({response.Status})", await response.TextAsync().WaitAsync(BodyLimit));
        }
        catch (PlaywrightException)
        {
            // The body is gone (the page navigated away before it was read); nothing reached the user from it.
            return null;
        }
        catch (TimeoutException)
        {
            // A body that never finishes cannot be read whole: a stream, or a request the browser dropped
            // without telling Playwright (seen in stability runs: the scan of R-VIS-1 then waited forever).
            // What the page made of it is in the DOM, storage and console, which are scanned.
            return null;
        }
    }
}
