namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>Where the app keeps its data: the SQLite database and the Data Protection key ring.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data folder; relative paths are resolved against the content root. Default: App_Data.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    public string DatabasePath => Path.Combine(DataDirectory, "reference-integration.db");

    /// <summary>
    /// Where the Data Protection key ring is kept; relative paths are resolved against the content root. Default:
    /// <c>key-ring</c> in the data folder. Keep it on other storage than the database in production: whoever has
    /// both can decrypt the stored API keys, unless the ring itself is encrypted (<see cref="KeyRingCertificatePath"/>).
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) certificate with a private key that encrypts the key ring at rest; without one the ring's
    /// keys are stored as plain XML (Data Protection's default outside Windows and Azure). Read at start
    /// (<see cref="KeyRingCertificate"/>), from configuration as given: environment, command line or settings file.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The certificate file's password, if it has one.</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
