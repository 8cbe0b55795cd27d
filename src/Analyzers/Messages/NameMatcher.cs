using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// Tells whether a name (identifier, route, file name) contains one of a set of words, starting at a
/// word boundary: "connect" matches ConnectAsync, Connection and PleoConnector, but not
/// Disconnected's tail nor "LogInformation" for "login". Entries are lower case, words separated by spaces.
/// </summary>
internal sealed class NameMatcher
{
    // What may follow an entry inside the last word it covers: "connect" → "connection", "key" → "keys".
    private static readonly string[] Endings = { string.Empty, "s", "es", "ed", "ing", "ion", "ions", "or", "ors", "er", "ers", "ation", "ations" };

    private readonly ImmutableArray<string> _entries;

    // Phrases whose words match no entry (a "sort key" is no API key): split into words, lower case.
    private readonly ImmutableArray<string[]> _ignored;

    /// <param name="ignoredPhrases">Phrases whose words are left out before matching (<c>sort key</c>: <c>SortKey</c> matches no <c>key</c>).</param>
    public NameMatcher(IEnumerable<string> entries, IEnumerable<string>? ignoredPhrases = null)
    {
        _ignored = ignoredPhrases is null
            ? ImmutableArray<string[]>.Empty
            : ignoredPhrases.Select(phrase => phrase.ToLowerInvariant().Split(' ')).ToImmutableArray();
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in entries)
        {
            var joined = entry.Replace(" ", string.Empty).ToLowerInvariant();
            if (joined.Length > 0)
            {
                builder.Add(joined);
            }
        }

        _entries = builder.ToImmutable();
    }

    /// <summary>The first entry found in the name, or null.</summary>
    public string? Find(string? name)
    {
        var words = IdentifierWords.Split(name);
        if (!_ignored.IsEmpty)
        {
            words = WithoutIgnored(words);
        }

        foreach (var entry in _entries)
        {
            if (Matches(words, entry))
            {
                return entry;
            }
        }

        return null;
    }

    private IReadOnlyList<string> WithoutIgnored(IReadOnlyList<string> words)
    {
        List<string>? kept = null;
        for (var index = 0; index < words.Count; index++)
        {
            var phrase = IgnoredAt(words, index);
            if (phrase > 0)
            {
                kept ??= new List<string>(words.Take(index));
                index += phrase - 1;
            }
            else
            {
                kept?.Add(words[index]);
            }
        }

        return kept ?? words;
    }

    /// <summary>The length of the ignored phrase that starts at <paramref name="index"/>, or 0.</summary>
    private int IgnoredAt(IReadOnlyList<string> words, int index)
    {
        foreach (var phrase in _ignored)
        {
            if (index + phrase.Length > words.Count)
            {
                continue;
            }

            var all = true;
            for (var offset = 0; offset < phrase.Length && all; offset++)
            {
                // The phrase's last word may take a plural: "sort keys".
                all = offset < phrase.Length - 1 ? words[index + offset] == phrase[offset] : words[index + offset] == phrase[offset] || words[index + offset] == phrase[offset] + "s";
            }

            if (all)
            {
                return phrase.Length;
            }
        }

        return 0;
    }

    private static bool Matches(IReadOnlyList<string> words, string entry)
    {
        for (var start = 0; start < words.Count; start++)
        {
            var covered = string.Empty;
            for (var end = start; end < words.Count; end++)
            {
                covered += words[end];
                if (covered.StartsWith(entry, StringComparison.Ordinal))
                {
                    if (Array.IndexOf(Endings, covered.Substring(entry.Length)) >= 0)
                    {
                        return true;
                    }

                    break;
                }

                if (!entry.StartsWith(covered, StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        return false;
    }
}
