using System.Collections.Generic;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>Splits identifiers into lower-case words: camelCase, PascalCase, snake_case, kebab-case, ACRONYMWord.</summary>
internal static class NameWords
{
    /// <summary>Appends the words of <paramref name="name"/> to <paramref name="words"/>. Digits stay with the word before them (<c>last4</c>).</summary>
    public static void Split(string name, List<string> words)
    {
        var start = -1;
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (!char.IsLetterOrDigit(character))
            {
                Flush(name, ref start, index, words);
                continue;
            }

            if (start >= 0 && StartsWord(name, index))
            {
                Flush(name, ref start, index, words);
            }

            if (start < 0)
            {
                start = index;
            }
        }

        Flush(name, ref start, name.Length, words);
    }

    public static List<string> Split(string name)
    {
        var words = new List<string>(4);
        Split(name, words);
        return words;
    }

    private static bool StartsWord(string name, int index)
    {
        var current = name[index];
        var previous = name[index - 1];
        if (char.IsUpper(current))
        {
            // aB starts a word at B; ABc starts a word at B (APIKey -> API, Key); 4K starts a word.
            return char.IsLower(previous)
                || char.IsDigit(previous)
                || (char.IsUpper(previous) && index + 1 < name.Length && char.IsLower(name[index + 1]));
        }

        // A digit run ending in lower case letters starts a word after the digits (last4digits stays last4, digits).
        return char.IsLetter(current) && char.IsDigit(previous);
    }

    private static void Flush(string name, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(name.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
