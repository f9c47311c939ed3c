using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Starting well and a minute after each meeting, in the browser: a mentee writes the mentoring
/// agreement, both members say "I agree", and the mentor rates a held meeting and finds it in their
/// own history. A pair of its own, so no other journey's demo pairing changes.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AgreementsAndRatingsTests(BrowserPortal portal)
{
    [Fact]
    public async Task BothMembersAgreeTheAgreement_AndTheMentorRatesAHeldMeeting()
    {
        var mentor = await portal.Factory.Data.MentorAsync();
        var mentee = await portal.Factory.Data.MenteeAsync();
        var pairingId = await portal.Factory.Data.PairAsync(mentee, mentor, DateTime.UtcNow.AddDays(-20));
        await portal.Factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-2), held: true);

        // The mentee writes it: a missing part is refused beside its field.
        var page = await portal.NewSignedInPageAsync(mentee.Email, TestData.Password);
        await OpenAsync(page, $"/pairings/{pairingId}", $"Your pairing with {mentor.Name}");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Mentoring agreement" });
        await Expect(section).ToContainTextAsync("Not yet written");
        await section.GetByRole(AriaRole.Link, new() { Name = "Write the agreement" }).ClickAsync();
        await ArriveAtAsync(page, "Write your mentoring agreement");
        await Expect(page.GetByLabel("Confidentiality and its limits")).ToHaveValueAsync(Pattern("^What we talk about stays between the two of us"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();
        var meetings = page.GetByLabel("How often and how we will meet");
        var link = await ExpectFieldErrorAsync(page, meetings, "Enter how often and how you will meet.");
        await FollowErrorLinkAsync(link, meetings);
        await meetings.FillAsync("Every six weeks, face to face when we can.");
        await page.GetByLabel("What I expect (mentee)").FillAsync("Honest feedback on my return to the rota.");
        await page.GetByLabel($"What {mentor.Name} expects (mentor)").FillAsync("That I set the topic for each meeting.");
        await page.GetByLabel("How either of us can end it").FillAsync("Either of us can end it by saying so, without blame.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();
        await ExpectSuccessAsync(page, "Agreement saved.");
        await ArriveAtAsync(page, $"Your mentoring agreement with {mentor.Name}");
        await Expect(page.GetByText($"Waiting for you and {mentor.Name} to confirm")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await ExpectSuccessAsync(page, $"The agreement is agreed once {mentor.Name} has confirmed it too.");
        await Expect(page.GetByText($"Waiting for {mentor.Name} to confirm")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);

        // The mentor follows the email and agrees too.
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == PortalEmails.AgreementToConfirmSubject);
        var mentorPage = await portal.NewSignedInPageAsync(mentor.Email, TestData.Password);
        await mentorPage.GotoAsync(email.LinkContaining("/agreement"));
        await ArriveAtAsync(mentorPage, $"Your mentoring agreement with {mentee.Name}");
        await Expect(mentorPage.GetByText("Honest feedback on my return to the rota.")).ToBeVisibleAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await ExpectSuccessAsync(mentorPage, "You have both agreed");
        await Expect(mentorPage.GetByText(Pattern("^Agreed on \\d{1,2} [A-Z][a-z]+ \\d{4}$"))).ToBeVisibleAsync();
        await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.AgreementAgreedSubject);

        // The mentor rates the held meeting: a choice is needed, then it shows on the card and in their history.
        await OpenAsync(mentorPage, $"/pairings/{pairingId}", $"Your pairing with {mentee.Name}");
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = "Rate this meeting" }).ClickAsync();
        await ArriveAtAsync(mentorPage, "How useful was this meeting?");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).ClickAsync();
        await ExpectFieldErrorAsync(mentorPage, mentorPage.GetByRole(AriaRole.Group, new() { Name = "How useful was this meeting?" }),
            "Choose how useful the meeting was, from 1 to 5.", fieldIsGroup: true);
        await mentorPage.GetByLabel("4 — Useful").CheckAsync();
        await mentorPage.GetByLabel("Your private comment (optional)").FillAsync("Good plan for the first on-call week.");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).ClickAsync();
        await ExpectSuccessAsync(mentorPage, "Thank you. Your rating has been saved.");
        await Expect(mentorPage.GetByText("You rated it 4 of 5.")).ToBeVisibleAsync();
        await OpenAsync(mentorPage, "/me/ratings", "Your meeting ratings");
        await Expect(mentorPage.GetByText("4 of 5 — Useful")).ToBeVisibleAsync();
        await Expect(mentorPage.GetByText("Good plan for the first on-call week.")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(mentorPage);
    }
}
