using MentoringPortal.Domain.Notifications;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentoringPortal.IntegrationTests.Features.Notifications;

/// <summary>A message to a large programme is enqueued in one unit, in seconds (the figure is in docs/performance.md).</summary>
public sealed class BroadcastScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoThousandRecipients_AreEnqueuedInOneUnit_Quickly()
    {
        // Its own database and SMTP server, so that sending 2,000 emails delays no other test's email.
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { Smtp = smtp });
        var programme = await factory.Data.ProgrammeAsync();
        var administratorUserId = await factory.Data.UserIdAsync((await factory.Data.AdministratorAsync(programme)).Email);
        const int count = 2000;
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var programmeEntity = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
            for (var i = 0; i < count; i++)
            {
                var user = new Web.Identity.PortalUser { UserName = Unique.Email(), DisplayName = $"Member {i}" };
                user.Email = user.UserName;
                user.NormalizedEmail = user.NormalizedUserName = user.Email.ToUpperInvariant();
                db.Users.Add(user);
                var member = new Domain.Mentees.Mentee(user.Id, user.DisplayName, DateTime.UtcNow);
                member.JoinProgramme(programmeEntity);
                db.Mentees.Add(member);
            }

            await db.SaveChangesAsync();
        });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var scope = await Web.Features.Admin.AdminScope.ForAsync(db, await PrincipalAsync(services, administratorUserId), CancellationToken.None);
            return await services.GetRequiredService<Web.Features.Admin.Broadcasts.SendBroadcast>().RunAsync(programme.Id, scope,
                administratorUserId, Guid.NewGuid(), BroadcastAudience.Mentees, "News for everyone", "Hello.", CancellationToken.None);
        });
        watch.Stop();

        var sent = Assert.IsType<Web.Features.Admin.Broadcasts.BroadcastSending.Sent>(outcome);
        Assert.Equal(count, sent.RecipientCount);
        Assert.Equal(count, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == "News for everyone")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Enqueueing {count} took {watch.Elapsed}.");
        output.WriteLine($"Broadcast to {count} recipients enqueued in {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userId)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Identity.PortalUser>>();
        var principals = services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Web.Identity.PortalUser>>();
        return await principals.CreateAsync((await users.FindByIdAsync(userId))!);
    }
}
