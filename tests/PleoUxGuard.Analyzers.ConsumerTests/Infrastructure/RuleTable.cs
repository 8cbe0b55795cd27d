using System.Text;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>
/// The Markdown rule table of a README, made from the shipped rules. Each README holds it between the
/// markers below; RuleTableTests fails when the two differ, and rewrites the README instead when
/// PLEOUXGUARD_UPDATE_RULE_TABLES=1 is set.
/// </summary>
internal static class RuleTable
{
    public const string Begin = "<!-- rule-table: generated from the analyzer; see tests/PleoUxGuard.Analyzers.ConsumerTests/RuleTableTests.cs -->";
    public const string End = "<!-- /rule-table -->";

    public static string Render(IEnumerable<Rule> rules, Func<Rule, string> link)
    {
        var table = new StringBuilder()
            .AppendLine("| Rule | Title | Category | Default severity | Code fix |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var rule in rules)
        {
            var descriptor = rule.Descriptor;
            var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            table.AppendLine($"| [{rule.Id}]({link(rule)}) | {descriptor.Title} | {descriptor.Category} | {severity} | {(rule.HasCodeFix ? "yes" : "no")} |");
        }

        return table.ToString();
    }

    /// <summary>The text between the markers, or null when the file has no table.</summary>
    public static string? Read(string markdown)
    {
        var begin = markdown.IndexOf(Begin, StringComparison.Ordinal);
        var end = markdown.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : markdown[(begin + Begin.Length)..end].Trim('\n') + "\n";
    }

    public static string Replace(string markdown, string table)
    {
        var begin = markdown.IndexOf(Begin, StringComparison.Ordinal);
        var end = markdown.IndexOf(End, StringComparison.Ordinal);
        return markdown[..(begin + Begin.Length)] + "\n" + table + markdown[end..];
    }
}
