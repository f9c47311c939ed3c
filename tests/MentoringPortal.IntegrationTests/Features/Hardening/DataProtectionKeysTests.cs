using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>Data-protection keys at rest (issue 10, item 7), now kept in the database (issue 11).</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task KeysWritten_WithACertificateConfigured_AreEncryptedInTheDatabase()
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

            var keys = await KeysAfterFirstPageAsync(factory);

            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
            Assert.False(Directory.Exists(Path.Combine(folder, "data", "keys")), "Keys were written to the data folder too.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task KeysWritten_WithoutACertificateInTesting_AreReadablePlainXml()
    {
        // The other side of the test above: without a certificate (allowed in Development and Testing only) the
        // master key is there in plain XML, so that test would see it if the certificate were ignored.
        await using var factory = await PortalFactory.CreateAsync();

        var keys = await KeysAfterFirstPageAsync(factory);

        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    private static async Task<List<string>> KeysAfterFirstPageAsync(PortalFactory factory)
    {
        using var client = factory.CreateClientNoRedirect();

        // The sign-in form's antiforgery token needs a key, so the first one is written now.
        using (var page = await client.GetAsync("/account/login"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        return await factory.Data.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? string.Empty).ToListAsync());
    }
}
