using System.Globalization;
using System.Text;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 5 of the product, in the browser: a mentee plans a meeting, logs one as held with a private
/// note, and downloads a calendar file. Only this class uses mentee5 and mentor5 (paired 40 days before
/// the seed, with a held initial meeting and one planned).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MeetingsTests(BrowserPortal portal)
{
    private static readonly DemoPerson Mentee5 = new("mentee5@demo.test", "Dr Eleanor Quinn");
    private static readonly DemoPerson Mentor5 = new("mentor5@demo.test", "Dr Liam Patel");

    [Fact]
    public async Task Mentee_PlansAMeeting_LogsOneAsHeldWithAPrivateNote_AndDownloadsTheCalendarFile()
    {
        var pairingId = await PairingIdAsync();
        await AddMeetingThatStartedAsync(pairingId);
        var page = await portal.NewSignedInPageAsync(Mentee5.Email);
        await ArriveAtAsync(page, "My mentoring");

        // From /me to the pairing page, where the initial meeting is marked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the pairing page" }).First.ClickAsync();
        var pairingHeading = $"Your pairing with {Mentor5.Name}";
        await ArriveAtAsync(page, pairingHeading);
        await Expect(page.GetByText("Initial meeting — face to face")).ToBeVisibleAsync();

        // Plan a meeting: a past date is refused beside the field, then a good one is planned.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" }).ClickAsync();
        await ArriveAtAsync(page, $"Plan a meeting with {Mentor5.Name}");
        var ukToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var date = page.GetByLabel("Date", new() { Exact = true });
        await date.FillAsync(ukToday.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("18:00");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Video call" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        var link = await ExpectFieldErrorAsync(page, date, "The date is in the past. Choose today or a later date.");
        await FollowErrorLinkAsync(link, date);

        var planned = ukToday.AddDays(21);
        await date.FillAsync(planned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("18:00");
        await page.GetByLabel("How long").SelectOptionAsync(new SelectOptionValue { Label = "45 minutes" });
        await page.GetByLabel("Place or link").FillAsync("Video link in the calendar invitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting planned.");
        await ArriveAtAsync(page, pairingHeading);
        var plannedHeading = planned.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", 18:00 to 18:45";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3, NameRegex = Pattern("^" + plannedHeading) })).ToBeVisibleAsync();
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentor5.Email) && m.Subject == "Mentoring meeting planned");
        Assert.Contains("18:00 to 18:45", email.TextBody, StringComparison.Ordinal);

        // Log the meeting that has just taken place as held, with agreed actions and a private note.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Log as held") }).First.ClickAsync();
        await ArriveAtAsync(page, "Log your meeting as held");
        var note = "I felt nervous about the first on-call shift " + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Agreed actions").FillAsync("Ask the rota coordinator for a supernumerary week.");
        await page.GetByLabel("Your private note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log as held" }).ClickAsync();
        await ExpectSuccessAsync(page, "The meeting has been recorded as held.");
        await Expect(page.GetByText(note)).ToBeVisibleAsync();
        await Expect(page.GetByText("Ask the rota coordinator for a supernumerary week.")).ToBeVisibleAsync();

        // The calendar file: a download with the time and place, and nothing confidential.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Add to your calendar .* " + plannedHeading) }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var calendar = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Mentoring meeting\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Video link in the calendar invitation\r\n", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(note, calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(Mentor5.Name, calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(Mentee5.Name, calendar, StringComparison.Ordinal);
        portal.AssertNoPageErrors(page);

        // The mentor sees the agreed actions, never the mentee's note.
        var mentorPage = await portal.NewSignedInPageAsync(Mentor5.Email);
        await OpenAsync(mentorPage, $"/pairings/{pairingId}", $"Your pairing with {Mentee5.Name}");
        await Expect(mentorPage.GetByText("Ask the rota coordinator for a supernumerary week.")).ToBeVisibleAsync();
        Assert.DoesNotContain(note, await mentorPage.ContentAsync(), StringComparison.Ordinal);
        portal.AssertNoPageErrors(mentorPage);
    }

    private Task<int> PairingIdAsync() => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == Mentee5.Email).Select(u => u.Id).SingleAsync();
        return await db.Pairings.Where(m => m.Mentee!.UserId == userId && m.Status == PairingStatus.Active).Select(m => m.Id).SingleAsync();
    });

    /// <summary>A meeting that started half an hour ago (still under way, so not yet asking "Did this meeting happen?") and has not been logged yet (the plan form refuses past times, so through the domain).</summary>
    private Task AddMeetingThatStartedAsync(int pairingId) => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Pairings.Include(m => m.Meetings).SingleAsync(m => m.Id == pairingId);
        pairing.PlanMeeting(DateTime.UtcNow.AddMinutes(-30), 60, MeetingModes.FaceToFace, "Postgraduate centre, quiet room 2");
        await db.SaveChangesAsync();
    });
}
