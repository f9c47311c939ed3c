using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>A self-signed certificate with its private key, written as a .pfx, for the data-protection key encryption.</summary>
public static class TestCertificates
{
    public const string Password = "test-certificate-password";

    public static string CreatePfx(string folder)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MentoringPortal data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-hardening-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
