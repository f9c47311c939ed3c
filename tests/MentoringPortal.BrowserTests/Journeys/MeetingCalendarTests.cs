using System.Globalization;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Calendars follow the portal (issue 11): a mentee plans a meeting, moves it, then cancels it, and each
/// member's mailbox holds an invitation, an update with a higher SEQUENCE and a cancellation, all with the
/// meeting's one UID. The pair is made for this test alone.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MeetingCalendarTests(BrowserPortal portal)
{
    [Fact]
    public async Task Mentee_MovesAMeetingThenCancelsIt_BothCalendarsGetAnUpdateThenACancellation()
    {
        var mentor = await portal.Factory.Data.MentorAsync();
        var mentee = await portal.Factory.Data.MenteeAsync();
        await portal.Factory.Data.PairAsync(mentee, mentor);
        var pairingId = await portal.Factory.Data.PairingIdAsync(mentee, mentor);
        var pairingHeading = $"Your pairing with {mentor.Name}";
        var page = await portal.NewSignedInPageAsync(mentee.Email, TestData.Password);
        await OpenAsync(page, $"/pairings/{pairingId}", pairingHeading);

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))).AddDays(12);
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" }).ClickAsync();
        await ArriveAtAsync(page, $"Plan a meeting with {mentor.Name}");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("17:00");
        await page.GetByLabel("Place or link").FillAsync("Postgraduate centre, room 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting planned.");
        var planned = await InvitationAsync(mentee, "Mentoring meeting planned", "REQUEST");

        // Move it: a REQUEST again, same UID, higher SEQUENCE, to both members.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Change the meeting on ") }).ClickAsync();
        await ArriveAtAsync(page, $"Change your meeting with {mentor.Name}");
        await page.GetByLabel("Start time (UK time)").FillAsync("18:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting changed.");
        foreach (var person in new[] { mentee, mentor })
        {
            var moved = await InvitationAsync(person, "Mentoring meeting changed", "REQUEST");
            Assert.Equal(planned.Uid, moved.Uid);
            Assert.True(moved.Sequence > planned.Sequence, $"SEQUENCE {moved.Sequence} after {planned.Sequence}");
            Assert.Equal(18, TimeZoneInfo.ConvertTimeFromUtc(moved.DtStart!.AsUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour);
        }

        // Cancel it: a CANCEL with the same UID and a higher SEQUENCE still, to both members.
        var changedSequence = (await InvitationAsync(mentee, "Mentoring meeting changed", "REQUEST")).Sequence;
        await page.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Cancel the meeting on ") }).ClickAsync();
        await ArriveAtAsync(page, $"Cancel your meeting with {mentor.Name}?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting cancelled.");
        foreach (var person in new[] { mentee, mentor })
        {
            var cancelled = await InvitationAsync(person, "Mentoring meeting cancelled", "CANCEL");
            Assert.Equal(planned.Uid, cancelled.Uid);
            Assert.Equal("CANCELLED", cancelled.Status);
            Assert.True(cancelled.Sequence > changedSequence, $"SEQUENCE {cancelled.Sequence} after {changedSequence}");
        }

        portal.AssertNoPageErrors(page);
    }

    /// <summary>The calendar of the one email with this subject to this person: its inline part's method checked, then read with Ical.Net.</summary>
    private async Task<Ical.Net.CalendarComponents.CalendarEvent> InvitationAsync(Person person, string subject, string method)
    {
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == subject);
        Assert.Single(portal.Mailbox.MessagesTo(person.Email), m => m.Subject == subject);
        var part = Assert.Single(email.CalendarParts, p => !p.IsAttachment);
        Assert.Equal(method, part.Method);
        Assert.Contains(email.CalendarParts, p => p.IsAttachment && p.Text == part.Text);
        var calendar = Ical.Net.Calendar.Load(part.Text);
        Assert.NotNull(calendar);
        Assert.Equal(method, calendar.Method);
        Assert.DoesNotContain(person.Name, part.Text, StringComparison.Ordinal);
        return Assert.Single(calendar.Events);
    }
}
