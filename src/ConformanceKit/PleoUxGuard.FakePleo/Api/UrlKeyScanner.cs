using System.Text;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Finds keys a client put in a URL (path or query), which Pleo forbids, and gives the URL back with
/// each key replaced by its fingerprint, so the journal can show where the key was without holding it.
/// A run of at least 64 key characters counts as a key even when this fake never minted it.
/// </summary>
internal static class UrlKeyScanner
{
    /// <summary>Journaled paths are cut here: a 16 KB URL is a bug report, not something to keep whole.</summary>
    public const int MaximumJournaledLength = 2048;

    public readonly record struct Result(string RedactedUrl, KeyState? Key, string? UnregisteredFingerprint, bool Found);

    public static Result Scan(string url, KeyRegistry keys)
    {
        StringBuilder? redacted = null;
        KeyState? firstKnown = null;
        string? firstUnregistered = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < url.Length)
        {
            if (!KeyGenerator.IsKeyCharacter(url[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < url.Length && KeyGenerator.IsKeyCharacter(url[i]))
            {
                i++;
            }

            var runLength = i - runStart;
            if (runLength < KeyGenerator.Length)
            {
                continue;
            }

            redacted ??= new StringBuilder(url.Length);
            redacted.Append(url, copiedUpTo, runStart - copiedUpTo);
            copiedUpTo = i;
            var known = FindKnownKeyIn(url.AsSpan(runStart, runLength), keys);
            if (known is not null)
            {
                firstKnown ??= known;
                redacted.Append(known.Key.Fingerprint);
            }
            else
            {
                var fingerprint = KeyFingerprint.OfUnregistered(url.Substring(runStart, runLength))!;
                firstUnregistered ??= fingerprint;
                redacted.Append(fingerprint);
            }
        }

        if (redacted is null)
        {
            return new Result(Truncate(url), null, null, false);
        }

        redacted.Append(url, copiedUpTo, url.Length - copiedUpTo);
        return new Result(Truncate(redacted.ToString()), firstKnown, firstUnregistered, true);
    }

    private static KeyState? FindKnownKeyIn(ReadOnlySpan<char> run, KeyRegistry keys)
    {
        for (var start = 0; start + KeyGenerator.Length <= run.Length; start++)
        {
            var state = keys.StateOfValue(run.Slice(start, KeyGenerator.Length));
            if (state is not null)
            {
                return state;
            }
        }

        return null;
    }

    private static string Truncate(string url) =>
        url.Length <= MaximumJournaledLength ? url : string.Concat(url.AsSpan(0, MaximumJournaledLength), "…");
}
