using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>An administrator of every programme finds an email the outbox gave up on, reads why, and tries it again.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ParkedEmailsTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_SeesAParkedEmail_AndTriesItAgain()
    {
        var to = $"parked-{Guid.NewGuid():N}@mentoring.test";
        const string subject = "Your mentoring request has been answered";
        await portal.Factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var message = new OutboxMessage(to, subject, "Dear Dr Parked,", "<p>Dear Dr Parked,</p>", DateTime.UtcNow.AddDays(1));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.CreatedAt, now)
                .SetProperty(m => m.ParkedAt, now)
                .SetProperty(m => m.ParkedReason, "The mail server refused it (550 MailboxUnavailable): mailbox full")
                .SetProperty(m => m.Attempts, 1));
        });

        var page = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(page, "/admin", "Scheme administration");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Parked emails" }).ClickAsync();
        await ArriveAtAsync(page, "Parked emails");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = to });
        await Expect(row).ToContainTextAsync("mailbox full");
        await Expect(row).ToContainTextAsync(subject);
        await row.GetByRole(AriaRole.Button, new() { NameRegex = Pattern("^Try again") }).ClickAsync();
        await ExpectSuccessAsync(page, "will be sent again within a minute");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = to })).ToHaveCountAsync(0);

        await portal.Mailbox.WaitForAsync(m => m.IsTo(to) && m.Subject == subject);
        portal.AssertNoPageErrors(page);
    }
}
