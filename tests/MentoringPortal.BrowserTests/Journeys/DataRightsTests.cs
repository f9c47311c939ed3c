using System.IO.Compression;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.Web.Email;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// People's rights in the browser: the privacy notice and accessibility statement from the footer,
/// downloading one's data, asking for deletion and cancelling it, and the administrators' erasure
/// page. Only this class uses mentee4.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class DataRightsTests(BrowserPortal portal)
{
    private const string Mentee4 = "mentee4@demo.test";

    [Fact]
    public async Task Visitor_ReadsThePrivacyNoticeAndAccessibilityStatementFromTheFooter()
    {
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/", "Find a mentor who has been where you are");
        var footer = page.GetByRole(AriaRole.Navigation, new() { Name = "About the portal" });
        await footer.GetByRole(AriaRole.Link, new() { Name = "Privacy notice" }).ClickAsync();
        await ArriveAtAsync(page, "Privacy notice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How long we keep it" })).ToBeVisibleAsync();

        await footer.GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).ClickAsync();
        await ArriveAtAsync(page, "Accessibility statement for the mentoring portal");
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Member_DownloadsTheirData()
    {
        var mailbox = portal.Mailbox.FromNowOn();
        var page = await portal.NewSignedInPageAsync(Mentee4);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "About the portal" }).GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync();
        await ArriveAtAsync(page, "Download my data");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = Pattern("copy of my data|new copy") }).ClickAsync();
        await ExpectSuccessAsync(page, "We are putting your data together");

        await mailbox.WaitForAsync(m => m.IsTo(Mentee4) && m.Subject == PortalEmails.DataExportReadySubject);
        await page.ReloadAsync();
        await ArriveAtAsync(page, "Download my data");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download my data (ZIP file)" }).ClickAsync());
        var path = await download.PathAsync();
        await using (var zip = ZipFile.OpenRead(path))
        {
            var entry = Assert.Single(zip.Entries);
            using var reader = new StreamReader(await entry.OpenAsync());
            Assert.Contains(Mentee4, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Member_AsksForDeletionAndCancelsIt()
    {
        var mailbox = portal.Mailbox.FromNowOn();
        var page = await portal.NewSignedInPageAsync(Mentee4);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "About the portal" }).GetByRole(AriaRole.Link, new() { Name = "Delete my account" }).ClickAsync();
        await ArriveAtAsync(page, "Delete my account");

        var password = page.GetByLabel("Your password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account in 14 days" }).ClickAsync();
        await ExpectFieldErrorAsync(page, password, "Enter your password to confirm that you want your account deleted.");

        await password.FillAsync(BrowserPortal.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account in 14 days" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your account will be deleted on");
        var email = await mailbox.WaitForAsync(m => m.IsTo(Mentee4) && m.Subject == PortalEmails.DeletionRequestedSubject);

        // The email's link leads back to the page with the cancel button.
        await page.GotoAsync(email.LinkContaining("/me/delete"));
        await ArriveAtAsync(page, "Delete my account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the deletion" }).ClickAsync();
        await ExpectSuccessAsync(page, "The deletion is cancelled.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete my account in 14 days" })).ToBeVisibleAsync();
        await mailbox.WaitForAsync(m => m.IsTo(Mentee4) && m.Subject == PortalEmails.DeletionCancelledSubject);
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Administrator_FindsAnAccountToEraseAndIsAskedToConfirm()
    {
        var page = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(page, "/admin/erasure", "Erase a member's account");
        var email = page.GetByLabel("The member's email address");
        await email.FillAsync("nobody-here@demo.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the account" }).ClickAsync();
        await ExpectFieldErrorAsync(page, email, "There is no member with that email address in your programmes.");

        await email.FillAsync(Mentee4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the account" }).ClickAsync();
        await ArriveAtAsync(page, "Confirm the erasure");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase this account now" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "Erase a member's account");
        portal.AssertNoPageErrors(page);
    }
}
