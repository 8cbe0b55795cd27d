namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>One malformed <c>pleouxguard.*</c> setting: the key as written and what is wrong with it.</summary>
internal readonly struct OptionProblem
{
    public OptionProblem(string key, string problem)
    {
        Key = key;
        Problem = problem;
    }

    public string Key { get; }

    public string Problem { get; }
}
