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
/// While administrators must sign in with their organisation (ADR-016), an administrator's passkey is refused, with a message
/// naming the button to use, and no session is left open.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AdministratorSingleSignOnTests(BrowserPortal portal)
{
    [Fact]
    public async Task Administrator_SignsInWithAPasskey_WhileSingleSignOnIsRequired_IsRefusedAndToldWhichButton()
    {
        var email = await AdministratorWithoutSecondFactorAsync(portal);
        var page = await NewPageWithPasskeyDeviceAsync(portal);
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsync(page, email, TestData.Password);
        await AddPasskeyAsync(page, "Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await RequireSingleSignOnAsync(true);
        try
        {
            await OpenAsync(page, "/account/login", "Sign in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

            await ArriveAtAsync(page, "Sign in with a passkey");
            await Expect(ErrorSummary(page)).ToContainTextAsync(
                "Administrators sign in with their organisation account: use “Sign in with Demo organisation account” on the sign-in page.");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GotoAsync("/me");
            await ArriveAtAsync(page, "Sign in");
            portal.AssertNoPageErrors(page);
        }
        finally
        {
            // The browser tests share one portal: the next test's administrators sign in with their passwords again.
            await RequireSingleSignOnAsync(false);
        }
    }

    /// <summary>Turns the rule on or off as an administrator of every programme does at /admin/sign-in.</summary>
    private Task RequireSingleSignOnAsync(bool required) => portal.Factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var policy = await db.SignInPolicies.SingleOrDefaultAsync(p => p.Id == SignInPolicy.TheRow);
        if (policy is null)
        {
            policy = new SignInPolicy(DateTime.UtcNow);
            db.SignInPolicies.Add(policy);
        }

        var adminId = await db.Users.Where(u => u.Email == "admin@demo.test").Select(u => u.Id).SingleAsync();
        policy.RequireSingleSignOnForAdministrators(required, adminId, DateTime.UtcNow);
        await db.SaveChangesAsync();
    });
}
