namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>Where the app keeps its data: the SQLite database and the Data Protection key ring.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data folder; relative paths are resolved against the content root. Default: App_Data.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    public string DatabasePath => Path.Combine(DataDirectory, "reference-integration.db");

    public string KeyRingDirectory => Path.Combine(DataDirectory, "key-ring");
}
