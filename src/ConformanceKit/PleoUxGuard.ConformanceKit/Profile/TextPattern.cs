using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>
/// Text to match: a plain string (case-insensitive substring, as Playwright matches names) or, written
/// as <c>/pattern/flags</c>, a regular expression (flag <c>i</c> = ignore case).
/// </summary>
[JsonConverter(typeof(TextPatternJsonConverter))]
public sealed class TextPattern
{
    private TextPattern(string source, string? text, Regex? regex)
    {
        Source = source;
        Text = text;
        Regex = regex;
    }

    /// <summary>As written in the profile.</summary>
    public string Source { get; }

    /// <summary>The plain text, or null for a regular expression.</summary>
    public string? Text { get; }

    /// <summary>The regular expression, or null for plain text.</summary>
    public Regex? Regex { get; }

    /// <summary>Parses "/pattern/flags" as a regular expression and anything else as text.</summary>
    /// <exception cref="FormatException">The regular expression does not compile or has an unknown flag.</exception>
    public static TextPattern Parse(string source)
    {
        var lastSlash = source.LastIndexOf('/');
        if (source.Length >= 2 && source[0] == '/' && lastSlash > 0)
        {
            var pattern = source[1..lastSlash];
            var flags = source[(lastSlash + 1)..];
            var options = RegexOptions.None;
            foreach (var flag in flags)
            {
                options |= flag switch
                {
                    'i' => RegexOptions.IgnoreCase,
                    'm' => RegexOptions.Multiline,
                    's' => RegexOptions.Singleline,
                    _ => throw new FormatException($"unknown regular-expression flag '{flag}' in {source} (use i, m or s)"),
                };
            }

            Regex regex;
            try
            {
                regex = new Regex(pattern, options, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException problem)
            {
                throw new FormatException($"the regular expression {source} does not compile: {problem.Message}", problem);
            }

            if (OnlyInDotNet(pattern) is { } construct)
            {
                throw new FormatException(
                    $"the regular expression {source} uses {construct}, which JavaScript's regular expressions do not have, and the kit matches it in the page too; write it as JavaScript does ({Instead(construct)})");
            }

            return new TextPattern(source, null, regex);
        }

        return new TextPattern(source, source, null);
    }

    /// <summary>
    /// The first construct of <paramref name="pattern"/> that .NET compiles but JavaScript does not read the same way
    /// (Playwright hands the pattern's source to the page's RegExp): the anchors \A, \Z, \z, \G, inline options
    /// such as (?i), atomic groups, comments, conditionals and named groups in quotes. Null when there is none.
    /// </summary>
    private static string? OnlyInDotNet(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                if (!inClass && pattern[i + 1] is 'A' or 'Z' or 'z' or 'G')
                {
                    return "\\" + pattern[i + 1];
                }

                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                var kind = pattern[i + 2];
                if (kind is '>' or '#' or '\'' or '(')
                {
                    return "(?" + kind;
                }

                // (?i) and (?i-m): options for the rest of the pattern (JavaScript has at most the scoped (?i:…)).
                var end = i + 2;
                while (end < pattern.Length && pattern[end] is 'i' or 'm' or 's' or 'n' or 'x' or '-')
                {
                    end++;
                }

                if (end > i + 2 && end < pattern.Length && pattern[end] == ')')
                {
                    return pattern.Substring(i, end - i + 1);
                }
            }
        }

        return null;
    }

    private static string Instead(string construct) => construct switch
    {
        "\\A" => "^ for the start",
        "\\Z" or "\\z" => "$ for the end",
        "\\G" => "without \\G",
        _ when construct.StartsWith("(?", StringComparison.Ordinal) && construct.EndsWith(')') => "the flags after the closing slash: /…/i",
        _ => "a plain group (…) or (?:…)",
    };

    /// <summary>True when the text contains a match: the regex matches, or the plain text occurs ignoring case.</summary>
    public bool IsFoundIn(string text) => Regex?.IsMatch(text) ?? text.Contains(Text!, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every place the pattern matches in <paramref name="text"/>, as (start, length).</summary>
    public IEnumerable<(int Start, int Length)> FindAll(string text)
    {
        if (Regex is not null)
        {
            foreach (Match match in Regex.Matches(text))
            {
                if (match.Length > 0)
                {
                    yield return (match.Index, match.Length);
                }
            }

            yield break;
        }

        var index = text.IndexOf(Text!, StringComparison.OrdinalIgnoreCase);
        while (index >= 0 && Text!.Length > 0)
        {
            yield return (index, Text.Length);
            index = text.IndexOf(Text, index + Text.Length, StringComparison.OrdinalIgnoreCase);
        }
    }

    public override string ToString() => Source;
}

internal sealed class TextPatternJsonConverter : JsonConverter<TextPattern>
{
    public override TextPattern Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected a string (plain text, or /regex/flags)");
        }

        try
        {
            return TextPattern.Parse(reader.GetString()!);
        }
        catch (FormatException problem)
        {
            throw new JsonException(problem.Message, problem);
        }
    }

    public override void Write(Utf8JsonWriter writer, TextPattern value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Source);
}
