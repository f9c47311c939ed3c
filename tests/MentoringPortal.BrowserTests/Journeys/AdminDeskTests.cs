using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>The administrator's desk: programmes' load, the seeded change request, overdue pairings.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AdminDeskTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_SeesQueuesWithFactsOnly()
    {
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsAdministratorAsync(portal, page, "admin@demo.test");
        await FollowNavigationAsync(page, "Administration", "Scheme administration");

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = Pattern("^Change requests waiting") })).ToBeVisibleAsync();
        await Expect(page.GetByText("working patterns make it very hard to find times")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = Pattern("^Overdue pairings \\([1-9]") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Return to Training mentoring" }).First).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }
}
