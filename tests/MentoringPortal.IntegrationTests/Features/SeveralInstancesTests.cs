using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Two instances of the portal on one database, each with its own data folder (nothing shared on disk):
/// what one signs or protects, the other reads, because the data-protection keys live in the database.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"portal-instances-{Guid.NewGuid():N}");
    private PortalFactory _first = null!;
    private PortalFactory _second = null!;

    public async Task InitializeAsync()
    {
        _first = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Settings = { ["Portal:DataDirectory"] = Path.Combine(_folder, "first") },
        });
        _second = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConnectionString = _first.ConnectionString,
            Settings = { ["Portal:DataDirectory"] = Path.Combine(_folder, "second") },
        });
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task SignInOnOne_CookieWorksOnTheOther()
    {
        var mentee = await _first.Data.MenteeAsync();
        var cookies = new CookieContainer();
        using var onFirst = _first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using (await Forms.SignInAsync(onFirst, mentee.Email, TestData.Password))
        {
        }

        using var onSecond = _second.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var me = await onSecond.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(mentee.Name, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataProtectionExtensions.FileSystemKeysFolder(Path.Combine(_folder, "first"))));
        Assert.False(Directory.Exists(DataProtectionExtensions.FileSystemKeysFolder(Path.Combine(_folder, "second"))));
    }

    [Fact]
    public async Task PasswordResetLinkEmailedByOne_WorksOnTheOther()
    {
        var mentee = await _first.Data.MenteeAsync();
        using var onFirst = _first.CreateClientNoRedirect();
        using (await Forms.SubmitAsync(onFirst, "/account/forgot-password", new Dictionary<string, string> { ["Email"] = mentee.Email }))
        {
        }

        var email = await _first.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("Reset", StringComparison.Ordinal));
        const string newPassword = "amber lanterns over two harbours";
        using var onSecond = _second.CreateClientNoRedirect();
        using (var reset = await Forms.SubmitAsync(onSecond, new Uri(email.LinkContaining("/account/reset-password")).PathAndQuery,
            new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            Assert.Contains("Password changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var signedIn = await _second.CreateSignedInClientAsync(mentee.Email, newPassword);
        using var me = await signedIn.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task ProtectedOnOne_UnprotectsOnTheOther_ButNotOnAnotherDatabase()
    {
        const string purpose = "SeveralInstancesTests";
        var protectedText = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("shared secret");

        Assert.Equal("shared secret", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedText));

        // Same application name, different database: different keys. Without the shared store this is what B would be.
        await using var elsewhere = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Settings = { ["Portal:DataDirectory"] = Path.Combine(_folder, "elsewhere") },
        });
        var other = elsewhere.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Unprotect(protectedText));
    }

    [Fact]
    public async Task KeysFromTheOldDataFolder_AreCopiedIntoTheDatabaseOnce()
    {
        // What an earlier version left behind: keys written to <data>/keys by the file-system key store.
        var dataFolder = Path.Combine(_folder, "upgraded");
        var keysFolder = DataProtectionExtensions.FileSystemKeysFolder(dataFolder);
        var old = DataProtectionProvider.Create(new DirectoryInfo(keysFolder), b => b.SetApplicationName("MentoringPortal"))
            .CreateProtector("SeveralInstancesTests.Upgrade");
        var linkFromBefore = old.Protect("reset token from before the upgrade");
        var oldKeyFiles = Directory.GetFiles(keysFolder, "key-*.xml").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();

        await using var upgraded = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Settings = { ["Portal:DataDirectory"] = dataFolder },
        });
        var protector = upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SeveralInstancesTests.Upgrade");

        Assert.Equal("reset token from before the upgrade", protector.Unprotect(linkFromBefore));
        var names = await upgraded.Data.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.All(oldKeyFiles, name => Assert.Single(names, name));

        // A second instance starting on the same data folder and database copies nothing again.
        await using var again = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConnectionString = upgraded.ConnectionString,
            Settings = { ["Portal:DataDirectory"] = dataFolder },
        });
        again.StartHost();
        var namesAfter = await again.Data.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.Equal(names.Count, namesAfter.Count);
    }
}
