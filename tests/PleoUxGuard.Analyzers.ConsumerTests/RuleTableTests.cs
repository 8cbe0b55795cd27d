using PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

namespace PleoUxGuard.Analyzers.ConsumerTests;

/// <summary>The rule tables users read (repository README, package README) match what the assemblies ship.</summary>
public sealed class RuleTableTests
{
    public static TheoryData<string> Readmes => ["README.md", "src/Package/README.md"];

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_rule_table_lists_every_shipped_rule_with_severity_and_code_fix(string readme)
    {
        var path = RepositoryRoot.Combine(readme.Split('/'));
        var markdown = File.ReadAllText(path);
        var expected = RuleTable.Render(RuleCatalogue.ShippedRules, rule => LinkFor(readme, rule));

        if (Environment.GetEnvironmentVariable("PLEOUXGUARD_UPDATE_RULE_TABLES") == "1" && RuleTable.Read(markdown) is not null)
        {
            File.WriteAllText(path, RuleTable.Replace(markdown, expected));
            markdown = File.ReadAllText(path);
        }

        var actual = RuleTable.Read(markdown);
        Assert.True(actual is not null, $"{readme} has no rule table between '{RuleTable.Begin}' and '{RuleTable.End}'.");
        Assert.True(
            expected == actual,
            $"The rule table in {readme} is out of date. Rerun these tests with PLEOUXGUARD_UPDATE_RULE_TABLES=1 to rewrite it, or paste:\n{expected}");
    }

    [Fact]
    public void Every_shipped_rule_has_its_page_in_docs_rules_and_its_help_link_points_there()
    {
        Assert.All(RuleCatalogue.ShippedRules, rule =>
        {
            Assert.True(File.Exists(RepositoryRoot.Combine("docs", "rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
            Assert.EndsWith($"/docs/rules/{rule.Id}.md", rule.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Shipped_rules_are_read_from_the_assemblies()
    {
        Assert.Contains(RuleCatalogue.ShippedRules, rule => rule.Id == DiagnosticIds.SecretToLog);
        Assert.All(RuleCatalogue.ShippedRules, rule => Assert.StartsWith("PUX", rule.Id, StringComparison.Ordinal));
    }

    // The repository README links the pages in the checkout; the package README is read on nuget.org, so
    // it links the same absolute help link the IDE and the SARIF log show.
    private static string LinkFor(string readme, Rule rule) =>
        readme == "README.md" ? $"docs/rules/{rule.Id}.md" : rule.Descriptor.HelpLinkUri;
}
