using System.IO.Compression;
using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.DataRights;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>People's rights over their data over HTTP on PostgreSQL and SMTP: notice, download, deletion, erasure by administrators, retention.</summary>
public sealed class DataRightsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string MenteeNote = "Private: I worry about my first night shift back.";
    private const string MentorNote = "Mentor's private: consider suggesting occupational health.";

    [Theory]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/accessibility", "Accessibility statement for the mentoring portal")]
    public async Task NoticePages_AreLinkedFromEveryFooter(string path, string heading)
    {
        using var client = factory.CreateClientNoRedirect();
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Forms.ParseHtmlAsync(page);
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());

        using var home = await client.GetAsync("/mentors");
        var footer = (await Forms.ParseHtmlAsync(home)).QuerySelector("footer")!;
        Assert.NotNull(footer.QuerySelector($"a[href='{path}']"));
    }

    [Fact]
    public async Task PrivacyNotice_SaysHowLongDataIsKept()
    {
        using var client = factory.CreateClientNoRedirect();
        var text = (await Forms.ParseHtmlAsync(await client.GetAsync("/privacy"))).Body!.TextContent;

        Assert.Contains("3 years", text, StringComparison.Ordinal);
        Assert.Contains("14 days", text, StringComparison.Ordinal);
        Assert.Contains("notes are read only by the person who wrote them", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/me/data")]
    [InlineData("/me/delete")]
    [InlineData("/me/delete/cancel")]
    [InlineData("/admin/erasure")]
    public async Task Post_WithoutAntiforgeryToken_Is400(string path)
    {
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Password"] = TestData.Password, ["Email"] = admin.Email });
        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ErasureRequests.CountAsync(
            r => r.UserId == db.Users.Where(u => u.Email == admin.Email).Select(u => u.Id).FirstOrDefault())));
    }

    [Fact]
    public async Task DownloadMyData_ContainsOwnDataButNotTheOtherPersonsNotes_AndOnlyForItsOwner()
    {
        var (mentee, mentor, pairingId) = await PairedWithNotesAsync(factory);
        using var client = await factory.Data.SignInAsync(mentee);

        using (var response = await Forms.SubmitAsync(client, "/me/data", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.DataExportReadySubject);
        Assert.EndsWith("/me/data", email.LinkContaining("/me/data"), StringComparison.Ordinal);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/me/data"));
        var link = page.QuerySelector("a[href$='/download']")!.GetAttribute("href")!;
        using var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore);

        await using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        var entry = Assert.Single(zip.Entries);
        Assert.Equal(PersonalDataExport.JsonFileName, entry.Name);
        using var reader = new StreamReader(await entry.OpenAsync());
        var json = await reader.ReadToEndAsync();
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(mentee.Email, parsed.RootElement.GetProperty("account").GetProperty("Email").GetString());
        Assert.Contains(mentee.Name, json, StringComparison.Ordinal);
        Assert.Contains("Feel confident on call again.", json, StringComparison.Ordinal);
        Assert.Contains(MenteeNote, json, StringComparison.Ordinal);
        Assert.DoesNotContain(MentorNote, json, StringComparison.Ordinal);
        Assert.Equal(pairingId > 0, parsed.RootElement.GetProperty("pairings").GetArrayLength() == 1);

        using var other = await factory.Data.SignInAsync(mentor);
        using var stolen = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
    }

    [Fact]
    public async Task DeleteMyAccount_WrongPassword_ChangesNothing()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, "/me/delete", new Dictionary<string, string> { ["Password"] = "not my password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("That password is not right", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Password")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ErasureRequests.CountAsync(
            r => r.UserId == db.Users.Where(u => u.Email == mentee.Email).Select(u => u.Id).FirstOrDefault())));
    }

    [Fact]
    public async Task DeleteMyAccount_DoubleClicked_AsksOnce()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/me/delete"));
        var uri = new Uri(client.BaseAddress!, "/me/delete");

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await Forms.SubmitAsync(client, page, uri, new Dictionary<string, string> { ["Password"] = TestData.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.ErasureRequests.CountAsync(
            r => r.UserId == db.Users.Where(u => u.Email == mentee.Email).Select(u => u.Id).FirstOrDefault())));
    }

    [Fact]
    public async Task DeleteMyAccount_WaitsFourteenDays_ThenErasesButKeepsTheFigures()
    {
        var clock = new TestClock();
        await using var portal = await PortalFactory.CreateAsync(new PortalFactoryOptions { Clock = clock });
        var (mentee, mentor, pairingId) = await PairedWithNotesAsync(portal);
        var admin = await portal.Data.AdministratorAsync();
        using var client = await portal.Data.SignInAsync(mentee);

        using (var response = await Forms.SubmitAsync(client, "/me/delete", new Dictionary<string, string> { ["Password"] = TestData.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var requested = await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.DeletionRequestedSubject);
        Assert.EndsWith("/me/delete", requested.LinkContaining("/me/delete"), StringComparison.Ordinal);
        Assert.Contains("Cancel the deletion", (await Forms.ParseHtmlAsync(await client.GetAsync("/me/delete"))).Body!.TextContent, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(13));
        await RunHousekeepingAsync(portal);
        Assert.Equal(mentee.Name, await portal.Data.QueryAsync(db => db.Mentees.Where(m => m.Id == mentee.Id).Select(m => m.DisplayName).SingleAsync()));

        clock.Advance(TimeSpan.FromDays(1));
        await RunHousekeepingAsync(portal);

        await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.AccountErasedSubject);
        var erased = await portal.Data.QueryAsync(db => db.Mentees.AsNoTracking().Include(m => m.Goals).ThenInclude(g => g.Ratings)
            .SingleAsync(m => m.Id == mentee.Id));
        Assert.Equal(FormerMember.Name, erased.DisplayName);
        Assert.Null(erased.UserId);
        Assert.All(erased.Goals, g => Assert.Empty(g.Description));
        Assert.False(await portal.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == mentee.Email)));
        Assert.False(await portal.Data.QueryAsync(db => db.MeetingNotes.AnyAsync(n => n.Text == MenteeNote)));
        Assert.True(await portal.Data.QueryAsync(db => db.MeetingNotes.AnyAsync(n => n.Text == MentorNote)));
        var pairing = await portal.Data.QueryAsync(db => db.Pairings.AsNoTracking().Include(m => m.Meetings).SingleAsync(m => m.Id == pairingId));
        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Contains(pairing.Meetings, m => m.WasHeld);
        Assert.Empty(await portal.Data.QueryAsync(db => db.OutboxMessages.Where(m => m.To == mentee.Email && m.Subject != PortalEmails.AccountErasedSubject).ToListAsync()));

        // The other member and administrators see "a former member" where the name was.
        using var mentorClient = await portal.Data.SignInAsync(mentor);
        var pairingPage = (await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"))).Body!.TextContent;
        Assert.Contains(FormerMember.Name, pairingPage, StringComparison.Ordinal);
        Assert.DoesNotContain(mentee.Name, pairingPage, StringComparison.Ordinal);
        Assert.DoesNotContain(mentee.Name, (await Forms.ParseHtmlAsync(await mentorClient.GetAsync("/me"))).Body!.TextContent, StringComparison.Ordinal);

        using var adminClient = await portal.Data.SignInAsync(admin);
        foreach (var path in new[] { $"/admin/pairings/{pairingId}", "/admin/pairings?status=ended", "/admin/audit" })
        {
            using var page = await adminClient.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = (await Forms.ParseHtmlAsync(page)).Body!.TextContent;
            Assert.DoesNotContain(mentee.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(mentee.Email, text, StringComparison.Ordinal);
        }

        Assert.Contains(FormerMember.Name, (await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/pairings/{pairingId}"))).Body!.TextContent,
            StringComparison.Ordinal);

        // The account can no longer sign in.
        using var again = portal.CreateClientNoRedirect();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.SignInAsync(again, mentee.Email, TestData.Password));
        Assert.Contains("The email address or password is not right", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMyAccount_Cancelled_KeepsTheAccount()
    {
        var clock = new TestClock();
        await using var portal = await PortalFactory.CreateAsync(new PortalFactoryOptions { Clock = clock });
        var mentee = await portal.Data.MenteeAsync();
        using var client = await portal.Data.SignInAsync(mentee);
        using (await Forms.SubmitAsync(client, "/me/delete", new Dictionary<string, string> { ["Password"] = TestData.Password }))
        {
        }

        clock.Advance(TimeSpan.FromDays(2));
        using var later = await portal.Data.SignInAsync(mentee);
        using (var response = await Forms.SubmitAsync(later, "/me/delete", [], formAction: "/me/delete/cancel"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.DeletionCancelledSubject);
        clock.Advance(TimeSpan.FromDays(20));
        await RunHousekeepingAsync(portal);

        Assert.Equal(mentee.Name, await portal.Data.QueryAsync(db => db.Mentees.Where(m => m.Id == mentee.Id).Select(m => m.DisplayName).SingleAsync()));
        Assert.True(await portal.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == mentee.Email)));
        using var afterwards = await portal.Data.SignInAsync(mentee);
        var page = (await Forms.ParseHtmlAsync(await afterwards.GetAsync("/me/delete"))).Body!.TextContent;
        Assert.Contains("Delete my account in 14 days", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminErasure_OnlyWithinScope_ConfirmedAndAudited()
    {
        var theirs = await factory.Data.ProgrammeAsync();
        var other = await factory.Data.ProgrammeAsync();
        var mentee = await factory.Data.MenteeAsync(theirs);
        var outsider = await factory.Data.AdministratorAsync(other);
        var admin = await factory.Data.AdministratorAsync(theirs);

        using (var client = await factory.Data.SignInAsync(outsider))
        using (var response = await Forms.SubmitAsync(client, "/admin/erasure", new Dictionary<string, string> { ["Email"] = mentee.Email }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = (await Forms.ParseHtmlAsync(response)).Body!.TextContent;
            Assert.Contains("There is no member with that email address in your programmes", text, StringComparison.Ordinal);
            Assert.DoesNotContain(mentee.Name, text, StringComparison.Ordinal);
        }

        var namesakeSubject = $"{mentee.Name}son → Dr Someone Else";
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            db.AuditEntries.Add(new AuditEntry(null, AuditActions.ApplicationMatched, $"{mentee.Name} → Dr Someone Else", null, null, DateTime.UtcNow, theirs.Id));
            db.AuditEntries.Add(new AuditEntry(null, AuditActions.ApplicationMatched, namesakeSubject, null, null, DateTime.UtcNow, theirs.Id));
            await db.SaveChangesAsync();
        });

        using var adminClient = await factory.Data.SignInAsync(admin);
        using (var response = await Forms.SubmitAsync(adminClient, "/admin/erasure", new Dictionary<string, string> { ["Email"] = mentee.Email }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Erase this account now", (await Forms.ParseHtmlAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.True(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == mentee.Email)));

        using (var response = await Forms.SubmitAsync(adminClient, "/admin/erasure",
            new Dictionary<string, string> { ["Email"] = mentee.Email, ["Confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.False(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == mentee.Email)));
        Assert.Equal(FormerMember.Name, await factory.Data.QueryAsync(db => db.Mentees.Where(m => m.Id == mentee.Id).Select(m => m.DisplayName).SingleAsync()));
        var entry = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.AccountErased && e.ProgrammeId == theirs.Id));
        Assert.Equal(FormerMember.Name, entry.Subject);
        Assert.Equal(await factory.Data.QueryAsync(db => db.Users.Where(u => u.Email == admin.Email).Select(u => u.Id).SingleAsync()), entry.ActorUserId);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.AccountErasedSubject);
        var matched = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ApplicationMatched && e.ProgrammeId == theirs.Id).Select(e => e.Subject).ToListAsync());
        Assert.Contains($"{FormerMember.Name} → Dr Someone Else", matched);
        Assert.Contains(namesakeSubject, matched);

        var audit = (await Forms.ParseHtmlAsync(await adminClient.GetAsync("/admin/audit"))).Body!.TextContent;
        Assert.Contains(AuditActions.AccountErased, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_UnusedAccountIsWarnedThenErased_UnlessItsOwnerSignsIn()
    {
        var clock = new TestClock();
        await using var portal = await PortalFactory.CreateAsync(new PortalFactoryOptions { Clock = clock });
        var idle = await portal.Data.MenteeAsync();
        var returning = await portal.Data.MenteeAsync();
        await portal.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, clock.GetUtcNow().UtcDateTime));
        });

        clock.Advance(TimeSpan.FromDays((3 * 365) + 2));
        await RunHousekeepingAsync(portal);
        foreach (var person in new[] { idle, returning })
        {
            var warning = await portal.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == PortalEmails.UnusedAccountSubject);
            Assert.Contains("3 years", warning.TextBody, StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromDays(10));
        using (var client = await portal.Data.SignInAsync(returning))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        }

        clock.Advance(TimeSpan.FromDays(21));
        await RunHousekeepingAsync(portal);

        Assert.False(await portal.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == idle.Email)));
        Assert.Equal(FormerMember.Name, await portal.Data.QueryAsync(db => db.Mentees.Where(m => m.Id == idle.Id).Select(m => m.DisplayName).SingleAsync()));
        Assert.True(await portal.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == returning.Email)));
        Assert.Equal(1, await portal.Data.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccountErased)));
    }

    private static Task RunHousekeepingAsync(PortalFactory portal) =>
        portal.InScopeAsync(services => services.GetRequiredService<DataRightsHousekeeping>().RunAsync(CancellationToken.None));

    /// <summary>A pairing with a held meeting on which both members wrote a private note.</summary>
    private static async Task<(Person Mentee, Person Mentor, int PairingId)> PairedWithNotesAsync(PortalFactory portal)
    {
        var programme = await portal.Data.ProgrammeAsync();
        var mentor = await portal.Data.MentorAsync(programme);
        var mentee = await portal.Data.MenteeAsync(programme, goal: "Feel confident on call again.");
        var now = portal.Clock?.GetUtcNow().UtcDateTime ?? DateTime.UtcNow;
        var pairingId = await portal.Data.PairAsync(mentee, mentor, now.AddDays(-30));
        await portal.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Pairings.Include(m => m.Mentor).Include(m => m.Mentee).Include(m => m.Meetings).ThenInclude(m => m.Notes)
                .SingleAsync(m => m.Id == pairingId);
            var held = pairing.PlanMeeting(now.AddDays(-7), 60, MentoringPortal.Domain.MeetingModes.FaceToFace, "Postgraduate centre");
            held.LogAsHeld("Try one night shift with a buddy.", now.AddDays(-7).AddHours(1));
            held.WriteNote(pairing.Mentee!.UserId!, MenteeNote, now.AddDays(-7).AddHours(1));
            held.WriteNote(pairing.Mentor!.UserId!, MentorNote, now.AddDays(-7).AddHours(1));
            await db.SaveChangesAsync();
        });
        return (mentee, mentor, pairingId);
    }
}
