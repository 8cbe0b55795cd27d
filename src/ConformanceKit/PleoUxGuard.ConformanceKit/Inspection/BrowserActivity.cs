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

    // Completed when a request failed or was cancelled (a fetch was aborted): its body will never be whole, so
    // reading it is not waited for.
    private readonly ConcurrentDictionary<IRequest, TaskCompletionSource> _failed = new();

    // Per frame, completed when its document is replaced (the answer to its next navigation arrived). The browser
    // cancels the old document's fetches then, without always telling Playwright (a Blazor page's
    // /_blazor/initializers when the kit opened the connection page right after sign-in): their bodies are not
    // waited for either. Each request holds the task of the document that made it.
    private readonly ConcurrentDictionary<IFrame, TaskCompletionSource> _documents = new();
    private readonly ConcurrentDictionary<IRequest, Task> _documentGone = new();

    // Counted from the response's headers, when the server has already answered (the fake Pleo's held answers are
    // before that): a body on loopback follows its headers in milliseconds, so a body still unread after this is
    // a stream, or a request the browser dropped without telling Playwright. Was 30 s: a cancelled Blazor
    // initializers fetch then held every scan of the flow for 30 s.
    private static readonly TimeSpan BodyLimit = TimeSpan.FromSeconds(5);

    /// <summary>Starts recording on a context; call before its first page opens.</summary>
    public void Attach(IBrowserContext context)
    {
        context.Request += (_, request) => OnRequest(request);
        context.Response += (_, response) => OnResponse(response);
        context.RequestFailed += (_, request) => FailureOf(request).TrySetResult();
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

    private void OnRequest(IRequest request)
    {
        _requestUrls.Enqueue(request.Url);
        if (!request.IsNavigationRequest && FrameOf(request) is { } frame)
        {
            _documentGone[request] = DocumentOf(frame).Task;
        }
    }

    private void OnResponse(IResponse response)
    {
        var request = response.Request;
        if (request.IsNavigationRequest && response.Status != 204 && FrameOf(request) is { } frame && _documents.TryRemove(frame, out var replaced))
        {
            replaced.TrySetResult();
        }

        var gone = _documentGone.TryGetValue(request, out var documentGone) ? Task.WhenAny(FailureOf(request).Task, documentGone) : FailureOf(request).Task;
        _bodies.Enqueue(ReadBodyAsync(response, gone));
    }

    // A service worker's request has no frame.
    private static IFrame? FrameOf(IRequest request)
    {
        try
        {
            return request.Frame;
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private TaskCompletionSource DocumentOf(IFrame frame) => _documents.GetOrAdd(frame, NewSignal);

    private static TaskCompletionSource NewSignal<T>(T _) => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TaskCompletionSource FailureOf(IRequest request) => _failed.GetOrAdd(request, NewSignal);

    private static async Task<(string Where, string Body)?> ReadBodyAsync(IResponse response, Task failed)
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
            var body = response.TextAsync();
            if (await Task.WhenAny(body, failed).WaitAsync(BodyLimit) != body)
            {
                // The request failed, or its document was replaced, after its headers: nothing more of it reached the page.
                _ = body.ContinueWith(read => read.Exception, TaskScheduler.Default);
                return null;
            }

            return ($"{response.Request.Method} {response.Url} ({response.Status})", await body);
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
