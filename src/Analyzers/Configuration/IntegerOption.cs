using System.Collections.Generic;
using System.Globalization;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>A whole number between <see cref="Minimum"/> and <see cref="Maximum"/>; a bad value falls back to the default.</summary>
internal sealed class IntegerOption : PleoOption
{
    public IntegerOption(string key, int defaultValue, int minimum, int maximum, string description)
        : base(key, description)
    {
        DefaultValue = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
    }

    public int DefaultValue { get; }

    public int Minimum { get; }

    public int Maximum { get; }

    public override object Parse(string raw, List<string> problems)
    {
        // Any run of digits, signed, is a whole number: -1 or twenty digits is named as out of range, not as no number.
        var text = raw.Trim();
        if (!IsWholeNumber(text))
        {
            problems.Add($"'{text}' is not a whole number; use a number from {Minimum} to {Maximum}");
            return DefaultValue;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < Minimum || value > Maximum)
        {
            problems.Add($"{text} is out of range; use a number from {Minimum} to {Maximum}");
            return DefaultValue;
        }

        return (int)value;
    }

    private static bool IsWholeNumber(string text)
    {
        var start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (var index = start; index < text.Length; index++)
        {
            if (text[index] < '0' || text[index] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
