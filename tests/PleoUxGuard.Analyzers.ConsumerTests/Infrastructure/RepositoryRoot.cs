namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding PleoUxGuard.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PleoUxGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PleoUxGuard.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
