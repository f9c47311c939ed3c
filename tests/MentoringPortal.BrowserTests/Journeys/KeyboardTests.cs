using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Forms completed with the keyboard only (Tab, Shift+Tab, arrows, Space, Enter and typing; no clicks),
/// with the focus visible on every element it reaches. Uses mentee10, who asks mentor22.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class KeyboardTests(BrowserPortal portal)
{
    [Fact]
    public async Task Trainee_SignsIn_AndContactsAMentor_WithTheKeyboardOnly()
    {
        var page = await portal.NewPageAsync();
        var keyboard = page.Keyboard;
        await OpenAsync(page, "/account/login", "Sign in");

        // The first Tab reaches the skip link, and Enter moves the focus to the main content.
        await keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // Sign in.
        var email = page.GetByLabel("Email address");
        await TabToAsync(page, email, maxPresses: 1);
        await keyboard.TypeAsync(Demo.Mentee10.Email);
        var password = page.GetByLabel("Password", new() { Exact = true });
        await TabToAsync(page, password, maxPresses: 1);
        await keyboard.TypeAsync(BrowserPortal.DemoPassword);
        var remember = page.GetByLabel("Keep me signed in on this device");
        await TabToAsync(page, remember, maxPresses: 1);
        await keyboard.PressAsync("Space");
        await Expect(remember).ToBeCheckedAsync();
        await keyboard.PressAsync("Space");
        await Expect(remember).Not.ToBeCheckedAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }), maxPresses: 1);
        await keyboard.PressAsync("Enter");
        await ArriveAtAsync(page, "My mentoring");

        // Find the mentor: search typed into the directory's address, then Tab to the result and Enter.
        await OpenAsync(page, "/mentors?q=Kavya+Gallagher", "Find a mentor");
        var result = CardOf(page, Demo.Mentor22.Name).GetByRole(AriaRole.Link, new() { Name = Demo.Mentor22.Name });
        await TabToAsync(page, result);
        await keyboard.PressAsync("Enter");
        await ArriveAtAsync(page, Demo.Mentor22.Name);

        // Send the empty form: the error summary's link takes the focus to the field.
        var message = page.GetByLabel($"Your message to {Demo.Mentor22.Name}");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send request" });
        await TabToAsync(page, send);
        await keyboard.PressAsync("Enter");
        var errorLink = await ExpectFieldErrorAsync(page, message, "Write a short message to the mentor.");
        await TabToAsync(page, errorLink);
        await keyboard.PressAsync("Enter");
        await Expect(message).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);

        // Write the message, choose how to meet with the arrow keys, check Shift+Tab goes back, and send.
        const string text = "I am returning to obstetrics after a career break and would like help planning my first months back.";
        await keyboard.TypeAsync(text);
        var noPreference = page.GetByRole(AriaRole.Radio, new() { Name = "No preference" });
        var faceToFace = page.GetByRole(AriaRole.Radio, new() { Name = "Face to face" });
        await TabToAsync(page, noPreference, maxPresses: 1);
        await Expect(noPreference).ToBeCheckedAsync();
        await keyboard.PressAsync("ArrowDown");
        await Expect(faceToFace).ToBeFocusedAsync();
        await Expect(faceToFace).ToBeCheckedAsync();
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Shift+Tab");
        await Expect(message).ToBeFocusedAsync();
        await Expect(message).ToHaveValueAsync(text);
        await keyboard.PressAsync("Tab");
        await Expect(faceToFace).ToBeFocusedAsync();
        await TabToAsync(page, send, maxPresses: 1);
        await keyboard.PressAsync("Enter");

        await ExpectSuccessAsync(page, $"Your request has been sent to {Demo.Mentor22.Name}.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor22.Name }) });
        await Expect(row).ToContainTextAsync("Waiting for an answer");

        portal.AssertNoPageErrors(page);
    }
}
