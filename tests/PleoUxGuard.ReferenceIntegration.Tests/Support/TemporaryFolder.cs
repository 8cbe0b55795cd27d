using Microsoft.Data.Sqlite;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>A new folder under the system's temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix) => FullPath = Directory.CreateTempSubdirectory(prefix).FullName;

    public string FullPath { get; }

    /// <summary>A path inside the folder; nothing is created there.</summary>
    public string Inside(string name) => Path.Combine(FullPath, name);

    public void Dispose()
    {
        // Pooled connections keep the app's database file open, which stops its deletion on Windows.
        SqliteConnection.ClearAllPools();
        Directory.Delete(FullPath, recursive: true);
    }
}
