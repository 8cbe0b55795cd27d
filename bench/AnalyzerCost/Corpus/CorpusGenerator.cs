namespace PleoUxGuard.AnalyzerCost.Corpus;

/// <summary>The generated corpus: its folder, its size, and the one large file used for single-file analysis.</summary>
/// <param name="KeyShare">The percentage of modules that handle a Pleo key (100: every module).</param>
internal sealed record GeneratedCorpus(string Directory, int Files, int Lines, string LargeFile, int LargeFileLines, int KeyShare);

/// <summary>Writes a corpus of integration-style modules, one module per file, plus one large file.</summary>
internal static class CorpusGenerator
{
    public const int LargeFileMinimumLines = 2_000;

    // One module in ten carries the mistakes the rules look for.
    private const int MistakeEvery = 10;

    /// <param name="keyShare">
    /// The percentage of modules that handle a Pleo key, spread over the corpus (<see cref="HandlesKey"/>); the others are the same code
    /// with an account reference where the key was (<see cref="ModuleTemplate.WithoutKey"/>). The large file always handles one.
    /// </param>
    public static GeneratedCorpus Generate(string directory, int minimumLines, int keyShare = 100)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);

        var largeModules = new List<string>();
        var largeFileText = string.Empty;
        while (CountLines(largeFileText) < LargeFileMinimumLines)
        {
            largeModules.Add(ModuleTemplate.Render("L" + largeModules.Count, withMistakes: largeModules.Count == 0));
            largeFileText = FileText("Large", largeModules);
        }

        var largeFile = Path.Combine(directory, "LargeModule.cs");
        File.WriteAllText(largeFile, largeFileText);
        var lines = CountLines(largeFileText);
        var files = 1;
        for (var module = 0; lines < minimumLines; module++)
        {
            var rendered = ModuleTemplate.Render(module.ToString(System.Globalization.CultureInfo.InvariantCulture), module % MistakeEvery == 0);
            var text = FileText("M" + module, [HandlesKey(module, keyShare) ? rendered : ModuleTemplate.WithoutKey(rendered)]);
            File.WriteAllText(Path.Combine(directory, $"Module{module:D4}.cs"), text);
            lines += CountLines(text);
            files++;
        }

        return new GeneratedCorpus(directory, files, lines, largeFile, CountLines(largeFileText), keyShare);
    }

    /// <summary>
    /// Whether module <paramref name="module"/> handles a key: <paramref name="keyShare"/> of every 100 consecutive modules
    /// do. The modules are taken in the order 7 × module mod 100 (7 and 100 share no factor, so each 100 are each taken
    /// once), which spreads the key over the modules with mistakes (every tenth) as over the others; evenly spaced
    /// modules would miss them all at some shares (every fourth never meets every tenth).
    /// </summary>
    private static bool HandlesKey(int module, int keyShare) => module * 7 % 100 < keyShare;

    private static string FileText(string namespaceSuffix, IEnumerable<string> modules) =>
        ModuleTemplate.FileHeader + $"namespace Contoso.Integrations.{namespaceSuffix};\n\n" + string.Concat(modules);

    private static int CountLines(string text) => text.Length == 0 ? 0 : text.Count(character => character == '\n');
}
