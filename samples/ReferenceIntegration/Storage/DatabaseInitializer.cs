using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Accounts;

namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>
/// Makes the data folder ready before the host starts: migrates the schema (and seeds the demo users when
/// <c>Accounts:SeedDemoUsers</c> is true) and makes sure the key ring's folder can be written. Run by Program
/// before the host, so a folder that cannot be used stops the start with one line instead of a host failure, and
/// the server takes no request before the schema is there.
/// </summary>
internal sealed class DatabaseInitializer(
    DatabaseMigrator migrator, DemoUsers demoUsers, IConfiguration configuration, IOptions<StorageOptions> storage)
{
    public const string SeedDemoUsersKey = "Accounts:SeedDemoUsers";

    /// <exception cref="StorageUnusableException">The data folder, the database or the key ring's folder cannot be used.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var options = storage.Value;
        try
        {
            CreatePrivateDirectory(options.DataDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnusableException($"the data folder {options.DataDirectory} cannot be created ({FirstLine(exception.Message)}); check Storage:DataDirectory", exception);
        }

        EnsureWritable(options.KeyRingDirectory!);
        try
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnusableException($"the database {options.DatabasePath} cannot be used ({FirstLine(exception.Message)}); check Storage:DataDirectory", exception);
        }

        if (configuration.GetValue<bool>(SeedDemoUsersKey))
        {
            await demoUsers.SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Data Protection writes its first key only when something is first protected (a form's antiforgery token),
    /// so an unwritable key ring folder would show as an error page on every request of an app that reads healthy.
    /// </summary>
    private static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".write-check-{Guid.NewGuid():N}");
        try
        {
            CreatePrivateDirectory(directory);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnusableException($"the key ring folder {directory} cannot be written ({FirstLine(exception.Message)}); check Storage:KeyRingDirectory", exception);
        }
    }

    /// <summary>
    /// Creates the folder readable by the app's own user only: the database holds password hashes and encrypted keys,
    /// the key ring what decrypts them, and files created inside take the process's default mode. A folder that
    /// exists already keeps its mode: whoever made it chose it.
    /// </summary>
    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');
}

/// <summary>A storage place the app needs cannot be used; the message says which and what to check.</summary>
internal sealed class StorageUnusableException(string message, Exception inner) : Exception(message, inner);
