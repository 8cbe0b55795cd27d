using System.Text.RegularExpressions;

namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>
/// The {name} placeholders a profile may use. Run-wide ones are known once the fake Pleo and the port are
/// chosen; per-flow ones ({flow}, {uniqueEmail}, {uniqueName}) give each flow its own fresh tenant.
/// </summary>
public sealed partial class Placeholders
{
    /// <summary>Every placeholder name, with what it stands for (the docs list these).</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["pleoBaseUrl"] = "the fake Pleo's base URL, without a trailing slash",
        ["port"] = "a free loopback port chosen for the integration",
        ["baseUrl"] = "the profile's baseUrl, expanded",
        ["runId"] = "a short id unique to this run",
        ["dataDir"] = "an empty temporary folder for this run, deleted afterwards",
        ["profileDir"] = "the folder of the profile file",
        ["flow"] = "the flow id, e.g. connect-valid",
        ["uniqueName"] = "a name unique to this flow and run, e.g. connect-valid-3f9a1c",
        ["uniqueEmail"] = "an e-mail address unique to this flow and run, at example.test",
        ["password"] = "a strong password generated for this run",
    };

    /// <summary>The placeholders each flow gives its own value: they have one only in the connection page and the sign-in steps.</summary>
    public static readonly IReadOnlyList<string> PerFlow = ["flow", "uniqueName", "uniqueEmail"];

    private readonly Dictionary<string, string> _values;

    public Placeholders(IReadOnlyDictionary<string, string> values) => _values = new Dictionary<string, string>(values);

    /// <summary>A copy with one more value.</summary>
    public Placeholders With(string name, string value) => new(new Dictionary<string, string>(_values) { [name] = value });

    /// <summary>A copy with the per-flow placeholders for <paramref name="flow"/> added.</summary>
    public Placeholders ForFlow(string flow)
    {
        var values = new Dictionary<string, string>(_values) { ["flow"] = flow };
        var unique = $"{flow}-{_values.GetValueOrDefault("runId", "run")}";
        values["uniqueName"] = unique;
        values["uniqueEmail"] = $"{unique}@example.test";
        return new Placeholders(values);
    }

    /// <summary>Replaces every known placeholder; a known one without a value yet is an error naming it.</summary>
    public string Expand(string text) => PlaceholderPattern().Replace(text, match =>
    {
        var name = match.Groups[1].Value;
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        return Known.ContainsKey(name)
            ? throw new ProfileException($"The placeholder {{{name}}} cannot be used here (it has no value at this point).")
            : match.Value;
    });

    /// <summary>The known placeholder names in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Used(string? text) => Names(text).Where(Known.ContainsKey);

    /// <summary>The placeholder names in <paramref name="text"/> that are not known.</summary>
    public static IEnumerable<string> Unknown(string? text) => Names(text).Where(name => !Known.ContainsKey(name));

    private static IEnumerable<string> Names(string? text) =>
        text is null ? [] : PlaceholderPattern().Matches(text).Select(match => match.Groups[1].Value);

    // Only {letters} count, so regex quantifiers such as \d{4} in a pattern are left alone.
    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
