using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PleoUxGuard.ReferenceIntegration.Storage;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (<c>Storage:KeyRingCertificatePath</c>, and
/// its <c>Storage:KeyRingCertificatePassword</c>). Read once, when the services are registered: Data Protection
/// takes the certificate itself, not a way to find it later.
/// </summary>
internal static class KeyRingCertificate
{
    public const string PathKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.KeyRingCertificatePath);

    public const string PasswordKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.KeyRingCertificatePassword);

    /// <summary>The configured certificate, or null when none is configured or it cannot be used (then <paramref name="problem"/> says why).</summary>
    public static X509Certificate2? Load(IConfiguration configuration, string contentRoot, out string? problem)
    {
        problem = null;
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>();
        if (storage?.KeyRingCertificatePath is not { Length: > 0 } configured)
        {
            return null;
        }

        var path = Path.GetFullPath(configured, contentRoot);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, storage.KeyRingCertificatePassword);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Said below, without the exception's text, which may name the password's failure in detail.
        }

        problem = $"{PathKey} ({path}) is not a readable PKCS#12 (.pfx) certificate with a private key; check the file and {PasswordKey}, or remove the setting.";
        return null;
    }
}
