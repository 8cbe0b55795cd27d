using System.Text;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>What one entry of a list option must look like.</summary>
internal enum OptionEntryKind
{
    /// <summary>One or more words of letters and digits, separated by spaces (<c>signing key</c>); stored lower case.</summary>
    Words,

    /// <summary>A type or attribute name, simple (<c>Secret</c>) or namespace-qualified (<c>Acme.Vault.SecretValue</c>).</summary>
    TypeName,

    /// <summary>A method: <c>Name</c>, <c>Namespace.Type.Name</c>, or either ending in <c>*</c> to match a name prefix.</summary>
    MethodName,

    /// <summary>Any non-empty text (phrases of a message catalogue).</summary>
    Text,

    /// <summary>
    /// A configuration section or key, its parts separated by <c>:</c> or <c>__</c> (<c>GoogleMaps</c>,
    /// <c>Firebase:ApiKey</c>); stored with <c>:</c>. Never a Pleo setting.
    /// </summary>
    SettingPath,

    /// <summary>One of the catalogue's built-in jargon terms (<c>bearer</c>, <c>status code</c>); stored normalised.</summary>
    BuiltInJargonTerm,
}

internal static class OptionEntryKinds
{
    /// <summary>Null when the entry is well formed; otherwise the end of a sentence that starts with the entry.</summary>
    public static string? Check(OptionEntryKind kind, string entry) => kind switch
    {
        OptionEntryKind.Words => IsWords(entry) ? null : "is not a word list: use letters and digits, separate words with spaces",
        OptionEntryKind.TypeName => IsDottedName(entry, allowWildcard: false) ? null : "is not a type name such as Secret or Acme.Vault.SecretValue",
        OptionEntryKind.MethodName => IsDottedName(entry, allowWildcard: true) ? null : "is not a method name such as Mask, Acme.Keys.Redact or Acme.Keys.Mask*",
        OptionEntryKind.SettingPath => !IsSettingPath(entry) ? "is not a configuration section or key such as GoogleMaps or Firebase:ApiKey"
            : PublicSettings.NamesPleo(NormaliseSettingPath(entry)) ? "names a Pleo setting, which is never public: Pleo's key stays on the backend"
            : null,
        OptionEntryKind.BuiltInJargonTerm => System.Array.IndexOf(PleoUxGuard.Shared.MessageCatalogue.JargonTerms, PleoUxGuard.Shared.MessageCatalogue.Normalize(entry)) >= 0
            ? null
            : "is not a built-in jargon term (docs/message-catalogue.md lists them); a term of pleouxguard.jargon_terms is removed from that option instead",
        _ => null,
    };

    /// <summary>The path with <c>:</c> between its parts, as configuration reads <c>__</c> in an environment variable.</summary>
    public static string NormaliseSettingPath(string entry) => entry.Replace("__", ":");

    /// <summary>Parts of letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, separated by single <c>:</c> (or <c>__</c>).</summary>
    private static bool IsSettingPath(string entry)
    {
        foreach (var part in NormaliseSettingPath(entry).Split(':'))
        {
            if (part.Length == 0)
            {
                return false;
            }

            foreach (var character in part)
            {
                if (!char.IsLetterOrDigit(character) && character is not ('_' or '-' or '.'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Lower case, single spaces.</summary>
    public static string NormaliseWords(string entry)
    {
        var builder = new StringBuilder(entry.Length);
        foreach (var part in entry.Split(new[] { ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part.ToLowerInvariant());
        }

        return builder.ToString();
    }

    private static bool IsWords(string entry)
    {
        foreach (var character in entry)
        {
            if (!char.IsLetterOrDigit(character) && character != ' ' && character != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDottedName(string entry, bool allowWildcard)
    {
        var end = entry.Length;
        if (allowWildcard && entry.EndsWith("*", System.StringComparison.Ordinal))
        {
            end--;
        }

        var atPartStart = true;
        for (var index = 0; index < end; index++)
        {
            var character = entry[index];
            if (character == '.')
            {
                if (atPartStart)
                {
                    return false;
                }

                atPartStart = true;
                continue;
            }

            var valid = atPartStart
                ? char.IsLetter(character) || character == '_'
                : char.IsLetterOrDigit(character) || character == '_' || character == '`';
            if (!valid)
            {
                return false;
            }

            atPartStart = false;
        }

        return !atPartStart;
    }
}
