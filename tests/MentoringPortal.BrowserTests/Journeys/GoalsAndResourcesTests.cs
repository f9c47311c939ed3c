using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Journeys 6 and 8 in the browser: a mentee adds a goal and updates its rating, an administrator
/// writes a resource page, and the mentee reads it from the navigation. Only this class uses mentee6.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class GoalsAndResourcesTests(BrowserPortal portal)
{
    private static readonly DemoPerson Mentee6 = new("mentee6@demo.test", "mentee6");
    private const string Admin = "admin@demo.test";
    private const string Programme = "Return to Training mentoring";

    [Fact]
    public async Task Mentee_AddsAGoalAndUpdatesItsRating_ThenReadsAResourcePage()
    {
        var goal = $"Lead a teaching session for the new foundation doctors ({Guid.NewGuid().ToString("N")[..6]}).";
        var page = await portal.NewSignedInPageAsync(Mentee6.Email);
        await ArriveAtAsync(page, "My mentoring");

        // Goals: a goal without words is refused beside the field; then added with a start rating.
        await FollowNavigationAsync(page, "Your goals", "Your goals");
        var description = page.GetByLabel("Your goal", new() { Exact = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await ExpectFieldErrorAsync(page, description, "Enter your goal.");

        await page.GetByRole(AriaRole.Group, new() { Name = "When do you hope to reach it?" })
            .GetByRole(AriaRole.Radio, new() { Name = "Medium term (next year)" }).CheckAsync();
        await description.FillAsync(goal);
        await page.GetByRole(AriaRole.Group, new() { Name = "Where do you stand now?" })
            .GetByRole(AriaRole.Radio, new() { Name = "2 – made a start" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your goal has been added.");
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Medium term (next year)" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = goal });
        await Expect(card).ToContainTextAsync("2 – made a start");

        // A new rating is added to the history; the start rating stays.
        var update = card.GetByRole(AriaRole.Link, new() { Name = "Update this goal" });
        await update.ClickAsync();
        await ArriveAtAsync(page, "Update your goal");
        await page.GetByRole(AriaRole.Group, new() { Name = "Where do you stand now?" })
            .GetByRole(AriaRole.Radio, new() { Name = "4 – nearly there" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your goal has been saved.");
        var history = card.GetByRole(AriaRole.Table, new() { Name = "Ratings over time" }).GetByRole(AriaRole.Row);
        await Expect(history).ToHaveCountAsync(3); // the header and two ratings
        await Expect(history.Nth(1)).ToContainTextAsync("2 – made a start");
        await Expect(history.Nth(2)).ToContainTextAsync("4 – nearly there");
        portal.AssertNoPageErrors(page);

        // An administrator writes a page for the programme.
        var title = $"Parking and travel {Guid.NewGuid().ToString("N")[..6]}";
        var admin = await portal.NewSignedInPageAsync(Admin);
        await OpenAsync(admin, "/admin/resources", "Resource pages");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Add a page to {Programme}" }).ClickAsync();
        await ArriveAtAsync(admin, $"New page for {Programme}");
        await admin.GetByLabel("Web address").FillAsync("parking-" + Guid.NewGuid().ToString("N")[..6]);
        await admin.GetByLabel("Title").FillAsync(title);
        await admin.GetByLabel("Text (Markdown)").FillAsync("## Where to park\n\nUse the **staff car park** on level 2.\n\n- Bring your badge\n- Allow ten minutes");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create page" }).ClickAsync();
        await ExpectSuccessAsync(admin, "has been created");

        // The seeded guidance of the other programme (a table, lists, headings) passes axe too.
        await OpenAsync(admin, "/programmes/future-leaders/resources/goals-and-evaluation", "Goals by horizon and the six-month evaluation");
        await Expect(admin.Locator(".resource-page table")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(admin);

        // The mentee finds it from the navigation.
        await FollowNavigationAsync(page, "Resources", "Resources");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await ArriveAtAsync(page, title);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Where to park" })).ToBeVisibleAsync();
        await Expect(page.Locator(".resource-page strong")).ToHaveTextAsync("staff car park");
        await Expect(page.Locator(".resource-page li")).ToHaveCountAsync(2);

        // And the seeded mentee information, with the limits of confidentiality.
        await FollowNavigationAsync(page, "Resources", "Resources");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mentee information", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "Mentee information");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Confidentiality and its limits" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("risk of serious harm");
        portal.AssertNoPageErrors(page);
    }
}
