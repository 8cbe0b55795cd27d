using System;
using System.Collections.Generic;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary><c>true</c> or <c>false</c>; anything else is reported and the default is kept.</summary>
internal sealed class BooleanOption : PleoOption
{
    public BooleanOption(string key, bool defaultValue, string description)
        : base(key, description) => DefaultValue = defaultValue;

    public bool DefaultValue { get; }

    public override object Parse(string raw, List<string> problems)
    {
        var text = raw.Trim();
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        problems.Add($"'{text}' is neither true nor false");
        return DefaultValue;
    }
}
