using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The administrator's desk shows facts and queues, never the content of mentoring.</summary>
public sealed class AdminHomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Desk_ShowsChangeRequestWithFacts_ButNeverMeetingNotes()
    {
        const string note = "Private: talked about my difficult divorce.";
        const string reason = "My mentor keeps cancelling at short notice.";
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.QueryAsync(db => db.Mentorships
            .Where(m => m.MenteeId == mentee.Id && m.Status == MentorshipStatus.Active).Select(m => m.Id).SingleAsync());
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Mentorships.Include(m => m.Mentor).Include(m => m.Mentee).Include(m => m.Meetings)
                .SingleAsync(m => m.Id == pairingId);
            var now = DateTime.UtcNow;
            var meeting = pairing.PlanMeeting(now.AddMinutes(-1), 60, MeetingModes.FaceToFace, "Library");
            meeting.LogAsHeld("Agreed to look at rotas.", now);
            meeting.WriteNote(pairing.Mentee!.UserId!, note, now);
            pairing.AskForChange(pairing.Mentee.UserId!, reason, now);
            await db.SaveChangesAsync();
        });

        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var html = await client.GetStringAsync("/admin");
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains(mentee.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("difficult divorce", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Agreed to look at rotas", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Feel confident on call again", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desk_ListsMentorsWhoLetRequestsExpire()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(mentee, mentor);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var request = await db.ContactRequests.SingleAsync(r => r.Id == requestId);
            Assert.True(request.ExpireIfDue(request.ExpiresAt));
            await db.SaveChangesAsync();
        });

        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/admin"));
        Assert.Contains(page.QuerySelectorAll("td a"), a => a.TextContent == mentor.Name);
    }

    [Fact]
    public async Task Desk_AdministratorOfAnotherProgramme_SeesNothingOfThisOne()
    {
        const string reason = "Please find me someone who can meet in the evenings.";
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.PairingIdAsync(mentee, mentor);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Mentorships.Include(m => m.Mentee).Include(m => m.Mentor).SingleAsync(m => m.Id == pairingId);
            pairing.AskForChange(pairing.Mentee!.UserId!, reason, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var otherProgrammeSlug = "other-" + Guid.NewGuid().ToString("N")[..8];
        await factory.Data.ResourcePageAsync("Welcome", "Hello", otherProgrammeSlug);
        var limited = await factory.Data.AdministratorAsync();
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var userId = await db.Users.Where(u => u.Email == limited.Email).Select(u => u.Id).SingleAsync();
            var programmeId = await db.Programmes.Where(p => p.Slug == otherProgrammeSlug).Select(p => p.Id).SingleAsync();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AdministersEveryProgramme, false));
            db.ProgrammeAdministrators.Add(new ProgrammeAdministrator(userId, programmeId));
            await db.SaveChangesAsync();
        });

        using var client = await factory.Data.SignInAsync(limited);
        var html = await client.GetStringAsync("/admin");

        Assert.Contains("Programme " + otherProgrammeSlug, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Return to Training", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, html, StringComparison.Ordinal);
        Assert.DoesNotContain(mentee.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desk_AsMentee_IsForbidden()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
