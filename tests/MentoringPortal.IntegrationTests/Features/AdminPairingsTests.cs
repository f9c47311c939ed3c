using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The administrator's pairings list, a pairing's facts, ending a pairing and declining a change request.</summary>
public sealed class AdminPairingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PairingAndChangeRequestPages_ShowFactsAndTheReason_ButNeverNotesActionsGoalsOrPlaces()
    {
        const string goal = "Rebuild my confidence with the night-shift handover.";
        const string actions = "Agreed to shadow the registrar on two rota swaps.";
        const string note = "Private: we talked about my difficult divorce.";
        const string place = "The quiet room behind the chapel";
        const string reason = "We never seem to meet; my mentor cancels at short notice.";
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme, goal: goal);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddMinutes(-1), held: true, location: place, agreedActions: actions, menteeNote: note);
        await factory.Data.MeetingAsync(pairingId, location: place);
        await factory.Data.AskForChangeAsync(pairingId, byMentee: false, reason);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        foreach (var url in new[] { $"/admin/pairings/{pairingId}", "/admin/change-requests", $"/admin/pairings/{pairingId}/end",
            $"/admin/pairings?programme={programme.Id}" })
        {
            var html = await client.GetStringAsync(url);
            Assert.Contains(mentee.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain("night-shift handover", html, StringComparison.Ordinal);
            Assert.DoesNotContain("shadow the registrar", html, StringComparison.Ordinal);
            Assert.DoesNotContain("difficult divorce", html, StringComparison.Ordinal);
            Assert.DoesNotContain("behind the chapel", html, StringComparison.Ordinal);
        }

        var detail = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/pairings/{pairingId}"));
        var facts = detail.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains(programme.Name, facts, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, facts, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.AddDays(20).ToString("d MMMM yyyy"), facts, StringComparison.Ordinal);
        Assert.Contains(reason, detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The mentor asked", detail.Body.TextContent, StringComparison.Ordinal);

        var queue = await client.GetStringAsync("/admin/change-requests");
        Assert.Contains(reason, queue, StringComparison.Ordinal);
        Assert.Contains($"/admin/pairings/{pairingId}/reassign", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairingsList_FiltersByProgrammeStatusOverdueAndName_AndPages()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentors = new[]
        {
            await factory.Data.MentorAsync(programme, capacity: 10),
            await factory.Data.MentorAsync(programme, capacity: 10),
            await factory.Data.MentorAsync(programme, capacity: 10),
        };
        var recent = new List<Person>();
        for (var i = 0; i < 26; i++)
        {
            var mentee = await factory.Data.MenteeAsync(programme);
            await factory.Data.PairAsync(mentee, mentors[i % 3], DateTime.UtcNow.AddMinutes(-i));
            recent.Add(mentee);
        }

        var overdue = new List<Person>();
        for (var i = 0; i < 2; i++)
        {
            var mentee = await factory.Data.MenteeAsync(programme, name: Unique.Name("Dr Overdue"));
            await factory.Data.PairAsync(mentee, mentors[2], DateTime.UtcNow.AddYears(-1).AddDays(-i));
            overdue.Add(mentee);
        }

        var ended = await factory.Data.MenteeAsync(programme, name: Unique.Name("Dr Finished"));
        var endedId = await factory.Data.PairAsync(ended, mentors[1], DateTime.UtcNow.AddMonths(-2));
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        using (var end = await Forms.SubmitAsync(client, $"/admin/pairings/{endedId}/end", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        }

        var first = await RowsAsync(client, $"/admin/pairings?programme={programme.Id}");
        Assert.Equal(25, first.Count);
        Assert.Equal(recent[0].Name, first[0]);
        var second = await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&page=2");
        Assert.Equal([recent[25].Name, overdue[0].Name, overdue[1].Name], second);
        var firstPage = await client.GetStringAsync($"/admin/pairings?programme={programme.Id}");
        Assert.Contains("28 pairings", firstPage, StringComparison.Ordinal);
        Assert.Contains($"/admin/pairings?programme={programme.Id}&amp;page=2", firstPage, StringComparison.Ordinal);

        Assert.Equal([ended.Name], await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&status=ended"));
        Assert.Equal(29, (await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&status=all")).Count
            + (await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&status=all&page=2")).Count);
        Assert.Equal(overdue.Select(o => o.Name), await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&overdue=true"));
        Assert.Equal([recent[3].Name], await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&q={Uri.EscapeDataString(recent[3].Name.ToUpperInvariant())}"));
        Assert.Equal(recent.Where((_, i) => i % 3 == 0).Select(m => m.Name),
            await RowsAsync(client, $"/admin/pairings?programme={programme.Id}&q={Uri.EscapeDataString(mentors[0].Name)}"));

        var overduePage = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/pairings?programme={programme.Id}&overdue=true"));
        Assert.All(overduePage.QuerySelectorAll("tbody tr"), row => Assert.Equal("Yes", row.QuerySelectorAll("td")[6].TextContent));

        var empty = await client.GetStringAsync($"/admin/pairings?programme={programme.Id}&q=nobody-by-this-name");
        Assert.Contains("No pairing matches these filters", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndPairing_EmailsBothWithTheMessage_EndsIt_AndAudits()
    {
        const string message = "The scheme is closing this round of pairings early; thank you both.";
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/pairings/{pairingId}/end", new Dictionary<string, string> { ["Message"] = message });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pairing = await factory.Data.QueryAsync(db => db.Pairings.AsNoTracking().SingleAsync(m => m.Id == pairingId));
        Assert.Equal(EndReason.EndedByScheme, pairing.EndReason);
        Assert.Equal(message, pairing.EndNote);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync()));
        var toMentee = await factory.Mailbox.WaitForAsync(mentee.Email);
        var toMentor = await factory.Mailbox.WaitForAsync(mentor.Email);
        Assert.Contains(message, toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains(message, toMentor.TextBody, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, toMentee.Subject, StringComparison.Ordinal);
        Assert.Contains(mentee.Name, toMentor.Subject, StringComparison.Ordinal);
        var entry = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.PairingEnded && a.ProgrammeId == programme.Id));
        Assert.Contains(mentee.Name, entry.Subject, StringComparison.Ordinal);

        using var again = await client.GetAsync($"/admin/pairings/{pairingId}/end");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task DeclineChangeRequest_NeedsAMessage_EmailsOnlyTheRequester_AndAuditsWithoutTheReason()
    {
        const string reason = "My mentor talks over me in every meeting.";
        const string message = "Please try two more meetings with an agenda first; tell us if it still does not work.";
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        var requestId = await factory.Data.AskForChangeAsync(pairingId, byMentee: true, reason);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var url = $"/admin/change-requests/{requestId}/decline";

        using (var blank = await Forms.SubmitAsync(client, url, new Dictionary<string, string> { ["Message"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            var page = await Forms.ParseHtmlAsync(blank);
            Assert.NotNull(page.QuerySelector(".error-summary a[href='#Message']"));
        }

        Assert.Equal(ChangeRequestStatus.Open, await StatusAsync(requestId));

        using var response = await Forms.SubmitAsync(client, url, new Dictionary<string, string> { ["Message"] = message });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChangeRequestStatus.Declined, await StatusAsync(requestId));
        var toMentee = await factory.Mailbox.WaitForAsync(mentee.Email);
        Assert.Contains(message, toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, toMentee.TextBody, StringComparison.Ordinal);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentor.Email));
        var entry = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.ChangeRequestDeclined && a.ProgrammeId == programme.Id));
        Assert.DoesNotContain("talks over me", entry.Subject + entry.Before + entry.After, StringComparison.Ordinal);
        Assert.Equal(PairingStatus.Active, await factory.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingId).Select(m => m.Status).SingleAsync()));
        Assert.DoesNotContain(reason, await client.GetStringAsync("/admin/change-requests"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclineChangeRequest_TwiceAtOnce_DeclinesOnce_AndEmailsOnce()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        var requestId = await factory.Data.AskForChangeAsync(pairingId, byMentee: true, "We never manage to meet.");
        var url = $"/admin/change-requests/{requestId}/decline";
        var racers = new List<Racer>();
        for (var i = 0; i < 2; i++)
        {
            var admin = await factory.Data.AdministratorAsync();
            racers.Add(new Racer(await factory.Data.SignInAsync(admin), url, url,
                new Dictionary<string, string> { ["Message"] = $"Please give it two more meetings first ({i})." }));
        }

        var results = (await Races.RunAsync(racers)).Select(r => r.StatusCode).ToList();

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, results);
        var state = await factory.Data.QueryAsync(async db => new
        {
            Audits = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ChangeRequestDeclined && a.ProgrammeId == programme.Id),
            Emails = await db.OutboxMessages.CountAsync(m => m.To == mentee.Email && m.Subject == "About your request for a change"),
            Status = await db.ChangeRequests.Where(c => c.Id == requestId).Select(c => c.Status).SingleAsync(),
        });
        Assert.Equal(1, state.Audits);
        Assert.Equal(1, state.Emails);
        Assert.Equal(ChangeRequestStatus.Declined, state.Status);
        racers.ForEach(r => r.Client.Dispose());
    }

    [Fact]
    public async Task AdministratorOfAnotherProgramme_GetsNotFound_AndSeesNothingOfIt()
    {
        const string reasonB = "Programme B's confidential reason.";
        var programmeA = await factory.Data.ProgrammeAsync();
        var programmeB = await factory.Data.ProgrammeAsync();
        var mentorA = await factory.Data.MentorAsync(programmeA);
        var menteeA = await factory.Data.MenteeAsync(programmeA);
        var pairingA = await factory.Data.PairAsync(menteeA, mentorA);
        var mentorB = await factory.Data.MentorAsync(programmeB);
        var otherMentorB = await factory.Data.MentorAsync(programmeB);
        var menteeB = await factory.Data.MenteeAsync(programmeB);
        var pairingB = await factory.Data.PairAsync(menteeB, mentorB);
        var requestB = await factory.Data.AskForChangeAsync(pairingB, byMentee: true, reasonB);
        var admin = await factory.Data.AdministratorAsync(programmeA);
        using var client = await factory.Data.SignInAsync(admin);

        foreach (var url in new[]
        {
            $"/admin/pairings/{pairingB}", $"/admin/pairings/{pairingB}/reassign", $"/admin/pairings/{pairingB}/reassign/{otherMentorB.Id}",
            $"/admin/pairings/{pairingB}/end", $"/admin/change-requests/{requestB}/decline",
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} returned {response.StatusCode}");
        }

        using (var own = await client.GetAsync($"/admin/pairings/{pairingA}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // Posts with a valid antiforgery token (taken from programme A's page) to programme B's addresses are 404s too, and change nothing.
        var ownPage = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/pairings/{pairingA}/end"));
        var token = ownPage.QuerySelector($"input[name='{Forms.AntiforgeryField}']")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/admin/pairings/{pairingB}/end", $"/admin/pairings/{pairingB}/reassign/{otherMentorB.Id}", $"/admin/change-requests/{requestB}/decline" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token, ["Message"] = "Not yours to change." });
            using var post = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url} returned {post.StatusCode}");
        }

        var list = await client.GetStringAsync($"/admin/pairings?status=all&programme={programmeB.Id}");
        Assert.DoesNotContain(menteeB.Name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(reasonB, await client.GetStringAsync("/admin/change-requests"), StringComparison.Ordinal);
        Assert.Equal(PairingStatus.Active, await factory.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingB).Select(m => m.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("/admin/pairings")]
    [InlineData("/admin/change-requests")]
    public async Task MenteesAndMentors_AreSentAway(string url)
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        foreach (var person in new[] { mentor, mentee })
        {
            using var client = await factory.Data.SignInAsync(person);
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    /// <summary>The mentees' names in the rows of a page of the pairings list.</summary>
    private static async Task<List<string>> RowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        return page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.ChildNodes[0].TextContent).ToList();
    }

    private Task<ChangeRequestStatus> StatusAsync(int requestId) =>
        factory.Data.QueryAsync(db => db.ChangeRequests.Where(c => c.Id == requestId).Select(c => c.Status).SingleAsync());
}
