using System.Text;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>
/// Looks for secrets where they must never be: every file in the app's data folder (the SQLite database, its
/// WAL, the key ring), every log record at every level (message, structured values, scopes, exception), and
/// every page sent to the browser. A secret is looked for as itself, in UTF-16, and as the Basic header value.
/// </summary>
public static class SecretScan
{
    public static IReadOnlyList<string> FindLeaks(ReferenceApp app, IEnumerable<(string Name, string Value)> secrets)
    {
        var leaks = new List<string>();
        var files = Directory.Exists(app.DataDirectory) ? ReadAll(app.DataDirectory) : [];
        var records = app.Logs.GetSnapshot();
        var bodies = app.ResponseBodies;

        foreach (var (name, value) in secrets)
        {
            var forms = new[] { value, Convert.ToBase64String(Encoding.UTF8.GetBytes(value + ":")) };
            foreach (var (path, bytes) in files)
            {
                foreach (var form in forms)
                {
                    if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(form)) >= 0)
                    {
                        leaks.Add($"{name} in file {Path.GetRelativePath(app.DataDirectory, path)}");
                    }
                }
            }

            foreach (var record in records)
            {
                var texts = new List<string?> { record.Message, record.Exception?.ToString() };
                texts.AddRange(record.StructuredState?.Select(pair => pair.Value) ?? []);
                texts.AddRange(record.Scopes.Select(scope => scope?.ToString()));
                if (texts.Any(text => text is not null && forms.Any(form => text.Contains(form, StringComparison.Ordinal))))
                {
                    leaks.Add($"{name} in a {record.Level} log record of {record.Category}");
                }
            }

            if (bodies.Any(body => forms.Any(form => body.Contains(form, StringComparison.Ordinal))))
            {
                leaks.Add($"{name} in a page sent to the browser");
            }
        }

        return leaks;
    }

    /// <summary>Asserts that no key the fake Pleo minted for this app, and no extra secret, leaked anywhere.</summary>
    public static void AssertNoKeyLeaked(ReferenceApp app, params (string Name, string Value)[] extraSecrets)
    {
        var secrets = app.Pleo.Keys.All.Select(key => (key.Fingerprint, key.Value)).Concat(extraSecrets).ToList();
        Assert.NotEmpty(secrets);
        var leaks = FindLeaks(app, secrets);
        Assert.True(leaks.Count == 0, "Secrets leaked:\n" + string.Join("\n", leaks));
    }

    /// <summary>
    /// Every file of the folder, read in one pass during which none disappeared. SQLite removes its -shm and -wal
    /// files when the last connection closes, after copying the WAL's pages into the database; a file gone
    /// between the listing and its read means the database read may predate that copy, so the whole folder is
    /// read again rather than the file skipped.
    /// </summary>
    internal static List<(string Path, byte[] Bytes)> ReadAll(string directory, Func<string, byte[]>? read = null)
    {
        read ??= Read;
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var files = new List<(string, byte[])>();
            try
            {
                foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
                {
                    files.Add((path, read(path)));
                }

                return files;
            }
            catch (FileNotFoundException) when (attempt < attempts)
            {
            }
        }
    }

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
