using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// 5,000 mentees in one file, through the real upload, preview and background import on PostgreSQL. The times go to the
/// test's output (docs/performance.md records them); nothing here asserts on time, only that everyone arrived once.
/// </summary>
public sealed class PeopleImportScaleTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int People = 5_000;

    [Fact]
    public async Task Import_5000Mentees_RecordsHowLongItTakes()
    {
        var programme = await factory.Data.ProgrammeAsync("Five thousand");
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var prefix = Unique.Email("bulk").Split('@')[0];
        var csv = new StringBuilder(PeopleImportTests.MenteesHeader).Append('\n');
        for (var i = 0; i < People; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{prefix}-{i}@nhs.example,Person {i},Paediatrics,Core trainee,London,Returned after parental leave,Feel confident on call again\n");
        }

        var clock = Stopwatch.StartNew();
        using var upload = await PeopleImportTests.UploadAsync(client, programme.Id, "Mentees", csv.ToString());
        var preview = clock.Elapsed;
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var batchUrl = upload.Headers.Location!.OriginalString;
        using var confirmed = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/confirm");
        clock.Restart();
        await factory.Services.GetRequiredService<PeopleImportRunner>().RunWaitingAsync(CancellationToken.None);
        var import = clock.Elapsed;

        var batchId = Guid.Parse(batchUrl.Split('/')[^1]);
        var batch = await factory.Data.QueryAsync(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal(ImportBatchStatus.Finished, batch.Status);
        Assert.Equal(People, batch.CreatedCount);
        var pattern = prefix + "-%";
        Assert.Equal(People, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => EF.Functions.Like(u.Email!, pattern))));
        Assert.Equal(People, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => EF.Functions.Like(m.To, pattern))));
        output.WriteLine($"Upload and preview of {People:N0} rows: {preview.TotalSeconds:F1} s; background import (accounts, profiles, invitations): {import.TotalSeconds:F1} s");
    }
}
