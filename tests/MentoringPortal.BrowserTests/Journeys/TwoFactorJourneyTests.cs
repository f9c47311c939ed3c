using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>An administrator without a second factor sets one up, then signs in with it: an authenticator app, or a passkey.</summary>
[Collection(BrowserSuite.Name)]
public sealed class TwoFactorJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_SetsUpAnAuthenticator_SignsOut_AndSignsInWithACodeFromIt()
    {
        var email = await AdministratorWithoutSecondFactorAsync(portal);
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsync(page, email, TestData.Password);

        // Administration is closed until there is a second factor.
        await page.GotoAsync("/admin");
        await ArriveAtAsync(page, "Sign-in security");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration needs a second factor" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await ArriveAtAsync(page, "Set up an authenticator app");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = Pattern("^QR code for your authenticator app") })).ToBeVisibleAsync();
        Assert.True(await page.Locator("main img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code did not load.");
        var key = await page.Locator("[data-authenticator-key]").InnerTextAsync();

        await page.GetByLabel("Code from the app").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        // The page answers with itself, so its heading is already there: wait for the error, which only the answer has.
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("That code is not right");
        await ArriveAtAsync(page, "Set up an authenticator app");

        await page.GetByLabel("Code from the app").FillAsync(SecondFactor.CodeAt(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await ArriveAtAsync(page, "Your recovery codes");
        Assert.Equal(10, await page.Locator("ul.recovery-codes li").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "I have kept my recovery codes" }).ClickAsync();
        await ArriveAtAsync(page, "Sign-in security");
        await FollowNavigationAsync(page, "Administration", "Scheme administration");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "Enter the code from your authenticator app");

        // The code used to turn it on cannot be used again; the app's next code (one step on) can.
        await page.GetByLabel("Code from your authenticator app").FillAsync(SecondFactor.CodeAt(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "My mentoring");
        await FollowNavigationAsync(page, "Administration", "Scheme administration");
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Administrator_AddsAPasskey_SignsOut_AndSignsInWithIt()
    {
        var email = await AdministratorWithoutSecondFactorAsync(portal);
        var page = await NewPageWithPasskeyDeviceAsync(portal);

        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsync(page, email, TestData.Password);
        await AddPasskeyAsync(page, "Test laptop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await ArriveAtAsync(page, "My mentoring");

        // A passkey is a second factor: administration is open.
        await FollowNavigationAsync(page, "Administration", "Scheme administration");
        portal.AssertNoPageErrors(page);
    }
}
