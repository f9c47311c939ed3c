using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.TestIdentityProvider;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Signing in with an organisation account in the browser, against the real test provider: a newcomer lands signed in with a
/// new account; a member with an account proves it with their password once, and sees the link on their security page.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class SingleSignOnJourneyTests(BrowserPortal portal)
{
    private const string Button = "Sign in with Demo organisation account";

    [Fact]
    public async Task Newcomer_SignsInWithTheirOrganisation_AndLandsSignedInWithAnAccount()
    {
        var person = new TestUser(Guid.NewGuid().ToString("N"), Unique.Name("Nia Newcomer"), Unique.Email("newcomer"));
        portal.Provider.AddUser(person);
        var page = await portal.NewPageAsync();

        await OpenAsync(page, "/account/login", "Sign in");
        await page.GetByRole(AriaRole.Button, new() { Name = Button }).ClickAsync();
        await PickAtProviderAsync(page, person);

        await ArriveAtAsync(page, "My mentoring");
        await Expect(page.Locator("main")).ToContainTextAsync($"Welcome, {person.Name}.");
        await OpenAsync(page, "/me/security", "Sign-in security");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation sign-in" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Demo organisation account");
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Member_ProvesTheirAccountWithThePassword_ThenItIsLinked()
    {
        var member = await portal.Factory.Data.MenteeAsync();
        var person = new TestUser(Guid.NewGuid().ToString("N"), member.Name, member.Email);
        portal.Provider.AddUser(person);
        var page = await portal.NewPageAsync();

        await OpenAsync(page, "/account/login", "Sign in");
        await page.GetByRole(AriaRole.Button, new() { Name = Button }).ClickAsync();
        await PickAtProviderAsync(page, person);

        await ArriveAtAsync(page, "Link your organisation sign-in");
        await page.GetByLabel("Your mentoring portal password").FillAsync("not my password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link and sign in" }).ClickAsync();
        await ArriveAtAsync(page, "Link your organisation sign-in");
        await Expect(ErrorSummary(page)).ToContainTextAsync("That password is not right.");

        await page.GetByLabel("Your mentoring portal password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link and sign in" }).ClickAsync();
        await ArriveAtAsync(page, "My mentoring");
        await ExpectSuccessAsync(page, "Your organisation sign-in is now linked to your account.");
        portal.AssertNoPageErrors(page);
    }

    private static async Task PickAtProviderAsync(IPage page, TestUser person)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        await page.GetByLabel($"{person.Name} ({person.Email})").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
