using System.Collections.Generic;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>
/// One <c>pleouxguard.*</c> key of <c>.editorconfig</c>: its name, what it means and how its text is read.
/// Reading never throws: every problem is collected, the bad part is left out, and PUX000 reports it.
/// </summary>
internal abstract class PleoOption
{
    public const string Prefix = "pleouxguard.";

    protected PleoOption(string key, string description)
    {
        Key = key;
        Description = description;
    }

    /// <summary>The full key, lower case (Roslyn lower-cases .editorconfig keys).</summary>
    public string Key { get; }

    public string Description { get; }

    /// <summary>Reads the raw text; adds a sentence per problem to <paramref name="problems"/>.</summary>
    public abstract object Parse(string raw, List<string> problems);
}
