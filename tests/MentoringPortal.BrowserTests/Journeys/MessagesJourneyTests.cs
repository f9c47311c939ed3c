using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 12: the two members of a pairing write to each other, each signed in in their own browser,
/// and each sees the other's message; an administrator of every programme gets 404 on the thread.
/// The pair is made for this test alone.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MessagesJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task MenteeAndMentor_ExchangeMessages_AndAnAdministratorGets404OnTheThread()
    {
        var mentor = await portal.Factory.Data.MentorAsync();
        var mentee = await portal.Factory.Data.MenteeAsync();
        var pairingId = await portal.Factory.Data.PairAsync(mentee, mentor);
        var question = "Could we meet by video next time? " + Guid.NewGuid().ToString("N")[..8];
        var answer = "Yes, video suits me well. " + Guid.NewGuid().ToString("N")[..8];

        // The mentee: contact details, then an empty message refused beside the box, then a message sent.
        var menteePage = await portal.NewSignedInPageAsync(mentee.Email, TestData.Password);
        await OpenAsync(menteePage, $"/pairings/{pairingId}", $"Your pairing with {mentor.Name}");
        await Expect(menteePage.GetByRole(AriaRole.Heading, new() { Name = "Contact details" })).ToBeVisibleAsync();
        await Expect(menteePage.GetByRole(AriaRole.Link, new() { Name = mentor.Email })).ToBeVisibleAsync();
        var box = menteePage.GetByLabel($"Your message to {mentor.Name}");
        await menteePage.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await ArriveAtAsync(menteePage, $"Messages with {mentor.Name}");
        await FollowErrorLinkAsync(await ExpectFieldErrorAsync(menteePage, box, "Enter your message."), box);
        await box.FillAsync(question);
        await menteePage.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await ExpectSuccessAsync(menteePage, "Message sent.");
        await Expect(menteePage.Locator("#messages li.message").Filter(new() { HasText = question })).ToContainTextAsync(mentee.Name);
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == $"A message from {mentee.Name} is waiting for you");
        Assert.DoesNotContain(question, email.TextBody, StringComparison.Ordinal);

        // The mentor, in another browser: told on /me, reads it on the pairing page and answers.
        var mentorPage = await portal.NewSignedInPageAsync(mentor.Email, TestData.Password);
        await OpenAsync(mentorPage, "/me", "My mentoring");
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = $"1 unread message from {mentee.Name}" }).ClickAsync();
        await ArriveAtAsync(mentorPage, $"Your pairing with {mentee.Name}");
        var received = mentorPage.Locator("#messages li.message").Filter(new() { HasText = question });
        await Expect(received).ToContainTextAsync(mentee.Name);
        await Expect(received).ToContainTextAsync("New");
        await mentorPage.GetByLabel($"Your message to {mentee.Name}").FillAsync(answer);
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await ExpectSuccessAsync(mentorPage, "Message sent.");
        await Expect(mentorPage.GetByText(answer)).ToBeVisibleAsync();

        // Back to the mentee: the answer is there, under the question.
        await OpenAsync(menteePage, $"/pairings/{pairingId}", $"Your pairing with {mentor.Name}");
        var thread = menteePage.Locator("#messages li.message");
        await Expect(thread).ToHaveCountAsync(2);
        await Expect(thread.Nth(0)).ToContainTextAsync(question);
        await Expect(thread.Nth(1)).ToContainTextAsync(answer);
        await Expect(thread.Nth(1)).ToContainTextAsync(mentor.Name);

        // An administrator of every programme: 404 on the thread, and not a word of it on any page.
        var adminPage = await portal.NewSignedInPageAsync("admin@demo.test");
        foreach (var path in new[] { $"/pairings/{pairingId}", $"/pairings/{pairingId}/messages" })
        {
            var response = await adminPage.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Accessibility.AssertNoViolationsAsync(adminPage);
            Assert.DoesNotContain(question, await adminPage.ContentAsync(), StringComparison.Ordinal);
        }

        var adminPairing = await adminPage.GotoAsync($"/admin/pairings/{pairingId}");
        Assert.True(adminPairing!.Ok);
        var adminHtml = await adminPage.ContentAsync();
        Assert.DoesNotContain(question, adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, adminHtml, StringComparison.Ordinal);

        portal.AssertNoPageErrors(menteePage);
        portal.AssertNoPageErrors(mentorPage);
    }
}
