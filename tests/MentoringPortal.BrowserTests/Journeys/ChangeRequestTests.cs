using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>A mentee asks the scheme, in confidence, for a change of mentor (mentee3, paired with mentor3).</summary>
[Collection(BrowserSuite.Name)]
public sealed class ChangeRequestTests(BrowserPortal portal)
{
    [Fact]
    public async Task Mentee_AsksForAChangeInConfidence()
    {
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsync(page, "mentee3@demo.test", BrowserPortal.DemoPassword);

        var pairingLink = page.GetByRole(AriaRole.Link, new() { Name = "Open the pairing page" }).First;
        var pairingPath = await pairingLink.GetAttributeAsync("href");
        Assert.NotNull(pairingPath);
        await OpenAsync(page, pairingPath + "/change", "Ask the scheme for a change");
        await Expect(page.GetByText("is not told until an administrator acts")).ToBeVisibleAsync();

        // Nothing written: the error is beside the field, and nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the scheme in confidence" }).ClickAsync();
        await ExpectFieldErrorAsync(page, page.GetByLabel("What is not working?"), "Tell the scheme, in a few words, what is not working.");

        await page.GetByLabel("What is not working?").FillAsync("We have not managed to find times to meet, and I would like someone closer to home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the scheme in confidence" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your request has been sent to the scheme, in confidence.");
        await Expect(page.GetByText("You asked the scheme for a change on")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }
}
