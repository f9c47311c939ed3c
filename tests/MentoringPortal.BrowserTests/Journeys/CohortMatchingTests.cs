using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Cohort;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// An administrator matches a whole cohort: runs the optimiser, pins a pair, runs again, and
/// confirms. The cohort is a programme of its own, so the demo pilot's applicants stay waiting for
/// the other journeys.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class CohortMatchingTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_MatchesAWholeCohort_PinsAPair_AndConfirms()
    {
        var programme = await portal.Factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        for (var i = 0; i < 3; i++)
        {
            await portal.Factory.Data.MentorAsync(programme);
        }

        var applicants = new List<Person>();
        for (var i = 0; i < 3; i++)
        {
            var mentee = await portal.Factory.Data.MenteeAsync();
            await portal.Factory.Data.ApplyAsync(mentee, programme);
            applicants.Add(mentee);
        }

        var page = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(page, "/admin/applications", "Applications");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Match the whole cohort in {programme.Name}" }).ClickAsync();
        await ArriveAtAsync(page, $"Match the whole cohort: {programme.Name}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Find the best matches" }).ClickAsync();
        await ArriveAtProposalAsync(page, programme);
        var firstPair = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Checkbox) }).First;
        var applicant = (await firstPair.GetByRole(AriaRole.Rowheader).TextContentAsync())!.Trim();
        await Expect(firstPair.GetByText(Pattern(@"^\d+ out of \d+$"))).ToBeVisibleAsync();

        // Pin the first pair and run again: it stays, marked as pinned.
        await firstPair.GetByRole(AriaRole.Checkbox, new() { NameRegex = Pattern("^Pin ") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run again with these choices" }).ClickAsync();
        await ArriveAtProposalAsync(page, programme);
        var pinned = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pinned" });
        await Expect(pinned).ToHaveCountAsync(1);
        await Expect(pinned.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(applicant);
        await Expect(pinned.GetByRole(AriaRole.Checkbox, new() { NameRegex = Pattern("^Pin ") })).ToBeCheckedAsync();
        Assert.DoesNotContain(portal.Mailbox.Messages(), m => applicants.Any(a => m.IsTo(a.Email)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Confirm these 3 pairings" }).ClickAsync();
        await ArriveAtAsync(page, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync() ?? string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and email everyone" }).ClickAsync();
        await ExpectSuccessAsync(page, "3 mentors have been asked to accept their proposed mentees, with a place kept meanwhile.");
        await ArriveAtAsync(page, $"Confirmed matches: {programme.Name}");

        foreach (var mentee in applicants)
        {
            await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.StartsWith("We have found a mentor", StringComparison.Ordinal));
        }

        portal.AssertNoPageErrors(page);

        // A run still working: the progress page passes axe (no automatic reload) and its script keeps polling.
        var working = await portal.Factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var adminId = await db.Users.Where(u => u.Email == "admin@demo.test").Select(u => u.Id).SingleAsync();
            var run = new CohortRun(Guid.NewGuid(), programme.Id, adminId, CohortChoicesDocument.Empty.ToJson(), DateTime.UtcNow);
            run.Start(1000);
            run.Progress(420);
            db.CohortRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var progress = page.WaitForResponseAsync(r => r.Url.EndsWith($"/admin/cohort-runs/{working}/progress", StringComparison.Ordinal));
        await OpenAsync(page, $"/admin/cohort-runs/{working}", $"Finding the best matches: {programme.Name}");
        Assert.True((await progress).Ok);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Placed 420 of 1,000 applicants");
        await Expect(page.Locator("meta[http-equiv='refresh']")).ToHaveCountAsync(0);
        portal.AssertNoPageErrors(page);
    }

    /// <summary>The run works in the background; its page follows the progress and opens the proposal when it is there.</summary>
    private static async Task ArriveAtProposalAsync(IPage page, TestProgramme programme)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Proposed matches: {programme.Name}", Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        await ArriveAtAsync(page, $"Proposed matches: {programme.Name}");
    }
}
