using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 10 in the browser: a person sees where they are signed in, signs the other device out, and changes their
/// password (a common one is refused). Only this class uses mentor31, whose password it changes.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AccountSecurityTests(BrowserPortal portal)
{
    private const string Email = "mentor31@demo.test";
    private const string NewPassword = "a heron waits by the canal lock";

    [Fact]
    public async Task Person_SignsOutTheirOtherDevice_ThenChangesTheirPassword()
    {
        var laptop = await portal.NewSignedInPageAsync(Email);
        var phone = await portal.NewSignedInPageAsync(Email);

        // The sessions page, from the home page: two sessions, this one marked.
        await OpenAsync(laptop, "/me", "My mentoring");
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Where you are signed in" }).ClickAsync();
        await ArriveAtAsync(laptop, "Where you are signed in");
        var rows = laptop.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3); // the header and two sessions
        await Expect(laptop.GetByRole(AriaRole.Table)).ToContainTextAsync("(this device)");

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out of every other session" }).ClickAsync();
        await ExpectSuccessAsync(laptop, "You have been signed out of 1 other session.");
        await Expect(rows).ToHaveCountAsync(2);

        // The other device is signed out at its next page.
        await phone.GotoAsync("/me");
        await ArriveAtAsync(phone, "Sign in");

        // A common password is refused beside the field; a good one is taken and the person stays signed in here.
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).First.ClickAsync();
        await ArriveAtAsync(laptop, "Change your password");
        await laptop.GetByLabel("Current password").FillAsync(BrowserPortal.DemoPassword);
        await laptop.GetByLabel("New password", new() { Exact = true }).FillAsync("Password1234");
        await laptop.GetByLabel("Confirm new password").FillAsync("Password1234");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await ExpectFieldErrorAsync(laptop, laptop.GetByLabel("New password", new() { Exact = true }),
            "This password is on a list of common or breached passwords, so it is easy to guess. Choose another: three or four random words work well.");

        await laptop.GetByLabel("Current password").FillAsync(BrowserPortal.DemoPassword);
        await laptop.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await laptop.GetByLabel("Confirm new password").FillAsync(NewPassword);
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await ExpectSuccessAsync(laptop, "Your password has been changed.");
        await ArriveAtAsync(laptop, "Where you are signed in");

        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(Email) && m.Subject.Contains("password has been changed", StringComparison.Ordinal));
        Assert.DoesNotContain(NewPassword, email.TextBody, StringComparison.Ordinal);

        await SignInAsync(phone, Email, NewPassword);
        portal.AssertNoPageErrors(laptop);
        portal.AssertNoPageErrors(phone);
    }
}
