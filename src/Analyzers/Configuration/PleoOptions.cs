using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>
/// Reads <c>pleouxguard.*</c> options for a compilation: from the <c>.editorconfig</c> sections that apply to
/// a file, or from global analyzer config. Each distinct set of settings is parsed once.
/// </summary>
/// <example><code>
/// var options = PleoOptions.For(context.Compilation, context.Options);
/// var phrases = options.For(tree).Get(MyOptions.Phrases);
/// </code></example>
internal sealed class PleoOptions
{
    private static readonly ConditionalWeakTable<Compilation, PleoOptions> PerCompilation = new();

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, OptionValues> _byOptions = new();
    private readonly ConcurrentDictionary<string, OptionValues> _bySettings = new();

    private PleoOptions(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    /// <summary>The reader for this compilation, shared by every analyzer that asks.</summary>
    public static PleoOptions For(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.TryGetValue(compilation, out var known) ? known : Create(compilation, options);

    // Apart from For: a lambda capturing a parameter allocates its closure on entry to the method, hit or miss.
    private static PleoOptions Create(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.GetValue(compilation, _ => new PleoOptions(options.AnalyzerConfigOptionsProvider));

    /// <summary>The options that apply to one file (its .editorconfig sections plus global config).</summary>
    public OptionValues For(SyntaxTree tree) => Read(_provider.GetOptions(tree));

    /// <summary>The options that apply to an additional file, such as a .resx (its .editorconfig sections plus global config).</summary>
    public OptionValues For(AdditionalText file) => Read(_provider.GetOptions(file));

    /// <summary>Options from global analyzer config only (.globalconfig, build properties).</summary>
    public OptionValues Global => Read(_provider.GlobalOptions);

    // Asked once per method body: the hit allocates nothing.
    private OptionValues Read(AnalyzerConfigOptions options) =>
        _byOptions.GetOrCompute(options, _bySettings, static (bySettings, o) => bySettings.GetOrAdd(SettingsKey(o), _ => Parse(o)));

    private static string SettingsKey(AnalyzerConfigOptions options)
    {
        var key = new StringBuilder();
        foreach (var name in options.Keys)
        {
            if (name.StartsWith(PleoOption.Prefix, System.StringComparison.Ordinal)
                && options.TryGetValue(name, out var value))
            {
                key.Append(name).Append('\u0001').Append(value).Append('\u0002');
            }
        }

        return key.ToString();
    }

    private static OptionValues Parse(AnalyzerConfigOptions options)
    {
        var values = new Dictionary<string, object>();
        var problems = ImmutableArray.CreateBuilder<OptionProblem>();
        var sentences = new List<string>();
        foreach (var name in options.Keys)
        {
            if (!name.StartsWith(PleoOption.Prefix, System.StringComparison.Ordinal)
                || !options.TryGetValue(name, out var raw))
            {
                continue;
            }

            var option = OptionCatalogue.Find(name);
            if (option is null)
            {
                var nearest = OptionCatalogue.Nearest(name);
                problems.Add(new OptionProblem(name, nearest is null
                    ? "no such option; the known options are listed in docs/configuration.md"
                    : $"no such option; did you mean '{nearest.Key}'?"));
                continue;
            }

            sentences.Clear();
            values[name] = option.Parse(raw, sentences);
            foreach (var sentence in sentences)
            {
                problems.Add(new OptionProblem(name, sentence));
            }
        }

        return new OptionValues(values, problems.ToImmutable());
    }
}
