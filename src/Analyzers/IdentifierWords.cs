using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace PleoUxGuard.Analyzers;

/// <summary>Splits identifiers and keys into lower-case words: "APIKeyError" is api, key, error.</summary>
internal static class IdentifierWords
{
    // The same few thousand member and key names are split again for every use; the cache is emptied when
    // it grows past this, so a long-lived IDE process holds no more than a bounded set of names.
    private const int CacheLimit = 8192;

    private static readonly ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    // Counted here because ConcurrentDictionary.Count takes every lock of the table; a miss or two too many
    // between clearing and counting only moves the bound by as much.
    private static int s_cached;

    public static IReadOnlyList<string> Split(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return Array.Empty<string>();
        }

        if (Cache.TryGetValue(identifier!, out var known))
        {
            return known;
        }

        if (Volatile.Read(ref s_cached) >= CacheLimit)
        {
            Cache.Clear();
            Volatile.Write(ref s_cached, 0);
        }

        var words = SplitUncached(identifier!);
        if (Cache.TryAdd(identifier!, words))
        {
            Interlocked.Increment(ref s_cached);
        }

        return words;
    }

    private static string[] SplitUncached(string identifier)
    {
        var words = new List<string>();

        var current = new StringBuilder();
        var text = identifier;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }

            // A new word starts at an upper-case letter after a lower-case one or a digit ("apiKey"),
            // or at the last capital of an acronym that is followed by lower case ("APIKey").
            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (!char.IsUpper(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (startsWord)
            {
                Flush(current, words);
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(current, words);
        return words.ToArray();
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
