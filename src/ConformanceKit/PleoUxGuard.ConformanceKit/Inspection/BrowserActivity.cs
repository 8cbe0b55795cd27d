using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Everything the browser saw in one flow's context that never shows in the DOM: console messages, every
/// request URL, every navigation (history included), every text response body and the payload of every
/// WebSocket frame the page received.
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
    // before that). 30 s, not less: a Blazor streaming render or enhanced form post can end its body only when Pleo
    // answers, several seconds under load, and a body cut off here is not scanned for the key. It bounds only bodies
    // that neither end nor are given up by the browser; the cancelled Blazor initializers fetch that once held every
    // scan of a flow for this long is now dropped at once by the failed and document-replaced signals.
    private static readonly TimeSpan BodyLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most of one received WebSocket frame kept, in bytes (its first 1 MiB); the rest of a longer frame is not
    /// searched. A Blazor Server render batch or interop call is usually a few kilobytes.
    /// </summary>
    public const int FrameLimit = 1024 * 1024;

    /// <summary>
    /// The most of all received WebSocket frames kept for one flow (characters after decoding): frames that would
    /// go beyond it are counted in <see cref="WebSocketFramesNotKept"/>, not kept. About 16 MB of strings at most.
    /// </summary>
    public const int FlowFrameLimit = 8 * 1024 * 1024;

    private readonly ConcurrentQueue<(string Where, string Payload)> _frames = new();
    private long _frameChars;
    private int _framesNotKept;

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

    /// <summary>
    /// The WebSocket frames the page received so far (never those it sent: what the user typed goes out that way),
    /// each with where it came from: the socket's URL and the frame's number on it.
    /// </summary>
    public IReadOnlyCollection<(string Where, string Payload)> WebSocketFrames => _frames;

    /// <summary>Received frames not kept because the flow's frames had reached <see cref="FlowFrameLimit"/>.</summary>
    public int WebSocketFramesNotKept => Volatile.Read(ref _framesNotKept);

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
        page.WebSocket += (_, socket) => Attach(socket);
    }

    // Only FrameReceived: a frame the page sends carries what the user typed (a Blazor page sends the key field's
    // value as it changes), which is not a leak.
    private void Attach(IWebSocket socket)
    {
        var number = 0;
        socket.FrameReceived += (_, frame) => Keep(socket.Url, Interlocked.Increment(ref number), frame);
    }

    private void Keep(string url, int number, IWebSocketFrame frame)
    {
        var payload = Decode(frame.Binary);
        if (Interlocked.Add(ref _frameChars, payload.Length) > FlowFrameLimit)
        {
            Interlocked.Add(ref _frameChars, -payload.Length);
            Interlocked.Increment(ref _framesNotKept);
            return;
        }

        _frames.Enqueue(($"{url}, frame {number} received", payload));
    }

    // Every frame is read from its bytes as UTF-8. Playwright gives both kinds as bytes and as text and does not say
    // which kind a frame was: a text frame's bytes are its UTF-8 text, a binary frame's text is its bytes decoded as
    // UTF-8. UTF-8 is right for binary frames too: MessagePack (Blazor's "blazorpack" SignalR protocol) stores a string
    // as its raw UTF-8 bytes after a length header, and so do Blazor's render batches, so a key inside appears as its
    // own characters in order. The bytes around it (lengths, type markers) become U+FFFD, control characters or stray
    // letters, never part of the key: a decoder does not swallow an ASCII byte into an invalid sequence. Control
    // characters (NUL in binary frames, SignalR's record separator 0x1E in text ones) become '.' (PrintableText).
    private static string Decode(byte[]? bytes) =>
        bytes is null ? string.Empty : PrintableText.Of(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, FrameLimit)));

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

    internal static async Task<(string Where, string Body)?> ReadBodyAsync(IResponse response, Task failed)
    {
        var type = response.Headers.GetValueOrDefault("content-type", string.Empty);
        var isText = type.Length == 0 || type.Contains("text", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("javascript", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase);
        if (!isText || response.Status is >= 300 and < 400)
        {
            return null;
        }

        var body = response.TextAsync();
        try
        {
            if (await Task.WhenAny(body, failed).WaitAsync(BodyLimit) != body && !FinishedWhole(response))
            {
                // The request failed, or its document was replaced, before its body ended: nothing more of it reached the page.
                Observe(body);
                return null;
            }

            // Read, or whole although its document was replaced since (a page that fetched it and reloaded at
            // once): the page had all of it, so it is read, within the same limit.
            return ($"{response.Request.Method} {response.Url} ({response.Status})", await body.WaitAsync(BodyLimit));
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
            Observe(body);
            return null;
        }
    }

    // Whether the response's body had ended without failing when the body read lost to the failed signal. Playwright
    // reports a request finished before the next navigation's response, so this is known when that signal fires.
    private static bool FinishedWhole(IResponse response)
    {
        var finished = response.FinishedAsync();
        return finished.IsCompletedSuccessfully && finished.Result is null;
    }

    // A read given up on may still fail later; its exception is observed so it is not reported as unobserved.
    private static void Observe(Task body) => _ = body.ContinueWith(read => read.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
