using System.Text;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>Where in the browser a key (or a piece of it) was found.</summary>
public enum ExposurePlace
{
    VisibleText,
    HiddenText,
    Attribute,
    InputValue,

    /// <summary>The value of the key field the kit types into (the profile's locators.keyInput), not of any other input.</summary>
    KeyFieldValue,
    Script,
    Title,
    Url,
    History,
    RequestUrl,
    Cookie,
    LocalStorage,
    SessionStorage,
    Console,
    ResponseBody,
    WebSocketFrame,
}

/// <summary>One finding: which key, which piece (its length and position in the key), where, with a masked excerpt.</summary>
public sealed record Exposure(ExposurePlace Place, string Where, string KeyFingerprint, int PieceStart, int PieceLength, bool WholeKey, string MaskedExcerpt)
{
    public override string ToString() =>
        $"{Place} ({Where}): {(WholeKey ? "the whole key" : $"{PieceLength} characters of the key (from position {PieceStart + 1})")} {KeyFingerprint}: \"{MaskedExcerpt}\"";
}

/// <summary>A secret to look for: its value (never shown) and how reports name it.</summary>
/// <param name="Unsaved">
/// The key was submitted but not saved (Pleo or the integration refused it): the key field may keep it for the user to
/// retry at once (R-ERR-5), so the field's own value (<see cref="ExposurePlace.KeyFieldValue"/>) is not an exposure of
/// it. Every other place is.
/// </param>
public sealed record SecretToFind(string Value, string Fingerprint, bool Unsaved = false);

/// <summary>
/// Collects every place a browser can hold text (DOM text, attributes and input values in every frame and
/// open shadow root, the key field's value, title, URL and history, request URLs, cookies, local and session storage,
/// console, response bodies, WebSocket frames the page received) and searches it for keys and their pieces.
/// </summary>
public static class KeyExposureScanner
{
    /// <summary>The smallest piece searched for under R-VIS-1.</summary>
    public const int PieceLength = 5;

    // Runs in each frame: walks the DOM and open shadow roots. Visibility uses checkVisibility so text
    // hidden by CSS counts as hidden, not visible.
    private const string CollectScript = """
        keyFields => {
          const out = [];
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
          const visit = (node, inShadow) => {
            for (const child of node.childNodes) {
              if (child.nodeType === 3) {
                const parent = child.parentElement;
                const text = child.nodeValue;
                if (!text || !text.trim() || !parent) continue;
                const tag = parent.tagName;
                if (tag === 'SCRIPT') { out.push(['Script', name(parent), text]); continue; }
                if (tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') { out.push(['HiddenText', name(parent), text]); continue; }
                const visible = parent.checkVisibility ? parent.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
                out.push([visible ? 'VisibleText' : 'HiddenText', name(parent) + (inShadow ? ' (shadow DOM)' : ''), text]);
              } else if (child.nodeType === 1) {
                const el = child;
                for (const attribute of el.attributes) out.push(['Attribute', name(el) + ' @' + attribute.name + (inShadow ? ' (shadow DOM)' : ''), attribute.value]);
                if (typeof el.value === 'string' && el.value && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')) {
                  out.push([keyFields.includes(el) ? 'KeyFieldValue' : 'InputValue', name(el) + (inShadow ? ' (shadow DOM)' : ''), el.value]);
                }
                if (el.shadowRoot) visit(el.shadowRoot, true);
                if (el.tagName === 'TEMPLATE' && el.content) visit(el.content, inShadow);
                visit(el, inShadow);
              }
            }
          };
          visit(document, false);
          out.push(['Title', 'document.title', document.title || '']);
          out.push(['Url', 'location', location.href]);
          const dump = (storage, place) => {
            try { for (let i = 0; i < storage.length; i++) { const k = storage.key(i); out.push([place, k, k + '=' + storage.getItem(k)]); } } catch (e) { }
          };
          dump(window.localStorage, 'LocalStorage');
          dump(window.sessionStorage, 'SessionStorage');
          return out;
        }
        """;

    /// <summary>Everything the browser holds for this context right now, as (place, where, text).</summary>
    /// <param name="keyField">
    /// The key field (every element it matches, visible or not): its value is collected as <see cref="ExposurePlace.KeyFieldValue"/>,
    /// not <see cref="ExposurePlace.InputValue"/>. Null: no input is told apart.
    /// </param>
    public static async Task<IReadOnlyList<(ExposurePlace Place, string Where, string Text)>> CollectAsync(IBrowserContext context, BrowserActivity activity, ILocator? keyField = null)
    {
        var haystack = new List<(ExposurePlace, string, string)>();
        IReadOnlyList<IElementHandle> keyFields = keyField is null ? [] : await KeyFieldsAsync(keyField);
        try
        {
            foreach (var page in context.Pages)
            {
                foreach (var frame in page.Frames)
                {
                    // A page's locator finds elements of its main frame only. Handles of a document the frame has left
                    // since cannot be passed: its new document is read without them, its inputs all as InputValue.
                    var inFrame = frame == keyField?.Page.MainFrame ? keyFields : [];
                    var found = await CollectInAsync(frame, inFrame) ?? (inFrame.Count > 0 ? await CollectInAsync(frame, []) : null);
                    if (found is null)
                    {
                        continue; // A frame that detached while we looked holds nothing any more.
                    }

                    var prefix = frame == page.MainFrame ? string.Empty : $"frame {frame.Url}: ";
                    haystack.AddRange(found.Select(entry => (Enum.Parse<ExposurePlace>(entry[0]), prefix + entry[1], entry[2])));
                }
            }
        }
        finally
        {
            foreach (var handle in keyFields)
            {
                await handle.DisposeAsync();
            }
        }

        foreach (var cookie in await context.CookiesAsync())
        {
            haystack.Add((ExposurePlace.Cookie, $"{cookie.Name} ({cookie.Domain}{cookie.Path})", cookie.Name + "=" + cookie.Value));
        }

        haystack.AddRange(activity.Navigations.Select(url => (ExposurePlace.History, "navigation", url)));
        haystack.AddRange(activity.RequestUrls.Select(url => (ExposurePlace.RequestUrl, "request", url)));
        haystack.AddRange(activity.ConsoleMessages.Select(message => (ExposurePlace.Console, "console", message)));
        haystack.AddRange((await activity.ResponseBodiesAsync()).Select(body => (ExposurePlace.ResponseBody, body.Where, body.Body)));
        haystack.AddRange(activity.WebSocketFrames.Select(frame => (ExposurePlace.WebSocketFrame, frame.Where, frame.Payload)));
        return haystack;
    }

    private static async Task<string[][]?> CollectInAsync(IFrame frame, IReadOnlyList<IElementHandle> keyFields)
    {
        try
        {
            return await frame.EvaluateAsync<string[][]>(CollectScript, keyFields);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<IElementHandle>> KeyFieldsAsync(ILocator keyField)
    {
        try
        {
            return await keyField.ElementHandlesAsync();
        }
        catch (PlaywrightException)
        {
            return []; // The page is between documents: no field holds anything now.
        }
    }

    /// <summary>
    /// Searches the haystack for each secret whole (also base64-encoded, as in a Basic header) and for
    /// every piece of <paramref name="pieceLength"/> characters. A piece already present in
    /// <paramref name="baseline"/> (what the browser held before the key was typed) is a coincidence, not a leak.
    /// </summary>
    public static IReadOnlyList<Exposure> Find(
        IReadOnlyList<(ExposurePlace Place, string Where, string Text)> haystack,
        IReadOnlyList<SecretToFind> secrets,
        int pieceLength,
        IReadOnlyList<(ExposurePlace Place, string Where, string Text)>? baseline = null)
    {
        var mask = new SecretMask(secrets.Select(s => s.Value));
        var found = new List<Exposure>();
        foreach (var secret in secrets)
        {
            var wholeForms = new[]
            {
                secret.Value,
                Convert.ToBase64String(Encoding.UTF8.GetBytes(secret.Value + ":")).TrimEnd('='),
                Convert.ToBase64String(Encoding.UTF8.GetBytes(secret.Value)).TrimEnd('='),
            };
            var pieces = Enumerable.Range(0, Math.Max(0, secret.Value.Length - pieceLength + 1))
                .Select(start => (Start: start, Text: secret.Value.Substring(start, pieceLength)))
                .Where(piece => baseline is null || !baseline.Any(entry => entry.Text.Contains(piece.Text, StringComparison.Ordinal)))
                .ToList();
            foreach (var (place, where, text) in haystack.Where(entry => !(secret.Unsaved && entry.Place == ExposurePlace.KeyFieldValue)))
            {
                var whole = wholeForms.FirstOrDefault(form => text.Contains(form, StringComparison.Ordinal));
                if (whole is not null)
                {
                    found.Add(new Exposure(place, mask.Apply(where), secret.Fingerprint, 0, secret.Value.Length, true, Excerpt(text, text.IndexOf(whole, StringComparison.Ordinal), whole.Length, mask)));
                    continue;
                }

                // Report the longest run of consecutive pieces once, not every overlapping piece.
                var hits = pieces.Where(piece => text.Contains(piece.Text, StringComparison.Ordinal)).ToList();
                if (hits.Count > 0)
                {
                    var first = hits[0];
                    var at = text.IndexOf(first.Text, StringComparison.Ordinal);
                    var length = pieceLength;
                    while (first.Start + length < secret.Value.Length && at + length < text.Length && text[at + length] == secret.Value[first.Start + length])
                    {
                        length++;
                    }

                    found.Add(new Exposure(place, mask.Apply(where), secret.Fingerprint, first.Start, length, false, Excerpt(text, at, length, mask)));
                }
            }
        }

        return found;
    }

    private static string Excerpt(string text, int at, int length, SecretMask mask)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + length + 40);
        var excerpt = text[start..at] + new string('•', length) + text[(at + length)..end];
        return (start > 0 ? "…" : string.Empty) + mask.Apply(excerpt).ReplaceLineEndings(" ") + (end < text.Length ? "…" : string.Empty);
    }
}
