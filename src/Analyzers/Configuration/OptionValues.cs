using System.Collections.Generic;
using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>
/// The parsed <c>pleouxguard.*</c> options that apply to one file. Files with the same settings share one
/// instance, so anything built from it (such as the secret model) can be cached per instance.
/// Malformed entries are left out here; PUX000 reports them.
/// </summary>
internal sealed class OptionValues
{
    public static readonly OptionValues Empty = new(new Dictionary<string, object>(), ImmutableArray<OptionProblem>.Empty);

    private readonly Dictionary<string, object> _values;

    public OptionValues(Dictionary<string, object> values, ImmutableArray<OptionProblem> problems)
    {
        _values = values;
        Problems = problems;
    }

    /// <summary>Malformed values and unknown <c>pleouxguard.*</c> keys found while reading.</summary>
    public ImmutableArray<OptionProblem> Problems { get; }

    public ImmutableArray<string> Get(ListOption option) =>
        _values.TryGetValue(option.Key, out var value) ? (ImmutableArray<string>)value : ImmutableArray<string>.Empty;

    public int Get(IntegerOption option) =>
        _values.TryGetValue(option.Key, out var value) ? (int)value : option.DefaultValue;

    public bool Get(BooleanOption option) =>
        _values.TryGetValue(option.Key, out var value) ? (bool)value : option.DefaultValue;

    /// <summary>The value set for <paramref name="option"/>, or null when it is not set (or not well formed), for an option whose default depends on the project.</summary>
    public bool? GetIfSet(BooleanOption option) =>
        _values.TryGetValue(option.Key, out var value) ? (bool)value : null;
}
