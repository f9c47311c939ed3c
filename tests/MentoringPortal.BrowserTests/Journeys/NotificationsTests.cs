using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Email settings and administrators' messages in the browser: mentee5 (digest settings in the demo data) changes a choice; the administrator writes to the Future Leaders pilot's mentees, previews and confirms.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class NotificationsTests(BrowserPortal portal)
{
    [Fact]
    public async Task Member_ChangesHowSchemeNewsComes_FromTheFooterLink()
    {
        var page = await portal.NewSignedInPageAsync("mentee5@demo.test");
        await OpenAsync(page, "/me", "My mentoring");
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Email settings" }).ClickAsync();
        await ArriveAtAsync(page, "Email settings");
        // Housekeeping may already have sent the demo's waiting items in today's digest (after 07:00 UK time), so no count is checked.

        var messages = page.GetByRole(AriaRole.Group, new() { Name = "Messages and agreements" });
        await Expect(messages.GetByRole(AriaRole.Radio, new() { Name = "In a daily digest" })).ToBeCheckedAsync();
        var news = page.GetByRole(AriaRole.Group, new() { Name = "Scheme news and surveys" });
        await news.GetByRole(AriaRole.Radio, new() { Name = "In a daily digest" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email settings" }).ClickAsync();

        await ExpectSuccessAsync(page, "Your email settings have been saved.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Scheme news and surveys" })
            .GetByRole(AriaRole.Radio, new() { Name = "In a daily digest" })).ToBeCheckedAsync();
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Administrator_WritesToAProgrammesMentees_PreviewsTheCount_AndConfirms()
    {
        var subject = $"Pilot evening {Guid.NewGuid():N}"[..24];
        var page = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(page, "/admin/programmes", "Programmes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Messages to Future Leaders pilot" }).ClickAsync();
        await ArriveAtAsync(page, "Messages to Future Leaders pilot");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a message" }).ClickAsync();
        await ArriveAtAsync(page, "Write to Future Leaders pilot");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the message" }).ClickAsync();
        await ExpectFieldErrorAsync(page, page.GetByLabel("Subject"), "Enter a subject.");

        await page.GetByRole(AriaRole.Radio, new() { Name = "All mentees" }).CheckAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Message").FillAsync("Dear all,\n\nJoin us for the pilot evening on 14 January.\nBring a question.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the message" }).ClickAsync();
        await ArriveAtAsync(page, "Check your message");
        await Expect(page.Locator("pre.email-preview")).ToContainTextAsync("Join us for the pilot evening on 14 January.\nBring a question.");
        var send = page.GetByRole(AriaRole.Button, new() { NameRegex = Pattern(@"^Send to \d+ (person|people)$") });
        var count = (await send.TextContentAsync())!.Split(' ')[2];

        await send.ClickAsync();

        await ExpectSuccessAsync(page, $"has been sent to {count} ");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = subject })).ToContainTextAsync("all mentees");
        await portal.Mailbox.WaitForAsync(m => m.Subject == subject);
        portal.AssertNoPageErrors(page);
    }
}
