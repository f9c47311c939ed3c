using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

public sealed class ClockedSqlitePortal() : SqlitePortal(seedDemoData: true, new TestClock());

/// <summary>The data-rights queries on the embedded default, SQLite, with the demo data: download, erasure and retention.</summary>
public sealed class DataRightsSqliteTests(ClockedSqlitePortal portal) : IClassFixture<ClockedSqlitePortal>
{
    [Fact]
    public async Task DemoData_OnSqlite_ExportThenErasureThenRetention()
    {
        var (email, pairingId) = await portal.Data.QueryAsync(async db =>
        {
            var pairing = await db.Pairings.Where(m => m.Status == PairingStatus.Active && m.Mentee!.UserId != null)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.Mentee!.UserId }).FirstAsync();
            return (await db.Users.Where(u => u.Id == pairing.UserId).Select(u => u.Email!).SingleAsync(), pairing.Id);
        });

        using (var client = await portal.CreateSignedInClientAsync(email, DemoSeed.Password))
        {
            using (var asked = await Forms.SubmitAsync(client, "/me/data", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            }

            await portal.Mailbox.WaitForAsync(m => m.IsTo(email) && m.Subject == PortalEmails.DataExportReadySubject);
            Assert.Contains("Download my data (ZIP file)", await client.GetStringAsync("/me/data"), StringComparison.Ordinal);
        }

        using (var admin = await portal.CreateSignedInClientAsync("admin@demo.test", DemoSeed.Password))
        using (var erased = await Forms.SubmitAsync(admin, "/admin/erasure", new Dictionary<string, string> { ["Email"] = email, ["Confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Equal(FormerMember.Name, await portal.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingId)
            .Select(m => m.Mentee!.DisplayName).SingleAsync()));

        portal.Clock!.Advance(TimeSpan.FromDays((3 * 365) + 2));
        await portal.InScopeAsync(services => services.GetRequiredService<DataRightsHousekeeping>().RunAsync(CancellationToken.None));
        Assert.True(await portal.Data.QueryAsync(db => db.ErasureRequests.AnyAsync(r => r.Reason == ErasureReason.Inactivity)));
        Assert.False(await portal.Data.QueryAsync(db => db.DataExports.AnyAsync(e => e.Content != null)));
    }
}
