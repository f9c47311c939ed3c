using System.Net;
using MentoringPortal.Domain.Programmes;
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
        var mentee = await factory.Data.MenteeAsync(goal: "Feel confident on call again.");
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddMinutes(-1), held: true, location: "Library",
            agreedActions: "Agreed to look at rotas.", menteeNote: note);
        await factory.Data.AskForChangeAsync(pairingId, byMentee: true, reason);

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
            var pairing = await db.Pairings.Include(m => m.Mentee).Include(m => m.Mentor).SingleAsync(m => m.Id == pairingId);
            pairing.AskForChange(pairing.Mentee!.UserId!, reason, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var otherProgramme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        await factory.Data.ResourcePageAsync("Welcome", "Hello", otherProgramme);
        var limited = await factory.Data.AdministratorAsync(otherProgramme);

        using var client = await factory.Data.SignInAsync(limited);
        var html = await client.GetStringAsync("/admin");

        Assert.Contains(otherProgramme.Name, html, StringComparison.Ordinal);
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
