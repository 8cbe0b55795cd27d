using System.Text.RegularExpressions;
using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>The states of R-STATE-1.</summary>
public enum ConnectionState
{
    NotConnected,
    ValidationInProgress,
    Connected,
    ConnectionFailed,
    ActionRequired,
}

/// <summary>
/// Recognises the profile's state labels (defaults: the shared <see cref="ConnectionStateLabels"/>) in a
/// text. Plain labels match as whole words, ignoring case, and never inside a longer label: "Not connected"
/// is one label, not also "Connected".
/// </summary>
public sealed class StateLabels
{
    private readonly IReadOnlyDictionary<ConnectionState, Regex> _regexes;

    public StateLabels(StateLabelSettings settings)
    {
        var patterns = new Dictionary<ConnectionState, IReadOnlyList<TextPattern>>
        {
            [ConnectionState.NotConnected] = settings.NotConnected ?? [TextPattern.Parse(ConnectionStateLabels.NotConnected)],
            [ConnectionState.ValidationInProgress] = settings.ValidationInProgress ?? [TextPattern.Parse(ConnectionStateLabels.ValidationInProgress)],
            [ConnectionState.Connected] = settings.Connected ?? [TextPattern.Parse(ConnectionStateLabels.Connected)],
            [ConnectionState.ConnectionFailed] = settings.ConnectionFailed ?? [TextPattern.Parse(ConnectionStateLabels.ConnectionFailed)],
            [ConnectionState.ActionRequired] = settings.ActionRequired ?? [TextPattern.Parse(ConnectionStateLabels.ActionRequired)],
        };
        Patterns = patterns;
        var allPlain = patterns.Values.SelectMany(list => list).Where(p => p.Text is not null).Select(p => p.Text!).ToList();
        _regexes = patterns.ToDictionary(
            pair => pair.Key,
            pair => new Regex(string.Join("|", pair.Value.Select(p => ToRegex(p, allPlain))), RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    public IReadOnlyDictionary<ConnectionState, IReadOnlyList<TextPattern>> Patterns { get; }

    /// <summary>A regex that finds the state's label in a text, for auto-waiting assertions.</summary>
    public Regex RegexFor(ConnectionState state) => _regexes[state];

    /// <summary>A regex that finds the label of any of <paramref name="states"/> in a text, for auto-waiting assertions.</summary>
    public Regex RegexForAny(IEnumerable<ConnectionState> states) =>
        new(string.Join("|", states.Select(state => _regexes[state].ToString())), RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>A regex that matches a text that is one state label and nothing else (white space around it aside).</summary>
    public Regex WholeLabel() =>
        new($"^\\s*(?:{RegexForAny(Enum.GetValues<ConnectionState>())})\\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The first label of a state as written in the profile, for messages.</summary>
    public string NameOf(ConnectionState state) => Patterns[state][0].Source;

    /// <summary>
    /// The states whose labels <paramref name="text"/> shows, each once, in the order they first show. A label
    /// repeated ("Connected" as a badge and in "Connected to Company ID: 42") is one state: only two different
    /// labels are two states at once.
    /// </summary>
    public IReadOnlyList<ConnectionState> FindIn(string text)
    {
        var found = _regexes
            .SelectMany(pair => pair.Value.Matches(text).Where(m => m.Length > 0).Select(m => (State: pair.Key, m.Index, m.Length)))
            .ToList();

        // A label inside a longer label of another state ("forbundet" in "Ikke forbundet") is not shown on its own.
        return found
            .Where(inner => !found.Any(outer => outer.Length > inner.Length && outer.Index <= inner.Index && inner.Index + inner.Length <= outer.Index + outer.Length))
            .OrderBy(f => f.Index)
            .Select(f => f.State)
            .Distinct()
            .ToList();
    }

    private static string ToRegex(TextPattern pattern, IReadOnlyList<string> allPlain)
    {
        if (pattern.Regex is { } regex)
        {
            var inline = (regex.Options & RegexOptions.IgnoreCase) != 0 ? "(?i:" : "(?:";
            return inline + regex + ")";
        }

        var text = pattern.Text!;
        var guards = new List<string>();
        foreach (var longer in allPlain.Where(other => other.Length > text.Length))
        {
            var at = longer.IndexOf(text, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var before = longer[..at];
            var after = longer[(at + text.Length)..];
            if (before.Length > 0)
            {
                guards.Add($"(?<!{Regex.Escape(before)})");
            }

            if (after.Length > 0)
            {
                guards.Add($"(?!{Regex.Escape(after)})");
            }
        }

        return $"(?i:(?<!\\w){string.Concat(guards.Where(g => g.StartsWith("(?<!", StringComparison.Ordinal)))}{Regex.Escape(text)}(?!\\w){string.Concat(guards.Where(g => g.StartsWith("(?!", StringComparison.Ordinal)))})";
    }
}
