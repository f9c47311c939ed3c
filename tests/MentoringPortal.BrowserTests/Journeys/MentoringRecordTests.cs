using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// A mentor's record for appraisal in the browser: the demo mentor opens it, prints it, downloads the
/// PDF, and an appraiser checks its code on /verify without signing in; the mentee who had not agreed
/// agrees on the pairing page and is then named. Only this class uses the record's demo accounts.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MentoringRecordTests(BrowserPortal portal)
{
    private const string Mentor = Web.Data.DemoSeed.RecordMentorEmail;
    private const string MentorName = "Dr Morag Whitfield";
    private const string NamedMentee = "Dr Tariq Hale";
    private const string UnnamedMentee = "Dr Nina Brooks";

    [Fact]
    public async Task Mentor_OpensTheRecord_DownloadsThePdf_AndAnAppraiserVerifiesItSignedOut()
    {
        var page = await portal.NewSignedInPageAsync(Mentor);
        await page.GetByRole(AriaRole.Link, new() { Name = "Your mentoring record for appraisal" }).ClickAsync();
        await ArriveAtAsync(page, "Mentoring record for appraisal");

        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Everything" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show this period" }).ClickAsync();
        await ArriveAtAsync(page, "Mentoring record for appraisal");
        var pairings = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Meetings held" }) });
        await Expect(pairings).ToContainTextAsync(NamedMentee);
        await Expect(pairings).ToContainTextAsync("Mentee 1");
        await Expect(pairings).Not.ToContainTextAsync(UnnamedMentee);

        // Printed, the record has no portal menus or forms.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download as PDF" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Totals" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download as PDF" }).ClickAsync());
        Assert.Matches("^mentoring-record-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\.pdf$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var code = download.SuggestedFilename["mentoring-record-".Length..^".pdf".Length];
        portal.AssertNoPageErrors(page);

        var appraiser = await portal.NewPageAsync();
        await OpenAsync(appraiser, "/verify", "Check a mentoring record");
        await appraiser.GetByLabel("Verification code").FillAsync(code.ToLowerInvariant());
        await appraiser.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
        await Expect(appraiser.GetByRole(AriaRole.Heading, new() { Name = $"Record {code}" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(appraiser);
        await Expect(appraiser.GetByRole(AriaRole.Status)).ToContainTextAsync(MentorName);
        await Expect(appraiser.GetByRole(AriaRole.Status)).Not.ToContainTextAsync(NamedMentee);

        await appraiser.GetByLabel("Verification code").FillAsync("AAAA-BBBB-CCCC");
        await appraiser.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
        await Expect(appraiser.GetByRole(AriaRole.Heading, new() { Name = "No record has this code" })).ToBeVisibleAsync();
        portal.AssertNoPageErrors(appraiser);

        // The mentee who had not agreed changes their mind on the pairing page; the issued record's page then names them.
        var mentee = await portal.NewSignedInPageAsync("recordmentee2@demo.test");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Open the pairing page" }).ClickAsync();
        var consent = mentee.GetByLabel("My mentor may name me in their mentoring record for appraisal");
        await Expect(consent).Not.ToBeCheckedAsync();
        await consent.CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }).ClickAsync();
        await ExpectSuccessAsync(mentee, $"{MentorName} may now name you in their mentoring record.");
        await Expect(consent).ToBeCheckedAsync();
        portal.AssertNoPageErrors(mentee);

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a record" }).ClickAsync();
        await ArriveAtAsync(page, "Mentoring record for appraisal");
        await Expect(page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Meetings held" }) }))
            .ToContainTextAsync(UnnamedMentee);
        await Expect(page.GetByText("Verify at")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }
}
