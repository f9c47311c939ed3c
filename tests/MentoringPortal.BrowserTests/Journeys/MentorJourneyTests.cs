using System.Globalization;
using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 2 of the product, in the browser: a mentor keeps their availability, answers requests and
/// edits their profile. Only this class uses mentor1 (and mentee8 and mentee9, whose requests it answers);
/// it leaves mentor1 accepting with the capacity it started with.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MentorJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Mentor_ChangesCapacityAndPauses_AnswersRequests_AndEditsTheProfile()
    {
        var mentor = Demo.Mentor1;
        var page = await portal.NewSignedInPageAsync(mentor.Email);
        await ArriveAtAsync(page, "My mentoring");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your mentees" })).ToBeVisibleAsync();

        // Availability: capacity and a pause. Pausing without a date is refused beside the date.
        await FollowNavigationAsync(page, "Availability", "Your availability");
        var capacity = page.GetByLabel("How many mentees can you take at once?");
        var originalCapacity = await capacity.InputValueAsync();
        var active = int.Parse(
            Pattern(@"You mentor (\d+)").Match(await page.GetByRole(AriaRole.Main).InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        var status = page.GetByRole(AriaRole.Group, new() { Name = "Are you accepting new mentees?" });
        var paused = status.GetByRole(AriaRole.Radio, new() { Name = "Pause until a date" });
        var accepting = status.GetByRole(AriaRole.Radio, new() { Name = "Yes, I am accepting new mentees" });
        var pausedUntil = page.GetByLabel("Paused until", new() { Exact = true });

        await capacity.FillAsync("3");
        await paused.CheckAsync();
        await pausedUntil.FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        var link = await ExpectFieldErrorAsync(page, pausedUntil, "Enter the date you will be back.");
        await Expect(capacity).ToHaveValueAsync("3");
        await Expect(paused).ToBeCheckedAsync();
        await FollowErrorLinkAsync(link, pausedUntil);

        var backOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await pausedUntil.FillAsync(backOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your availability has been saved.");
        await Expect(capacity).ToHaveValueAsync("3");
        await Expect(paused).ToBeCheckedAsync();
        await Expect(pausedUntil).ToHaveValueAsync(backOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The directory shows the pause, and the profile offers no contact form.
        await FollowNavigationAsync(page, "Find a mentor", "Find a mentor");
        await SearchDirectoryAsync(page, "Hamish Davies");
        await Expect(ResultCards(page)).ToHaveCountAsync(1);
        await Expect(CardOf(page, mentor.Name)).ToContainTextAsync($"Paused until {backOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");

        // Accepting again: the directory shows the places the new capacity leaves free.
        await FollowNavigationAsync(page, "Availability", "Your availability");
        await accepting.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your availability has been saved.");
        await Expect(accepting).ToBeCheckedAsync();
        await Expect(pausedUntil).ToHaveValueAsync(string.Empty);
        await FollowNavigationAsync(page, "Find a mentor", "Find a mentor");
        await SearchDirectoryAsync(page, "Hamish Davies");
        await Expect(CardOf(page, mentor.Name)).ToContainTextAsync($"Accepting mentees: {3 - active} {(3 - active == 1 ? "place" : "places")} free");

        // Requests: accept mentee8's, decline mentee9's with a reason.
        await FollowNavigationAsync(page, "Requests", "Requests from trainees");
        var fromMentee8 = page.GetByRole(AriaRole.Region, new() { Name = Demo.Mentee8.Name, Exact = true });
        var fromMentee9 = page.GetByRole(AriaRole.Region, new() { Name = Demo.Mentee9.Name, Exact = true });
        await Expect(fromMentee8).ToContainTextAsync("I am returning after a year of parental leave");
        await Expect(fromMentee9).ToBeVisibleAsync();

        await fromMentee8.GetByRole(AriaRole.Button, new() { Name = $"Accept {Demo.Mentee8.Name}" }).ClickAsync();
        await ExpectSuccessAsync(page, "Request accepted.");
        await Expect(fromMentee8).ToHaveCountAsync(0);
        await Expect(page.GetByText($"You mentor {active + 1} of up to 3 people.")).ToBeVisibleAsync();
        var answered = page.GetByRole(AriaRole.Table);
        await Expect(answered.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo.Mentee8.Name })).ToContainTextAsync("Accepted");

        await fromMentee9.GetByRole(AriaRole.Link, new() { Name = $"Decline {Demo.Mentee9.Name}" }).ClickAsync();
        await ArriveAtAsync(page, $"Decline {Demo.Mentee9.Name}'s request");
        var reasons = page.GetByRole(AriaRole.Group, new() { Name = "Why are you declining?" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline the request" }).ClickAsync();
        link = await ExpectFieldErrorAsync(page, reasons, "Choose a reason.", fieldIsGroup: true);
        await FollowErrorLinkAsync(link, reasons.GetByRole(AriaRole.Radio).First);

        await reasons.GetByRole(AriaRole.Radio, new() { Name = "I am not available for the next few months" }).CheckAsync();
        await page.GetByLabel("A short note for the trainee").FillAsync("I am away on sabbatical until the spring. Good luck with your return.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline the request" }).ClickAsync();
        await ExpectSuccessAsync(page, "Request declined.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Requests from trainees" })).ToBeVisibleAsync();
        await Expect(fromMentee9).ToHaveCountAsync(0);
        await Expect(answered.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo.Mentee9.Name })).ToContainTextAsync("Declined");

        // /me lists the new mentee, with the next step.
        await FollowNavigationAsync(page, "My mentoring", "My mentoring");
        var newMentee = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = Demo.Mentee8.Name }) });
        await Expect(newMentee).ToContainTextAsync("arrange your first face-to-face meeting");
        await Expect(page.GetByText($"mentor {active + 1} of up to 3")).ToBeVisibleAsync();

        // Both trainees are told, by email and on their own /me.
        var accepted = await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentee8.Email) && m.Subject.Contains(mentor.Name, StringComparison.Ordinal));
        Assert.Contains("agreed to be your mentor", accepted.Subject, StringComparison.Ordinal);
        var declined = await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentee9.Email) && m.Subject.Contains(mentor.Name, StringComparison.Ordinal));
        Assert.Contains("not available for the next few months", declined.TextBody, StringComparison.Ordinal);
        Assert.Contains("/mentors?accepting=true", declined.LinkContaining("/mentors?accepting=true"), StringComparison.Ordinal);

        var mentee8 = await portal.NewSignedInPageAsync(Demo.Mentee8.Email);
        await ArriveAtAsync(mentee8, "My mentoring");
        await Expect(mentee8.GetByRole(AriaRole.Heading, new() { Level = 3, Name = mentor.Name })).ToBeVisibleAsync();
        await Expect(mentee8.GetByRole(AriaRole.Row).Filter(new() { Has = mentee8.GetByRole(AriaRole.Link, new() { Name = mentor.Name }) }))
            .ToContainTextAsync("Accepted");
        portal.AssertNoPageErrors(mentee8);

        var mentee9 = await portal.NewSignedInPageAsync(Demo.Mentee9.Email);
        await ArriveAtAsync(mentee9, "My mentoring");
        var declinedRow = mentee9.GetByRole(AriaRole.Row).Filter(new() { Has = mentee9.GetByRole(AriaRole.Link, new() { Name = mentor.Name }) });
        await Expect(declinedRow).ToContainTextAsync("they are not available for the next few months");
        await Expect(declinedRow).ToContainTextAsync("I am away on sabbatical until the spring.");
        await Expect(declinedRow.GetByRole(AriaRole.Link, new() { Name = "See mentors accepting now" })).ToBeVisibleAsync();
        portal.AssertNoPageErrors(mentee9);

        // The profile: a required field left empty is refused; then the change is saved and searchable.
        await FollowNavigationAsync(page, "Availability", "Your availability");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the profile trainees see" }).ClickAsync();
        await ArriveAtAsync(page, "Your mentor profile");
        await Expect(page.GetByLabel("Name as shown to trainees")).ToHaveValueAsync(mentor.Name);
        var expertise = page.GetByLabel("Areas of expertise");
        var original = await expertise.InputValueAsync();
        await expertise.FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        link = await ExpectFieldErrorAsync(page, expertise, "Describe your areas of expertise.");
        await FollowErrorLinkAsync(link, expertise);

        var changed = original + ", and simulation teaching for returners";
        await expertise.FillAsync(changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your profile has been saved.");
        await Expect(page.GetByLabel("Areas of expertise")).ToHaveValueAsync(changed);

        await FollowNavigationAsync(page, "Find a mentor", "Find a mentor");
        await SearchDirectoryAsync(page, "simulation teaching");
        await Expect(ResultCards(page)).ToHaveCountAsync(1);
        await Expect(CardOf(page, mentor.Name)).ToContainTextAsync("simulation teaching for returners");

        // Leave mentor1 as the seed made it: accepting, with its first capacity.
        await FollowNavigationAsync(page, "Availability", "Your availability");
        await capacity.FillAsync(originalCapacity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your availability has been saved.");
        await Expect(capacity).ToHaveValueAsync(originalCapacity);
        await Expect(accepting).ToBeCheckedAsync();

        portal.AssertNoPageErrors(page);
    }
}
