using PleoUxGuard.ConformanceKit.Findings;

namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>
/// Merges the results.json files of shards (each in its own output folder, as CI artifacts arrive) into one
/// run, and copies the screenshots and traces they point at into one output folder beside the merged reports.
/// </summary>
public static class ResultsMerger
{
    /// <exception cref="InvalidDataException">A file is missing or not a results file; one line naming it.</exception>
    public static RunResult Merge(IReadOnlyList<string> resultFiles, string outputDirectory)
    {
        if (resultFiles.Count == 0)
        {
            throw new InvalidDataException("Name at least one results.json to merge.");
        }

        var parts = new List<RunResult>();
        foreach (var file in resultFiles)
        {
            string json;
            try
            {
                json = File.ReadAllText(file);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"{file}: cannot read it ({problem.Message}).", problem);
            }

            var part = JsonReporter.Read(json, file);
            CopyEvidence(part, Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFullPath(outputDirectory));
            parts.Add(part);
        }

        var duplicated = parts.SelectMany(part => part.Flows).GroupBy(flow => flow.Flow).FirstOrDefault(group => group.Count() > 1);
        if (duplicated is not null)
        {
            throw new InvalidDataException($"Flow {duplicated.Key} is in more than one of the files; merge the results of different shards (--shard i/n) of one run.");
        }

        return RunResult.Merge(parts);
    }

    private static void CopyEvidence(RunResult part, string from, string to)
    {
        var paths = part.Flows.SelectMany(flow => flow.Steps.Select(step => step.Screenshot).Append(flow.Trace))
            .Concat(part.Checks.SelectMany(check => check.Observations).Select(look => look.Evidence?.Screenshot))
            .OfType<string>()
            .Distinct();
        foreach (var relative in paths)
        {
            var source = Path.GetFullPath(Path.Combine(from, relative));
            var target = Path.GetFullPath(Path.Combine(to, relative));

            // Paths come from files that travelled through CI; never read or write outside the two folders.
            if (!source.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || !target.StartsWith(to + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || !File.Exists(source)
                || source == target)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}
