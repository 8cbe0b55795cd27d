using System;
using System.Collections.Generic;
using System.Collections.Immutable;

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

    public NameMatcher(IEnumerable<string> entries)
    {
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
        foreach (var entry in _entries)
        {
            if (Matches(words, entry))
            {
                return entry;
            }
        }

        return null;
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
