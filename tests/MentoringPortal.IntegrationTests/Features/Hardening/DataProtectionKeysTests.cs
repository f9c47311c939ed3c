using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>Data-protection keys at rest (issue 10, item 7).</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task KeysWritten_WithACertificateConfigured_AreEncrypted()
    {
        var folder = TestCertificates.TemporaryFolder();
        try
        {
            var certificate = TestCertificates.CreatePfx(Path.Combine(folder, "certificate"));
            var options = new PortalFactoryOptions();
            options.Settings["Portal:DataDirectory"] = Path.Combine(folder, "data");
            options.Settings["DataProtection:Certificate:Path"] = certificate;
            options.Settings["DataProtection:Certificate:Password"] = TestCertificates.Password;
            await using var factory = await PortalFactory.CreateAsync(options);
            using var client = factory.CreateClientNoRedirect();

            // The sign-in form's antiforgery token needs a key, so the first one is written now.
            using (var page = await client.GetAsync("/account/login"))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            var keys = Directory.GetFiles(Path.Combine(folder, "data", "keys"), "*.xml");
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var xml = await File.ReadAllTextAsync(key);
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
