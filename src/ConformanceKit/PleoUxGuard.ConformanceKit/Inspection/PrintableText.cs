namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Text from the page made fit to show and to write into XML 1.0 (junit.xml): control characters other than tab,
/// line feed and carriage return become '.', as in a hex dump's text column (they cannot be part of a key), and
/// lone surrogates and the non-characters U+FFFE and U+FFFF become U+FFFD, as a UTF-8 decoder would make them.
/// </summary>
internal static class PrintableText
{
    public static string Of(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Replacement(text, i) is not null)
            {
                return string.Create(text.Length, text, (chars, source) =>
                {
                    for (var j = 0; j < source.Length; j++)
                    {
                        chars[j] = Replacement(source, j) ?? source[j];
                    }
                });
            }
        }

        return text;
    }

    // What the character at i becomes, or null when it stays.
    private static char? Replacement(string text, int i)
    {
        var c = text[i];
        if (char.IsControl(c))
        {
            return c is '\t' or '\n' or '\r' ? null : '.';
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? null : '\uFFFD';
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]) ? null : '\uFFFD';
        }

        return c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : null;
    }
}
