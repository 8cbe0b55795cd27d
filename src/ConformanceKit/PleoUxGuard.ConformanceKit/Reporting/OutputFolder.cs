namespace PleoUxGuard.ConformanceKit.Reporting;

/// <summary>The output folder, tried before a run starts: a folder that cannot be written is found in a second, not after the flows.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates the folder and writes and deletes a file in it; returns why it cannot be used, or null. The answer
    /// names the folder as <paramref name="named"/> calls it: the CLI's option, or a library caller's setting.
    /// </summary>
    public static string? Problem(string directory, string named = "The output folder")
    {
        var full = Path.GetFullPath(directory);
        if (FileInTheWay(full) is { } file)
        {
            return $"{named} {directory} cannot be used: {(file == full ? "it is a file" : $"{file} is a file")}, not a folder; give a folder the kit can create and write in.";
        }

        var probe = Path.Combine(full, $".pleo-uxguard-probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return $"{named} {directory} cannot be used: {problem.Message.TrimEnd('.')}; give a folder the kit can create and write in.";
        }
    }

    /// <summary>The path itself or the nearest of its parents that exists, when that is a file.</summary>
    private static string? FileInTheWay(string path)
    {
        for (var current = path; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return current;
            }

            if (Directory.Exists(current))
            {
                return null;
            }
        }

        return null;
    }
}
