using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>An administrator moves a mentee to a new mentor: one transaction, three different emails, nothing confidential in the old mentor's.</summary>
public sealed class ReassignmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Reason = "Confidential: my mentor made remarks about my accent that upset me.";

    [Fact]
    public async Task Reassign_ThroughHttp_EndsTheOldPairing_StartsTheNew_SendsThreeDifferentEmails_AndAudits()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var oldMentor = await factory.Data.MentorAsync(programme);
        var newMentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, oldMentor);
        var requestId = await factory.Data.AskForChangeAsync(pairingId, byMentee: true, Reason);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        var suggestions = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/pairings/{pairingId}/reassign"));
        var choices = suggestions.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();
        Assert.Contains($"/admin/pairings/{pairingId}/reassign/{newMentor.Id}", choices);
        Assert.DoesNotContain($"/admin/pairings/{pairingId}/reassign/{oldMentor.Id}", choices);

        var confirmation = await client.GetStringAsync($"/admin/pairings/{pairingId}/reassign/{newMentor.Id}");
        Assert.Contains("Moved to another mentor by the scheme", confirmation, StringComparison.Ordinal);
        Assert.Contains("neutral notice", confirmation, StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, $"/admin/pairings/{pairingId}/reassign/{newMentor.Id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newPairingId = await factory.Data.QueryAsync(db => db.Pairings
            .Where(m => m.MenteeId == mentee.Id && m.MentorId == newMentor.Id && m.Status == PairingStatus.Active).Select(m => m.Id).SingleAsync());
        Assert.Equal($"/admin/pairings/{newPairingId}", response.Headers.Location?.OriginalString);

        var old = await factory.Data.QueryAsync(db => db.Pairings.AsNoTracking().SingleAsync(m => m.Id == pairingId));
        Assert.Equal(PairingStatus.Ended, old.Status);
        Assert.Equal(EndReason.Reassigned, old.EndReason);
        var request = await factory.Data.QueryAsync(db => db.ChangeRequests.AsNoTracking().SingleAsync(c => c.Id == requestId));
        Assert.Equal(ChangeRequestStatus.Resolved, request.Status);
        var places = await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == oldMentor.Id || m.Id == newMentor.Id)
            .ToDictionaryAsync(m => m.Id, m => m.ActiveMenteeCount));
        Assert.Equal(0, places[oldMentor.Id]);
        Assert.Equal(1, places[newMentor.Id]);

        var audit = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.PairingReassigned && a.ProgrammeId == programme.Id).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(oldMentor.Name, entry.Before);
        Assert.Equal(newMentor.Name, entry.After);
        Assert.Contains(mentee.Name, entry.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("accent", entry.Subject + entry.Before + entry.After, StringComparison.Ordinal);

        var toMentee = await factory.Mailbox.WaitForAsync(mentee.Email);
        var toNewMentor = await factory.Mailbox.WaitForAsync(newMentor.Email);
        var toOldMentor = await factory.Mailbox.WaitForAsync(oldMentor.Email);

        Assert.Contains("new mentor", toMentee.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(newMentor.Name, toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains("face to face", toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains(toMentee.Links, l => l.EndsWith($"/pairings/{newPairingId}", StringComparison.Ordinal));

        Assert.Contains("new mentee", toNewMentor.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(mentee.Name, toNewMentor.TextBody, StringComparison.Ordinal);
        Assert.Contains(programme.Name, toNewMentor.TextBody, StringComparison.Ordinal);
        Assert.Contains(toNewMentor.Links, l => l.EndsWith($"/pairings/{newPairingId}", StringComparison.Ordinal));

        Assert.Contains("has ended", toOldMentor.Subject, StringComparison.Ordinal);
        Assert.Contains(mentee.Name, toOldMentor.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thank you", toOldMentor.TextBody, StringComparison.Ordinal);
        foreach (var body in new[] { toOldMentor.Subject, toOldMentor.TextBody ?? string.Empty, toOldMentor.HtmlBody ?? string.Empty })
        {
            Assert.DoesNotContain("accent", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("reason", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("asked", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("request", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(newMentor.Name, body, StringComparison.Ordinal);
        }

        Assert.NotEqual(toMentee.Subject, toNewMentor.Subject);
        Assert.NotEqual(toMentee.Subject, toOldMentor.Subject);
        Assert.NotEqual(toNewMentor.Subject, toOldMentor.Subject);
        Assert.All(new[] { toMentee, toNewMentor, toOldMentor }, m => Assert.DoesNotContain("accent", m.TextBody, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reassign_ToTheCurrentMentor_ShowsWhy_AndChangesNothing()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/pairings/{pairingId}/reassign/{mentor.Id}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("cannot be chosen", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        var status = await factory.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingId).Select(m => m.Status).SingleAsync());
        Assert.Equal(PairingStatus.Active, status);
        Assert.False(await factory.Data.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task Reassign_ToAFullMentor_ShowsWhy_AndChangesNothing()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var oldMentor = await factory.Data.MentorAsync(programme);
        var fullMentor = await factory.Data.MentorAsync(programme, capacity: 1);
        var mentee = await factory.Data.MenteeAsync(programme);
        var otherMentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, oldMentor);
        await factory.Data.PairAsync(otherMentee, fullMentor);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/pairings/{pairingId}/reassign/{fullMentor.Id}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        var pairings = await factory.Data.QueryAsync(db => db.Pairings.Where(m => m.MenteeId == mentee.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([PairingStatus.Active], pairings);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentee.Email) || m.IsTo(oldMentor.Email));
    }

    [Fact]
    public async Task Reassign_TwoAdministratorsRaceForTheLastPlace_OneWins_TheOtherIsToldAndNothingElseChanges()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var lastPlace = await factory.Data.MentorAsync(programme, capacity: 1);
        var pairings = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var oldMentor = await factory.Data.MentorAsync(programme);
            var mentee = await factory.Data.MenteeAsync(programme);
            pairings.Add(await factory.Data.PairAsync(mentee, oldMentor));
        }

        var racers = new List<Racer>();
        foreach (var pairingId in pairings)
        {
            var admin = await factory.Data.AdministratorAsync();
            var url = $"/admin/pairings/{pairingId}/reassign/{lastPlace.Id}";
            racers.Add(new Racer(await factory.Data.SignInAsync(admin), url, url));
        }

        var results = (await Races.RunAsync(racers)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, results.Count(r => r == HttpStatusCode.Redirect));
        Assert.Equal(1, results.Count(r => r == HttpStatusCode.OK));
        var state = await factory.Data.QueryAsync(async db => new
        {
            Used = await db.Mentors.Where(m => m.Id == lastPlace.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            StillActive = await db.Pairings.CountAsync(m => pairings.Contains(m.Id) && m.Status == PairingStatus.Active),
            Audits = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PairingReassigned && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(1, state.Used);
        Assert.Equal(1, state.StillActive);
        Assert.Equal(1, state.Audits);
        racers.ForEach(r => r.Client.Dispose());
    }
}
