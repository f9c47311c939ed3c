using System.Globalization;
using System.Net;
using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Journey 5 over HTTP on PostgreSQL and SMTP: planning, changing, cancelling and logging meetings,
/// notes that only their author reads, and calendar files that carry nothing confidential.
/// </summary>
public sealed class MeetingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Place = "Postgraduate centre, quiet room 2; Royal Infirmary main building, second floor, near the library";

    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task MyMentoring_ShowsTheNextMeetingInUkTime_WithTheZoneNamed()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        // 09:30 UTC on a summer day is 10:30 in the UK (BST).
        var summer = new DateTime(DateTime.UtcNow.Year + 1, 7, 14, 9, 30, 0, DateTimeKind.Utc);
        await factory.Data.MeetingAsync(pairingId, summer);
        using var client = await factory.Data.SignInAsync(mentee);

        var me = await client.GetStringAsync("/me");

        Assert.Contains($"14 July {summer.Year} at 10:30 BST (UK time)", me, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairingPage_LabelsTheFirstHeldMeetingInitial_NotTheOnePlannedFirst()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(14));
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-7), held: true);
        using var client = await factory.Data.SignInAsync(mentee);

        using var page = await client.GetAsync($"/pairings/{pairingId}");
        var cards = (await Forms.ParseHtmlAsync(page)).QuerySelectorAll("li.card")
            .Where(card => card.TextContent.Contains("Initial meeting", StringComparison.Ordinal)).ToList();

        var initial = Assert.Single(cards);
        Assert.Contains("Held", initial.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanMeeting_SavesUkTimeAsUtc_AndEmailsBothWithACalendarFile()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        // The first meeting is the initial one, expected face to face, and the form says so.
        using (var page = await client.GetAsync($"/pairings/{pairingId}/meetings/new"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var document = await Forms.ParseHtmlAsync(page);
            Assert.Contains("This is your initial meeting", document.Body!.TextContent, StringComparison.Ordinal);
            Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("input[name=Mode][value=FaceToFace]")!).IsChecked);
        }

        var date = UkToday().AddDays(10);
        using (var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/new", new Dictionary<string, string>
        {
            ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = "17:30",
            ["DurationMinutes"] = "90",
            ["Location"] = Place,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/pairings/{pairingId}", response.Headers.Location!.OriginalString);
        }

        var expectedStart = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(17, 30)), Uk);
        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.PairingId == pairingId));
        Assert.Equal(expectedStart, meeting.StartsAt);
        Assert.Equal(DateTimeKind.Utc, meeting.StartsAt.Kind);
        Assert.Equal(90, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.FaceToFace, meeting.Mode);
        Assert.True(meeting.IsInitial);

        var zone = Uk.IsDaylightSavingTime(date.ToDateTime(new TimeOnly(17, 30))) ? "BST" : "GMT";
        foreach (var person in new[] { mentor, mentee })
        {
            var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == "Mentoring meeting planned");
            Assert.Contains($"17:30 to 19:00 {zone}", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("initial meeting", email.TextBody, StringComparison.Ordinal);
            Assert.EndsWith($"/pairings/{pairingId}", email.LinkContaining($"/pairings/{pairingId}"), StringComparison.Ordinal);

            var attachment = Invitation(email, "REQUEST", meeting.Id);
            var calendar = Calendar.Parse(attachment);
            Assert.Contains("METHOD:REQUEST", calendar.Lines);
            Assert.Equal($"meeting-{meeting.Id}@mentoring-portal", calendar.Event["UID"]);
            Assert.Equal("mailto:noreply@mentoring.test", calendar.Event["ORGANIZER"]);
            Assert.Equal("mailto:" + person.Email, Assert.Single(calendar.Event, p => p.Key.StartsWith("ATTENDEE", StringComparison.Ordinal)).Value);
            Assert.Equal(Utc(expectedStart), calendar.Event["DTSTART"]);
            Assert.Equal(Utc(expectedStart.AddMinutes(90)), calendar.Event["DTEND"]);
            Assert.DoesNotContain(mentor.Name, attachment, StringComparison.Ordinal);
            Assert.DoesNotContain(mentee.Name, attachment, StringComparison.Ordinal);
        }

        // The pairing page shows it as the initial meeting, in UK time.
        using var pairingPage = await client.GetAsync($"/pairings/{pairingId}");
        var html = await pairingPage.Content.ReadAsStringAsync();
        Assert.Contains("Initial meeting — face to face", html, StringComparison.Ordinal);
        Assert.Contains($"17:30 to 19:00 {zone}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFile_IsValidRfc5545_AndCarriesNothingConfidential()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        var meetingId = await PastMeetingAsync(pairingId, Place);
        var secrets = await LogWithSecretsAsync(mentor, pairingId, meetingId);

        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        var calendar = Calendar.Parse(raw);
        Assert.Equal("BEGIN:VCALENDAR", calendar.Lines[0]);
        Assert.Equal("END:VCALENDAR", calendar.Lines[^1]);
        Assert.Contains("VERSION:2.0", calendar.Lines);
        Assert.Contains(calendar.Lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Single(calendar.Lines, "BEGIN:VEVENT");
        Assert.Single(calendar.Lines, "END:VEVENT");
        Assert.Equal($"meeting-{meetingId}@mentoring-portal", calendar.Event["UID"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", calendar.Event["DTSTAMP"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", calendar.Event["DTSTART"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", calendar.Event["DTEND"]);
        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(Utc(meeting.StartsAt), calendar.Event["DTSTART"]);
        Assert.Equal(Utc(meeting.EndsAt), calendar.Event["DTEND"]);
        Assert.Equal("Mentoring meeting", calendar.Event["SUMMARY"]);
        Assert.Equal(Place.Replace(",", "\\,", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal), calendar.Event["LOCATION"]);
        Assert.Contains("METHOD:PUBLISH", calendar.Lines);
        Assert.Equal("method=PUBLISH", response.Content.Headers.ContentType.Parameters.Single(p => p.Name == "method").ToString());
        Assert.DoesNotContain(calendar.EventOrder, n => n.StartsWith("ATTENDEE", StringComparison.Ordinal));

        foreach (var secret in new[] { secrets.Actions, secrets.Note, mentor.Name, mentee.Name, "Return to Training" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }

        // Someone outside the pairing gets nothing.
        var outsider = await factory.Data.MenteeAsync();
        using var other = await factory.Data.SignInAsync(outsider);
        using var refused = await other.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}.ics");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Notes_AreReadOnlyByTheirAuthor_NotTheOtherMemberOrAnAdministrator()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        var meetingId = await PastMeetingAsync(pairingId, "Hospital library");
        var (actions, mentorNote) = await LogWithSecretsAsync(mentor, pairingId, meetingId);

        // The mentor reads their own note and the shared actions.
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var mentorHtml = await (await mentorClient.GetAsync($"/pairings/{pairingId}")).Content.ReadAsStringAsync();
        Assert.Contains(mentorNote, mentorHtml, StringComparison.Ordinal);
        Assert.Contains(actions, mentorHtml, StringComparison.Ordinal);

        // The mentee reads the shared actions but not the mentor's note, on the page or in the form.
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        var menteeHtml = await (await menteeClient.GetAsync($"/pairings/{pairingId}")).Content.ReadAsStringAsync();
        Assert.Contains(actions, menteeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(mentorNote, menteeHtml, StringComparison.Ordinal);
        var menteeForm = await (await menteeClient.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/held")).Content.ReadAsStringAsync();
        Assert.Contains(actions, menteeForm, StringComparison.Ordinal);
        Assert.DoesNotContain(mentorNote, menteeForm, StringComparison.Ordinal);

        // The mentee writes a note of their own; the mentor cannot read it; each keeps one note.
        var menteeNote = "Mentee only " + Guid.NewGuid().ToString("N");
        using (var response = await Forms.SubmitAsync(menteeClient, $"/pairings/{pairingId}/meetings/{meetingId}/held",
            new Dictionary<string, string> { ["Note"] = menteeNote }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rewritten = "Rewritten by the mentor " + Guid.NewGuid().ToString("N");
        using (var response = await Forms.SubmitAsync(mentorClient, $"/pairings/{pairingId}/meetings/{meetingId}/held",
            new Dictionary<string, string> { ["Note"] = rewritten }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        mentorHtml = await (await mentorClient.GetAsync($"/pairings/{pairingId}")).Content.ReadAsStringAsync();
        Assert.Contains(rewritten, mentorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(menteeNote, mentorHtml, StringComparison.Ordinal);
        menteeHtml = await (await menteeClient.GetAsync($"/pairings/{pairingId}")).Content.ReadAsStringAsync();
        Assert.Contains(menteeNote, menteeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(rewritten, menteeHtml, StringComparison.Ordinal);
        var notes = await factory.Data.QueryAsync(db => db.MeetingNotes.AsNoTracking().Where(n => n.MeetingId == meetingId).ToListAsync());
        Assert.Equal(2, notes.Count);
        Assert.Equal(actions, await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.AgreedActions).SingleAsync()));

        // Outsiders, administrators included, get 404 on every page of the pairing.
        var outsider = await factory.Data.MenteeAsync();
        var administrator = await AdministratorAsync();
        foreach (var email in new[] { outsider.Email, administrator })
        {
            using var client = await factory.CreateSignedInClientAsync(email, TestData.Password);
            foreach (var path in new[] { $"/pairings/{pairingId}", $"/pairings/{pairingId}/meetings/{meetingId}/held",
                $"/pairings/{pairingId}/meetings/new", $"/pairings/{pairingId}/meetings/{meetingId}/edit" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} GET {path}: {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(rewritten, body, StringComparison.Ordinal);
                Assert.DoesNotContain(menteeNote, body, StringComparison.Ordinal);
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [Forms.AntiforgeryField] = await TokenFromAsync(client, "/me"),
                ["Note"] = "Intruder",
            });
            using var post = await client.PostAsync($"/pairings/{pairingId}/meetings/{meetingId}/held", content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(2, await factory.Data.QueryAsync(db => db.MeetingNotes.CountAsync(n => n.MeetingId == meetingId)));
    }

    [Theory]
    [InlineData(-1, "17:00", "Date", "The date is in the past. Choose today or a later date.")]
    [InlineData(5, "", "Time", "Enter the time the meeting starts.")]
    [InlineData(5, "17:00", "DurationMinutes", "Choose how long the meeting lasts.")]
    public async Task PlanMeeting_BadInput_ShowsMessageBesideTheField_AndSavesNothing(int days, string time, string field, string message)
    {
        var (mentor, _, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var values = new Dictionary<string, string>
        {
            ["Date"] = UkToday().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = time,
            ["Mode"] = "Video",
        };
        if (field == "DurationMinutes")
        {
            values["DurationMinutes"] = "7";
        }

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/new", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains(message, document.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Contains(message, document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentor.Email)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400_AndSavesNothing()
    {
        var (mentor, _, pairingId) = await PairedAsync();
        var meetingId = await PastMeetingAsync(pairingId, null);
        using var client = await factory.Data.SignInAsync(mentor);

        foreach (var path in new[] { $"/pairings/{pairingId}/meetings/new", $"/pairings/{pairingId}/meetings/{meetingId}/held",
            $"/pairings/{pairingId}/meetings/{meetingId}/cancel" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Date"] = UkToday().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Time"] = "10:00",
                ["DurationMinutes"] = "60",
                ["Mode"] = "Video",
                ["Note"] = "Should not be saved",
            });
            using var response = await client.PostAsync(path, content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var meetings = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().Where(m => m.PairingId == pairingId).ToListAsync());
        Assert.Equal(MeetingStatus.Planned, Assert.Single(meetings).Status);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.MeetingNotes.CountAsync(n => n.MeetingId == meetingId)));
    }

    [Fact]
    public async Task EditAndCancel_EmailBothMembers_ARequestWithAHigherSequence_ThenACancelWithTheSameUid()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var date = UkToday().AddDays(14);
        using (var planned = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/new", new Dictionary<string, string>
        {
            ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = "09:00",
            ["Location"] = "Clinic 4",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        }

        var meetingId = await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.PairingId == pairingId).Select(m => m.Id).SingleAsync());
        var plannedSequence = int.Parse(Calendar.Parse(Invitation(await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email)
            && m.Subject == "Mentoring meeting planned"), "REQUEST", meetingId)).Event["SEQUENCE"], CultureInfo.InvariantCulture);
        using (var edited = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/edit", new Dictionary<string, string>
        {
            ["Time"] = "11:15",
            ["Mode"] = "Video",
            ["Location"] = "Video link to follow",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var changedSequences = new List<int>();
        foreach (var (person, words) in new[] { (mentee, $"{mentor.Name} has changed your mentoring meeting"), (mentor, "You have changed your mentoring meeting") })
        {
            var changed = await factory.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == "Mentoring meeting changed");
            Assert.Contains("11:15", changed.TextBody, StringComparison.Ordinal);
            Assert.Contains(words, changed.TextBody, StringComparison.Ordinal);
            var calendar = Calendar.Parse(Invitation(changed, "REQUEST", meetingId));
            Assert.Contains("Video link to follow", calendar.Event["LOCATION"], StringComparison.Ordinal);
            changedSequences.Add(int.Parse(calendar.Event["SEQUENCE"], CultureInfo.InvariantCulture));
        }

        Assert.All(changedSequences, s => Assert.True(s > plannedSequence, $"SEQUENCE {s} after {plannedSequence}"));
        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(11, 15)), Uk), meeting.StartsAt);
        Assert.Equal(MeetingModes.Video, meeting.Mode);

        using (var confirm = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Equal(MeetingStatus.Planned, await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));
        }

        using (var cancelled = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/cancel"))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        // Both members: each calendar drops the meeting (same UID, higher SEQUENCE, METHOD:CANCEL).
        foreach (var (person, words) in new[] { (mentee, $"{mentor.Name} has cancelled your mentoring meeting"), (mentor, "You have cancelled your mentoring meeting") })
        {
            var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == "Mentoring meeting cancelled");
            Assert.Contains("11:15", email.TextBody, StringComparison.Ordinal);
            Assert.Contains(words, email.TextBody, StringComparison.Ordinal);
            var calendar = Calendar.Parse(Invitation(email, "CANCEL", meetingId));
            Assert.Contains("METHOD:CANCEL", calendar.Lines);
            Assert.Equal("CANCELLED", calendar.Event["STATUS"]);
            Assert.Equal($"meeting-{meetingId}@mentoring-portal", calendar.Event["UID"]);
            Assert.True(int.Parse(calendar.Event["SEQUENCE"], CultureInfo.InvariantCulture) > changedSequences.Max());
            Assert.Single(factory.Mailbox.MessagesTo(person.Email), m => m.Subject == "Mentoring meeting cancelled");
        }

        Assert.Equal(MeetingStatus.Cancelled, await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));

        // A cancelled meeting has no calendar file to download.
        using var ics = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}.ics");
        Assert.Equal(HttpStatusCode.NotFound, ics.StatusCode);
    }

    [Fact]
    public async Task PlanMeeting_DoubleClickedOrResent_PlansOneMeetingAndSendsOneEmailEach()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var url = $"/pairings/{pairingId}/meetings/new";
        using var page = await client.GetAsync(url);
        var document = await Forms.ParseHtmlAsync(page);
        var pageUri = new Uri(client.BaseAddress!, url);
        var values = new Dictionary<string, string>
        {
            ["Date"] = UkToday().AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = "08:15",
        };

        var responses = await Task.WhenAll(Forms.SubmitAsync(client, document, pageUri, values), Forms.SubmitAsync(client, document, pageUri, values));
        responses = [.. responses, await Forms.SubmitAsync(client, document, pageUri, values)];

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Meetings.CountAsync(m => m.PairingId == pairingId)));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentor.Email)));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentee.Email)));
    }

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedAsync()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.QueryAsync(db => db.Pairings
            .Where(m => m.MenteeId == mentee.Id && m.Status == PairingStatus.Active).Select(m => m.Id).SingleAsync());
        return (mentor, mentee, pairingId);
    }

    /// <summary>A meeting that started two days ago, planned through the domain (the web form refuses past times).</summary>
    private Task<int> PastMeetingAsync(int pairingId, string? place) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Pairings.Include(m => m.Meetings).SingleAsync(m => m.Id == pairingId);
        var meeting = pairing.PlanMeeting(DateTime.UtcNow.AddDays(-2).Date.AddHours(16), 60, MeetingModes.FaceToFace, place);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    /// <summary>The mentor logs the meeting as held with shared actions and a private note; returns both texts.</summary>
    private async Task<(string Actions, string Note)> LogWithSecretsAsync(Person mentor, int pairingId, int meetingId)
    {
        var actions = "Agreed " + Guid.NewGuid().ToString("N");
        var note = "Private " + Guid.NewGuid().ToString("N");
        using var client = await factory.Data.SignInAsync(mentor);
        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/held", new Dictionary<string, string>
        {
            ["AgreedActions"] = actions,
            ["Note"] = note,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (actions, note);
    }

    private Task<string> AdministratorAsync() => factory.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var email = Unique.Email("admin");
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Scheme administrator", CreatedAt = DateTime.UtcNow, AdministersEveryProgramme = true };
        Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Administrator);
        await SecondFactor.EnableAuthenticatorAsync(users, user);
        return email;
    });

    private static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        var document = await Forms.ParseHtmlAsync(page);
        return document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }

    private static DateOnly UkToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Uk));

    private static string Utc(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The email's calendar: an inline text/calendar part with the iTIP method, and the same file attached as
    /// application/ics for clients that ignore the inline part. Returns the calendar's text.
    /// </summary>
    private static string Invitation(MailMessage email, string method, int meetingId)
    {
        var inline = Assert.Single(email.CalendarParts, p => !p.IsAttachment);
        Assert.Equal("text/calendar", inline.MediaType);
        Assert.Equal(method, inline.Method);
        var attached = Assert.Single(email.CalendarParts, p => p.IsAttachment);
        Assert.Equal("application/ics", attached.MediaType);
        Assert.Equal($"mentoring-meeting-{meetingId}.ics", attached.FileName);
        Assert.Equal(inline.Text, attached.Text);
        return inline.Text;
    }

    /// <summary>A calendar file checked line by line: CRLF endings, at most 75 octets a line, then unfolded.</summary>
    private sealed record Calendar(IReadOnlyList<string> Lines, IReadOnlyDictionary<string, string> Event, IReadOnlyList<string> EventOrder)
    {
        public static Calendar Parse(string raw)
        {
            Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
            var physical = raw[..^2].Split("\r\n");
            foreach (var line in physical)
            {
                Assert.DoesNotContain('\n', line);
                Assert.DoesNotContain('\r', line);
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
            }

            var lines = new List<string>();
            foreach (var line in physical)
            {
                if (line.StartsWith(' ') && lines.Count > 0)
                {
                    lines[^1] += line[1..];
                }
                else
                {
                    lines.Add(line);
                }
            }

            var start = lines.IndexOf("BEGIN:VEVENT");
            var end = lines.IndexOf("END:VEVENT");
            Assert.True(start >= 0 && end > start, "No VEVENT.");
            var properties = lines.Skip(start + 1).Take(end - start - 1)
                .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]))
                .ToList();
            return new Calendar(lines, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), properties.Select(p => p.Name).ToList());
        }
    }
}
