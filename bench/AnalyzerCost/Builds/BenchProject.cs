namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>
/// One project the benchmark compiles once per contender. Each contender gets its own copy of the project
/// file, next to the original (so its source globs still hold), with the contender's package reference
/// added; <see cref="BuildBench.Isolation"/> keeps their obj/ and bin/ folders apart.
/// </summary>
/// <param name="Name">Short name, part of each copy's file name and of its build logs.</param>
/// <param name="Directory">The folder the project's source globs are relative to.</param>
/// <param name="Render">The project file for a contender, given its package reference (empty for the baseline).</param>
internal sealed record BenchProject(string Name, string Directory, Func<string, string> Render)
{
    public string PathFor(Contender contender) => Path.Combine(Directory, $"{Name}.{contender.Slug}.csproj");

    public string LogFileName(Contender contender, int round) => $"{Name}.{contender.Slug}-round{round}.log";

    /// <summary>A project file with the contender's reference added as the last item group.</summary>
    public static Func<string, string> AddingReferenceTo(string projectXml) =>
        reference => projectXml.Replace("</Project>", $"  <ItemGroup>\n    {reference}\n  </ItemGroup>\n</Project>", StringComparison.Ordinal);
}
