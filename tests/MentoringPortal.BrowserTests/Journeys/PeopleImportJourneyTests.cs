using System.Text;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// An administrator imports mentees from a CSV file: discards the preview of a wrong file, uploads the right one, reads
/// the preview, confirms, and follows the import to the end; a new mentee accepts their invitation. axe checks every page
/// on the way.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PeopleImportJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_ImportsMentees_AndANewMenteeAcceptsTheInvitation()
    {
        var programme = await portal.Factory.Data.ProgrammeAsync("Imported cohort");
        var newcomer = Unique.Email("newcomer");
        var csv = "email,name,goal_short_term\n"
            + $"{newcomer},Nia Newcomer,Feel confident on call\n"
            + $"{Unique.Email("second")},Sam Second,\n"
            + "not-an-email,Bad Row,\n";

        var page = await portal.NewSignedInPageAsync("admin@demo.test");

        // The wrong file first: its preview is discarded, after a question, and nothing is imported.
        await UploadAsync(page, programme.Name, "last-year.csv", $"email,name\n{Unique.Email("last-year")},Lee Lastyear\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard this preview" }).ClickAsync();
        await ArriveAtAsync(page, "Discard the preview of last-year.csv?");
        await Expect(page.Locator("main")).ToContainTextAsync("Nothing has been imported.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard the preview" }).ClickAsync();
        await ArriveAtAsync(page, "Import and export people");
        await ExpectSuccessAsync(page, "The preview of last-year.csv was discarded. Nothing was imported.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "last-year.csv" })).ToHaveCountAsync(0);

        await UploadAsync(page, programme.Name, "mentees.csv", csv);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New people (2)" })).ToBeVisibleAsync();
        var error = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "not-an-email" });
        await Expect(error.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("\"not-an-email\" is not an email address.");
        Assert.DoesNotContain(portal.Mailbox.Messages(), m => m.IsTo(newcomer));

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 mentees, skip 1 rows with errors" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = Pattern($"^(Importing mentees|Import finished): ") }))
            .ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Import finished: {programme.Name}", Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        await ArriveAtAsync(page, $"Import finished: {programme.Name}");
        portal.AssertNoPageErrors(page);

        // The progress page while another instance holds the batch: figures, a status region, and no error.
        var waiting = await WaitingBatchAsync(programme.Id);
        var progress = page.WaitForResponseAsync(r => r.Url.EndsWith($"/admin/import/{waiting}/progress", StringComparison.Ordinal));
        await OpenAsync(page, $"/admin/import/{waiting}", $"Importing mentees: {programme.Name}");
        Assert.True((await progress).Ok);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 0 of 1 mentees");
        portal.AssertNoPageErrors(page);

        var invitation = await portal.Mailbox.WaitForAsync(newcomer);
        var link = new Uri(invitation.LinkContaining("/account/invitation")).PathAndQuery;
        var visitor = await portal.NewPageAsync();
        await OpenAsync(visitor, link, "Choose your password");
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and unusual passphrase");
        await visitor.GetByLabel("Confirm password").FillAsync("a long and unusual passphrase");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await ExpectSuccessAsync(visitor, "Your password is set and you are signed in. Welcome to the mentoring portal.");
        await Accessibility.AssertNoViolationsAsync(visitor);
        portal.AssertNoPageErrors(visitor);
    }

    /// <summary>Uploads a file of mentees for the programme from the import page and arrives at its preview.</summary>
    private static async Task UploadAsync(IPage page, string programme, string fileName, string csv)
    {
        await OpenAsync(page, "/admin/import", "Import and export people");
        await page.GetByLabel("Programme").SelectOptionAsync(new SelectOptionValue { Label = programme });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Mentees" }).CheckAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await ArriveAtAsync(page, $"Check the import: {programme}");
    }

    /// <summary>A confirmed batch of one that another instance holds, so it stays in progress while the page is checked.</summary>
    private Task<Guid> WaitingBatchAsync(int programmeId) => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var adminId = await db.Users.Where(u => u.Email == "admin@demo.test").Select(u => u.Id).SingleAsync();
        var batch = new ImportBatch(Guid.NewGuid(), programmeId, PeopleKind.Mentees, adminId, "later.csv", DateTime.UtcNow);
        var email = Unique.Email("later");
        batch.Counted(1, 1, 0, 0);
        batch.Confirm(adminId, DateTime.UtcNow);
        db.ImportBatches.Add(batch);
        db.ImportRows.Add(new ImportRow(batch.Id, 2, email, email.ToUpperInvariant(), "Lou Later", "{}", ImportRowOutcome.New, null));
        await db.SaveChangesAsync();
        await db.ImportBatches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.LeasedUntil, DateTime.UtcNow.AddHours(1)).SetProperty(b => b.LeasedBy, "another instance"));
        return batch.Id;
    });
}
