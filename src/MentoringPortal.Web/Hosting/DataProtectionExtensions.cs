using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace MentoringPortal.Web.Hosting;

/// <summary>
/// The keys behind sign-in cookies, antiforgery tokens and emailed links: where they are kept, and
/// the certificate that encrypts them there.
/// </summary>
public static class DataProtectionExtensions
{
    public const string CertificatePathSetting = "DataProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("MentoringPortal");
        PersistKeys(builder, dataProtection);
        if (LoadCertificate(builder) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        return builder;
    }

    /// <summary>The folder where keys were kept before they moved to the database; read at start by <see cref="DataProtectionKeyImport"/>.</summary>
    public static string FileSystemKeysFolder(string dataDirectory) => Path.Combine(dataDirectory, "keys");

    // Kept apart from the encryption so the key store can move without touching it.
    private static void PersistKeys(WebApplicationBuilder builder, IDataProtectionBuilder dataProtection)
    {
        // In the database, so every instance on it reads the others' cookies and emailed links without a shared folder.
        dataProtection.PersistKeysToDbContext<PortalDbContext>();
    }

    private static X509Certificate2? LoadCertificate(WebApplicationBuilder builder)
    {
        var path = builder.Configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
            {
                return null;
            }

            throw new PortalStartupException(
                $"{CertificatePathSetting} is required in {builder.Environment.EnvironmentName}: set it to a .pfx certificate (and {CertificatePasswordSetting}) that encrypts the data-protection keys at rest.");
        }

        var fullPath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, path));
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, builder.Configuration[CertificatePasswordSetting]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new PortalStartupException(
                    $"{CertificatePathSetting} \"{fullPath}\" has no private key: export the certificate with its private key as a .pfx file.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new PortalStartupException(
                $"{CertificatePathSetting} \"{fullPath}\" cannot be read ({ex.Message}): check the file and {CertificatePasswordSetting}.", ex);
        }
    }
}
