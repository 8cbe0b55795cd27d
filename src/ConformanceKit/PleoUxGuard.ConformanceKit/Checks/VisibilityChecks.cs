using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>
/// R-VIS-1, R-VIS-2 and R-SEC-3 (and the browser half of R-SEC-2): after a key was saved, and after a failed save or a
/// warning (R-VIS-3: keys never in UI messages), where in the browser is a key the flow typed, or a piece of it?
/// </summary>
public static class VisibilityChecks
{
    private static readonly ExposurePlace[] StoragePlaces = [ExposurePlace.Cookie, ExposurePlace.LocalStorage, ExposurePlace.SessionStorage, ExposurePlace.Script];
    private static readonly ExposurePlace[] UrlPlaces = [ExposurePlace.Url, ExposurePlace.History, ExposurePlace.RequestUrl];

    /// <summary>The checks <see cref="JudgeKeyExposureAsync"/> judges: every flow that calls it lists them.</summary>
    public static readonly IReadOnlyList<CheckDefinition> Judged = [CheckCatalogue.Vis1, CheckCatalogue.Vis2, CheckCatalogue.Sec2, CheckCatalogue.Sec3];

    /// <summary>What the browser holds before any key is typed: pieces found there are coincidences. Taken right after sign-in.</summary>
    public static Task<IReadOnlyList<(ExposurePlace Place, string Where, string Text)>> BaselineAsync(FlowContext context) =>
        KeyExposureScanner.CollectAsync(context.BrowserContext, context.Activity);

    /// <summary>
    /// Scans the browser for every key the flow has typed, whole and in pieces, and judges R-VIS-1, R-VIS-2, R-SEC-3 and
    /// the browser half of R-SEC-2. Called after a key was saved, and after a failed save or a warning is shown, so a
    /// key echoed in a message fails R-VIS-1 as a saved key on the page does.
    /// </summary>
    /// <param name="baseline">What the browser held before the first key was typed (<see cref="BaselineAsync"/>).</param>
    /// <param name="unsaved">
    /// The keys whose save failed (refused by Pleo, or not taken by the integration): the key field may keep one for the
    /// user to retry at once (R-ERR-5), so the field's own value is not an exposure of it; everything else is.
    /// </param>
    public static async Task JudgeKeyExposureAsync(
        FlowContext context,
        IReadOnlyList<(ExposurePlace Place, string Where, string Text)> baseline,
        IReadOnlyCollection<MintedKey> unsaved)
    {
        // Late requests (a fetch after load) can still leak; look once the network is quiet.
        await context.WaitForNetworkIdleAsync();
        var haystack = await KeyExposureScanner.CollectAsync(context.BrowserContext, context.Activity, context.Locators.CombinedWithHidden(LocatorName.KeyInput));
        var secrets = context.Keys.Select(key => new SecretToFind(key.Value, key.Fingerprint, unsaved.Contains(key))).ToList();
        var pieces = KeyExposureScanner.Find(haystack, secrets, KeyExposureScanner.PieceLength, baseline);

        var retrievable = pieces.Where(e => e.Place != ExposurePlace.RequestUrl).ToList();
        var notCounted = unsaved.Count == 0 ? string.Empty : " The key field's own value is not counted after a failed save: it may keep the key there for a retry.";
        await JudgeAsync(context, CheckCatalogue.Vis1, retrievable,
            "Neither the key nor any 5-character piece of it is anywhere in the page, its storage, console, responses or WebSocket frames received."
                + (context.Activity.WebSocketFramesNotKept is > 0 and var notKept ? $" {notKept} WebSocket frame(s) received after the flow's first {BrowserActivity.FlowFrameLimit / (1024 * 1024)} Mi characters of frames were not searched." : string.Empty)
                + notCounted,
            "The key can be retrieved from the browser");

        // R-VIS-2 looks at visible text only, at pieces of 4: anything longer, or any 4 not from the end, is too much.
        var visible = KeyExposureScanner.Find(haystack.Where(h => h.Place == ExposurePlace.VisibleText).ToList(), secrets, SecretMask.PieceLength, baseline);
        var tooMuch = visible.Where(e => e.WholeKey || e.PieceLength > SecretMask.PieceLength || e.PieceStart != KeyLength(context.Keys, e) - SecretMask.PieceLength).ToList();
        await JudgeAsync(context, CheckCatalogue.Vis2, tooMuch,
            "Visible text shows at most the key's last 4 characters.",
            "Visible text shows more of the key than its last 4 characters");

        await JudgeAsync(context, CheckCatalogue.Sec3, pieces.Where(e => StoragePlaces.Contains(e.Place)).ToList(),
            "No cookie, local or session storage entry, or script holds the key or a piece of it.",
            "The key is in browser storage or a script");

        await JudgeAsync(context, CheckCatalogue.Sec2, pieces.Where(e => UrlPlaces.Contains(e.Place)).ToList(),
            "No address the browser visited or requested carries the key.",
            "The key is in a URL the browser used");
    }

    /// <summary>R-SEC-2, server half: no request to Pleo carried one of this flow's keys in its URL.</summary>
    public static async Task JudgeNoKeyInPleoUrlsAsync(FlowContext context)
    {
        var ids = context.Keys.Select(k => k.Id).ToHashSet();
        var violations = context.Pleo.Journal.All.Where(e => e.Violation && e.KeyId is not null && ids.Contains(e.KeyId)).ToList();
        await context.JudgeAsync(
            CheckCatalogue.Sec2,
            violations.Count == 0,
            violations.Count == 0 ? "Every call to Pleo carried the key in the Authorization header, none in the URL." : $"{violations.Count} call(s) to Pleo carried the key in the URL.",
            string.Join(Environment.NewLine, violations.Select(v => $"{v.Method} {v.Path} ({v.KeyFingerprint})")));
    }

    private static int KeyLength(IReadOnlyList<MintedKey> keys, Exposure exposure) =>
        keys.First(key => key.Fingerprint == exposure.KeyFingerprint).Value.Length;

    private static Task JudgeAsync(FlowContext context, CheckDefinition check, IReadOnlyList<Exposure> exposures, string passDetail, string failDetail) =>
        context.JudgeAsync(
            check,
            exposures.Count == 0,
            exposures.Count == 0 ? passDetail : $"{failDetail}: {exposures.Count} place(s), first {exposures[0].Place} ({exposures[0].Where}).",
            string.Join(Environment.NewLine, exposures.Take(20).Select(e => e.ToString())));
}
