using System.Globalization;
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
/// An honest record of meetings, in the browser: the demo's mentee6 is asked "Did this meeting happen?" on /me
/// (the seeded meeting planned for three days ago), answers no for that one and yes for another, then logs a
/// meeting that already happened. Mentee6's goals are GoalsAndResourcesTests' own; its meetings are this class's.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PastMeetingsTests(BrowserPortal portal)
{
    private const string Mentee6 = "mentee6@demo.test";
    private const string Mentor6 = "mentor6@demo.test";

    [Fact]
    public async Task Mentee_AnswersDidThisMeetingHappen_BothWays_AndLogsAPastMeeting()
    {
        var (pairingId, mentorName) = await PairingAsync();
        await PlanMeetingThatIsOverAsync(pairingId);
        var page = await portal.NewSignedInPageAsync(Mentee6);
        await ArriveAtAsync(page, "My mentoring");

        // Both meetings whose time has passed ask the question on /me; the seeded one (earliest) is answered no.
        var questions = page.GetByRole(AriaRole.Group, new() { Name = "Did this meeting happen?" });
        await Expect(questions).ToHaveCountAsync(2);
        await questions.First.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^No, it did not happen") }).ClickAsync();
        await ArriveAtAsync(page, $"Record that your meeting with {mentorName} did not happen?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, record that it did not happen" }).ClickAsync();
        await ExpectSuccessAsync(page, $"Recorded: the meeting did not happen. {mentorName} has been told.");
        await ArriveAtAsync(page, $"Your pairing with {mentorName}");
        await Expect(page.GetByText("Did not happen", new() { Exact = true })).ToBeVisibleAsync();
        await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentor6) && m.Subject == "Mentoring meeting recorded as not held");

        // The other one did happen: "Yes, log it" opens the held form.
        var question = page.GetByRole(AriaRole.Group, new() { Name = "Did this meeting happen?" });
        await Expect(question).ToHaveCountAsync(1);
        await question.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Yes, log it") }).ClickAsync();
        await ArriveAtAsync(page, "Log your meeting as held");
        await page.GetByLabel("Agreed actions").FillAsync("Draft a phased return plan for the rota coordinator.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log as held" }).ClickAsync();
        await ExpectSuccessAsync(page, "The meeting has been recorded as held.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Did this meeting happen?" })).ToHaveCountAsync(0);

        // A meeting that already happened and was never planned: a date in the future is refused beside the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a meeting that already happened" }).ClickAsync();
        await ArriveAtAsync(page, $"Log a meeting with {mentorName} that already happened");
        var ukToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var date = page.GetByLabel("Date you met");
        await date.FillAsync(ukToday.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("08:00");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Phone" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the meeting" }).ClickAsync();
        var link = await ExpectFieldErrorAsync(page, date, "The date is in the future. Log a meeting once it has happened, or plan it instead.");
        await FollowErrorLinkAsync(link, date);

        var met = ukToday.AddDays(-1);
        await date.FillAsync(met.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("08:00");
        await page.GetByLabel("How long").SelectOptionAsync(new SelectOptionValue { Label = "30 minutes" });
        var note = "A short call before my shift " + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Your private note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "The meeting has been recorded as held.");
        var heading = met.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", 08:00 to 08:30";
        var card = page.Locator("li.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 3, NameRegex = Pattern("^" + heading) }) });
        await Expect(card).ToContainTextAsync("Held");
        await Expect(card).ToContainTextAsync(note);
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentor6) && m.Subject.EndsWith("recorded a mentoring meeting", StringComparison.Ordinal));
        Assert.DoesNotContain(note, email.TextBody, StringComparison.Ordinal);
        portal.AssertNoPageErrors(page);
    }

    private Task<(int PairingId, string MentorName)> PairingAsync() => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == Mentee6).Select(u => u.Id).SingleAsync();
        var pairing = await db.Pairings.Where(m => m.Mentee!.UserId == userId && m.Status == PairingStatus.Active)
            .Select(m => new { m.Id, m.Mentor!.DisplayName }).SingleAsync();
        return (pairing.Id, pairing.DisplayName);
    });

    /// <summary>A meeting planned for yesterday that nobody logged (the plan form refuses past times, so through the domain).</summary>
    private Task PlanMeetingThatIsOverAsync(int pairingId) => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Pairings.Include(m => m.Meetings).SingleAsync(m => m.Id == pairingId);
        pairing.PlanMeeting(DateTime.UtcNow.AddDays(-1).AddHours(-2), 60, MeetingModes.Video, null);
        await db.SaveChangesAsync();
    });
}
