using System.Globalization;
using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// An honest record of meetings over HTTP on PostgreSQL and SMTP: logging a meeting that already happened,
/// "Did this meeting happen?" and both its answers, and overdue counted from the last held meeting everywhere.
/// </summary>
public sealed class PastMeetingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task LogPastMeeting_SavesAHeldMeeting_AndEmailsTheOtherMember_WithoutTheNote()
    {
        var (mentor, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        using var client = await factory.Data.SignInAsync(mentee);
        var pairingPage = await client.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains($"href=\"/pairings/{pairingId}/meetings/past\"", pairingPage, StringComparison.Ordinal);
        var date = UkToday().AddDays(-5);
        var note = "I was nervous about nights " + Guid.NewGuid().ToString("N")[..8];

        using (var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/past", new Dictionary<string, string>
        {
            ["Date"] = Iso(date),
            ["Time"] = "18:00",
            ["DurationMinutes"] = "45",
            ["Mode"] = "Video",
            ["AgreedActions"] = "Ask for a supernumerary week.",
            ["Note"] = note,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/pairings/{pairingId}", response.Headers.Location!.OriginalString);
        }

        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().Include(m => m.Notes).SingleAsync(m => m.PairingId == pairingId));
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(18, 0)), Uk), meeting.StartsAt);
        Assert.Equal(45, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.Video, meeting.Mode);
        Assert.Equal("Ask for a supernumerary week.", meeting.AgreedActions);
        Assert.Equal(note, Assert.Single(meeting.Notes).Text);

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == $"{mentee.Name} recorded a mentoring meeting");
        Assert.Contains(date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", 18:00 to 18:45", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(note, email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("supernumerary", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/pairings/{pairingId}", email.LinkContaining($"/pairings/{pairingId}"), StringComparison.Ordinal);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("recorded a mentoring meeting", StringComparison.Ordinal));

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var mentorView = await mentorClient.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains("Ask for a supernumerary week.", mentorView, StringComparison.Ordinal);
        Assert.DoesNotContain(note, mentorView, StringComparison.Ordinal);
        Assert.Contains(note, await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPastMeeting_SentTwice_RecordsOneMeeting_AndOneEmail()
    {
        var (mentor, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        using var client = await factory.Data.SignInAsync(mentee);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/pairings/{pairingId}/meetings/past"));
        var uri = new Uri(client.BaseAddress!, $"/pairings/{pairingId}/meetings/past");

        foreach (var _ in new[] { 1, 2 })
        {
            using var response = await Forms.SubmitAsync(client, page, uri, PastValues(UkToday().AddDays(-3), "09:15"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.EndsWith("recorded a mentoring meeting", StringComparison.Ordinal));
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentee.Email));
        Assert.Single(factory.Mailbox.MessagesTo(mentor.Email), m => m.Subject.EndsWith("recorded a mentoring meeting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogPastMeeting_EndedPairing_NotOffered()
    {
        var (_, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        await factory.Data.EndAsync(pairingId);
        using var client = await factory.Data.SignInAsync(mentee);

        Assert.DoesNotContain("Log a meeting that already happened", await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        using var form = await client.GetAsync($"/pairings/{pairingId}/meetings/past");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task LogPastMeeting_FutureDate_RefusedBesideTheField_NothingSaved()
    {
        var (mentor, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/past", PastValues(UkToday().AddDays(1), "10:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("The date is in the future. Log a meeting once it has happened, or plan it instead.",
            document.QuerySelector("#Date-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Date']"));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentee.Email));
    }

    [Fact]
    public async Task LogPastMeeting_BeforeThePairingStarted_RefusedBesideTheField_NothingSaved()
    {
        var started = DateTime.UtcNow.AddDays(-10);
        var (_, mentee, pairingId) = await PairedAsync(started);
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/past", PastValues(UkToday().AddDays(-12), "10:00"));

        var document = await Forms.ParseHtmlAsync(response);
        var startedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(started, Uk)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Your pairing started on {startedOn}. Choose that day or a later one.", document.QuerySelector("#Date-error")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task LogPastMeeting_MissingFields_ErrorsBesideEachField()
    {
        var (_, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-10));
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/past", []);

        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Enter the date you met.", document.QuerySelector("#Date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter the time the meeting started, roughly.", document.QuerySelector("#Time-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose how you met.", document.QuerySelector("#Mode-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task PastMeetingPages_AnotherPersonsPairing_NotFound_AndTokenlessPosts_BadRequest()
    {
        var (_, _, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        var meetingId = await PlannedMeetingAsync(pairingId, DateTime.UtcNow.AddDays(-2));
        var stranger = await factory.Data.MentorAsync();
        var administrator = await factory.Data.AdministratorAsync();

        foreach (var person in new[] { stranger, administrator })
        {
            using var client = await factory.Data.SignInAsync(person);
            foreach (var path in new[] { $"/pairings/{pairingId}/meetings/past", $"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen" })
            {
                using var page = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            }

            using var pastForm = await client.GetAsync($"/pairings/{pairingId}/meetings/past");
            Assert.Equal(HttpStatusCode.NotFound, pastForm.StatusCode);
        }

        // A stranger who posts with a valid token of their own still finds nothing.
        using (var strangerClient = await factory.Data.SignInAsync(stranger))
        {
            var (_, _, ownPairing) = await PairedWithAsync(stranger);
            var ownToken = await TokenFromAsync(strangerClient, $"/pairings/{ownPairing}/meetings/past");
            var values = PastValues(UkToday().AddDays(-1), "10:00");
            values[Forms.AntiforgeryField] = ownToken;
            using var post = await strangerClient.PostAsync($"/pairings/{pairingId}/meetings/past", new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            using var notHeld = await strangerClient.PostAsync($"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen",
                new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = ownToken }));
            Assert.Equal(HttpStatusCode.NotFound, notHeld.StatusCode);
        }

        var mentee = await MemberAsync(pairingId);
        using var memberClient = await factory.Data.SignInAsync(mentee);
        foreach (var path in new[] { $"/pairings/{pairingId}/meetings/past", $"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen" })
        {
            using var response = await memberClient.PostAsync(path, new FormUrlEncodedContent(PastValues(UkToday().AddDays(-1), "10:00")));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var meetings = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().Where(m => m.PairingId == pairingId).ToListAsync());
        Assert.Equal(MeetingStatus.Planned, Assert.Single(meetings).Status);
    }

    [Fact]
    public async Task DidThisMeetingHappen_Yes_GoesToTheHeldForm_AndLogsIt()
    {
        var (_, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        var meetingId = await PlannedMeetingAsync(pairingId, DateTime.UtcNow.AddDays(-2));
        using var client = await factory.Data.SignInAsync(mentee);

        foreach (var path in new[] { "/me", $"/pairings/{pairingId}" })
        {
            var document = await Forms.ParseHtmlAsync(await client.GetAsync(path));
            var question = Assert.Single(document.QuerySelectorAll(".meeting-question"));
            Assert.Contains("Did this meeting happen?", question.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/pairings/{pairingId}/meetings/{meetingId}/held",
                question.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Yes, log it", StringComparison.Ordinal)).GetAttribute("href"));
            Assert.Equal($"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen",
                question.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("No, it did not happen", StringComparison.Ordinal)).GetAttribute("href"));
        }

        using (var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/held", new Dictionary<string, string>
        {
            ["AgreedActions"] = "Book the simulation day.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(MeetingStatus.Held, await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));
        Assert.DoesNotContain("Did this meeting happen?", await client.GetStringAsync("/me"), StringComparison.Ordinal);
        Assert.DoesNotContain("Did this meeting happen?", await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DidThisMeetingHappen_No_AfterConfirming_RecordsIt_AndTellsTheOtherMember()
    {
        var (mentor, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        var meetingId = await PlannedMeetingAsync(pairingId, DateTime.UtcNow.AddDays(-2));
        using var client = await factory.Data.SignInAsync(mentor);

        using (var confirm = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen"))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var text = (await Forms.ParseHtmlAsync(confirm)).Body!.TextContent;
            Assert.Contains($"Record that your meeting with {mentee.Name} did not happen?", text, StringComparison.Ordinal);
            Assert.Equal(MeetingStatus.Planned, await StatusAsync(meetingId));
        }

        using (var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(MeetingStatus.Cancelled, await StatusAsync(meetingId));
        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/pairings/{pairingId}"));
        Assert.Contains("Did not happen", page.QuerySelector($"li.card:has(#meeting-{meetingId})")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".meeting-question"));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == "Mentoring meeting recorded as not held");
        Assert.Contains($"{mentor.Name} has recorded that your mentoring meeting planned for", email.TextBody, StringComparison.Ordinal);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentor.Email) && m.Subject == "Mentoring meeting recorded as not held");

        // Answering again (the other member, late) changes nothing.
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var again = await menteeClient.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task DidThisMeetingHappen_NotAskedBeforeTheMeetingIsOver()
    {
        var (_, mentee, pairingId) = await PairedAsync(DateTime.UtcNow.AddDays(-30));
        var meetingId = await PlannedMeetingAsync(pairingId, DateTime.UtcNow.AddMinutes(-20));
        using var client = await factory.Data.SignInAsync(mentee);

        Assert.DoesNotContain("Did this meeting happen?", await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        using var confirm = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/did-not-happen");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(MeetingStatus.Planned, await StatusAsync(meetingId));
    }

    [Fact]
    public async Task Overdue_SeventeenWeeksWithoutAHeldMeeting_AndAMeetingPlannedInTenWeeks_IsOverdueEverywhere()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, DateTime.UtcNow.AddDays(-7 * 17));
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(7 * 10));

        using var client = await factory.Data.SignInAsync(mentee);
        var pairingPage = await client.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains("Overdue: no meeting held within 8 weeks", pairingPage, StringComparison.Ordinal);
        Assert.DoesNotContain("On track", pairingPage, StringComparison.Ordinal);
        Assert.Contains("counts once it has happened and one of you logs it", pairingPage, StringComparison.Ordinal);
        Assert.Contains("No meeting has been held in the last 8 weeks", await client.GetStringAsync("/me"), StringComparison.Ordinal);

        var admin = await factory.Data.AdministratorAsync();
        using var adminClient = await factory.Data.SignInAsync(admin);
        var list = await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/pairings?programme={programme.Id}&overdue=true"));
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains(mentee.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes: no meeting held within the programme",
            await adminClient.GetStringAsync($"/admin/pairings/{pairingId}"), StringComparison.Ordinal);

        // The reminder job follows the same rule.
        await factory.InScopeAsync(s => s.GetRequiredService<CadenceReminders>().SendDueAsync(CancellationToken.None));
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.StartsWith("Time to plan", StringComparison.Ordinal));

        // Logging the meeting they had last week puts them back on track everywhere.
        using (var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/past", PastValues(UkToday().AddDays(-7), "12:00")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Contains("On track: meet at least every 8 weeks", await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("No meeting has been held in the last", await client.GetStringAsync("/me"), StringComparison.Ordinal);
        Assert.Empty((await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/pairings?programme={programme.Id}&overdue=true")))
            .QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task OnTrack_WithinTheCadence_SaysWhenTheNextMeetingIsDue()
    {
        var started = DateTime.UtcNow.AddDays(-7 * 3);
        var (_, mentee, pairingId) = await PairedAsync(started);
        using var client = await factory.Data.SignInAsync(mentee);

        var dueBy = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(started.AddDays(7 * 8), Uk)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"On track: meet at least every 8 weeks; hold your next meeting by {dueBy}", await client.GetStringAsync($"/pairings/{pairingId}"),
            StringComparison.Ordinal);
    }

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedAsync(DateTime startedAt)
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        return (mentor, mentee, await factory.Data.PairAsync(mentee, mentor, startedAt));
    }

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedWithAsync(Person mentor)
    {
        var mentee = await factory.Data.MenteeAsync();
        return (mentor, mentee, await factory.Data.PairAsync(mentee, mentor, DateTime.UtcNow.AddDays(-30)));
    }

    private async Task<int> PlannedMeetingAsync(int pairingId, DateTime at)
    {
        await factory.Data.MeetingAsync(pairingId, at);
        return await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.PairingId == pairingId && m.StartsAt == at).Select(m => m.Id).SingleAsync());
    }

    private Task<Person> MemberAsync(int pairingId) => factory.Data.QueryAsync(async db =>
    {
        var pairing = await db.Pairings.Include(m => m.Mentee).SingleAsync(m => m.Id == pairingId);
        var email = await db.Users.Where(u => u.Id == pairing.Mentee!.UserId).Select(u => u.Email!).SingleAsync();
        return new Person(email, pairing.MenteeId, pairing.Mentee!.DisplayName);
    });

    private Task<MeetingStatus> StatusAsync(int meetingId) =>
        factory.Data.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync());

    private static Dictionary<string, string> PastValues(DateOnly date, string time) => new()
    {
        ["Date"] = Iso(date),
        ["Time"] = time,
        ["DurationMinutes"] = "60",
        ["Mode"] = "Phone",
    };

    private static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        var document = await Forms.ParseHtmlAsync(page);
        return document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly UkToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Uk));
}
