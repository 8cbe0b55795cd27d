namespace PleoUxGuard.FakePleo;

/// <summary>camelCase names of the fake's enums, as the control API reads and writes them.</summary>
internal static class JsonNaming
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }

    /// <summary>Accepts camelCase, PascalCase, kebab-case and snake_case: "missingScope", "missing-scope", "MISSING_SCOPE".</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var plain = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(plain, ignoreCase: true, out value) && Enum.IsDefined(value) && !plain.Any(char.IsDigit);
    }
}
