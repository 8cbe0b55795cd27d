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
        // Read wider than the range, signed, so that -1 or a long run of digits is named as out of range: it is a whole number.
        if (!long.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add($"'{raw.Trim()}' is not a whole number; use a number from {Minimum} to {Maximum}");
            return DefaultValue;
        }

        if (value < Minimum || value > Maximum)
        {
            problems.Add($"{value} is out of range; use a number from {Minimum} to {Maximum}");
            return DefaultValue;
        }

        return (int)value;
    }
}
