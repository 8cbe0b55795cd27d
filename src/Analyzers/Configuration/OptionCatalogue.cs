using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>
/// Every <c>pleouxguard.*</c> option, so PUX000 can tell a misspelt key from a known one.
/// Add each new option here (one line) and document it in docs/configuration.md.
/// </summary>
internal static class OptionCatalogue
{
    public static readonly ImmutableArray<PleoOption> All = ImmutableArray.Create<PleoOption>(
        SecretOptions.SecretWords,
        SecretOptions.VetoWords,
        SecretOptions.SecretTypes,
        SecretOptions.SecretAttributes,
        SecretOptions.SanitizerMethods,
        SecretOptions.PublicSettings,
        SecretOptions.CallDepth,
        MessageOptions.ConnectionNames,
        MessageOptions.SignInNames,
        MessageOptions.ConnectionExceptions,
        MessageOptions.GenericPhrases,
        MessageOptions.RecoveryCues,
        MessageOptions.JargonTerms,
        MessageOptions.AllowedJargonTerms,
        MessageOptions.GenericOnlyInConnectionCode,
        MessageOptions.GenericMessagesInExceptions,
        MessageOptions.ConsoleMessages);

    public static PleoOption? Find(string key)
    {
        foreach (var option in All)
        {
            if (option.Key == key)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The known option closest to a misspelt key (at most 3 edits away), or null.</summary>
    public static PleoOption? Nearest(string key)
    {
        PleoOption? best = null;
        var bestDistance = 4;
        foreach (var option in All)
        {
            var distance = EditDistance(key, option.Key);
            if (distance < bestDistance)
            {
                best = option;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = System.Math.Min(substitution, System.Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
