using System.Text.Json;
using System.Text.RegularExpressions;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>What a person sees and does on the portal's pages, as steps shared by the journeys.</summary>
public static class Steps
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A regular expression for locators and expectations (with a timeout, as every regex here has).</summary>
    public static Regex Pattern(string pattern) =>
        new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); // Playwright passes the pattern to JavaScript: only its i, m and s flags.

    /// <summary>Waits until the page with this h1 has loaded, then runs axe on it.</summary>
    public static async Task ArriveAtAsync(IPage page, string heading)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading, Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Opens a URL as if typed in the address bar, then checks the page's h1 and runs axe.</summary>
    public static async Task OpenAsync(IPage page, string url, string heading)
    {
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {url} answered {response.Status}.");
        await ArriveAtAsync(page, heading);
    }

    /// <summary>Follows a link of the main navigation and checks where it leads.</summary>
    public static async Task FollowNavigationAsync(IPage page, string link, string heading)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await ArriveAtAsync(page, heading);
    }

    /// <summary>The green notice a page shows after a form was saved (role=status).</summary>
    public static ILocator SuccessNotice(IPage page) => page.GetByRole(AriaRole.Status);

    /// <summary>Waits for the success notice of a redirect after a POST, then runs axe on the new page.</summary>
    public static async Task ExpectSuccessAsync(IPage page, string text)
    {
        await Expect(SuccessNotice(page)).ToContainTextAsync(text);
        await page.WaitForLoadStateAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>The error summary at the top of a form that was sent back ("There is a problem").</summary>
    public static ILocator ErrorSummary(IPage page) =>
        page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }) });

    /// <summary>
    /// Checks a form sent back with an error on one field: the summary lists the message as a link to the
    /// field, the message is written beside the field (its accessible description) and the field is marked
    /// invalid; axe runs on the page. Returns the summary's link. For a group of radios or checkboxes,
    /// pass the group (a fieldset): the link goes to its first input and the group is described by the message.
    /// </summary>
    public static async Task<ILocator> ExpectFieldErrorAsync(IPage page, ILocator field, string message, bool fieldIsGroup = false)
    {
        var summary = ErrorSummary(page);
        await Expect(summary).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = message, Exact = true });
        await Expect(link).ToBeVisibleAsync();

        var target = fieldIsGroup ? field.Locator("input").First : field;
        var id = await target.GetAttributeAsync("id");
        Assert.False(string.IsNullOrEmpty(id), "The field with the error has no id, so the summary cannot link to it.");
        await Expect(link).ToHaveAttributeAsync("href", "#" + id);

        // Beside the field: the message element that the field points at with aria-describedby.
        var beside = page.Locator($"[id='{id}-error']");
        await Expect(beside).ToBeVisibleAsync();
        await Expect(beside).ToContainTextAsync(message);
        if (fieldIsGroup)
        {
            await Expect(field).ToHaveAttributeAsync("aria-describedby", Pattern($@"(^|\s){Regex.Escape(id!)}-error(\s|$)"));
        }
        else
        {
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(field).ToHaveAccessibleDescriptionAsync(Pattern(Regex.Escape(message)));
        }

        await Accessibility.AssertNoViolationsAsync(page);
        return link;
    }

    /// <summary>Follows an error summary's link and checks that it puts the focus in the field.</summary>
    public static async Task FollowErrorLinkAsync(ILocator link, ILocator field)
    {
        await link.FocusAsync();
        await Expect(link).ToBeFocusedAsync();
        await link.ClickAsync();
        await Expect(field).ToBeFocusedAsync();
    }

    /// <summary>The results section of the directory ("N mentors found").</summary>
    public static ILocator Results(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = Pattern(@"^[\d,]+ mentors? found$") });

    /// <summary>One card per mentor on the current page of results.</summary>
    public static ILocator ResultCards(IPage page) =>
        Results(page).GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 3 }) });

    /// <summary>The card of the mentor with this name.</summary>
    public static ILocator CardOf(IPage page, string name) =>
        ResultCards(page).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = name, Exact = true }) });

    /// <summary>Searches the directory for the words, with the filters as they are, and checks the results page.</summary>
    public static async Task SearchDirectoryAsync(IPage page, string words)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(words);
        await ShowMentorsAsync(page);
    }

    /// <summary>Sends the directory's search form and waits for its results.</summary>
    public static async Task ShowMentorsAsync(IPage page)
    {
        var url = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Show mentors" }).ClickAsync();
        await page.WaitForURLAsync(u => !string.Equals(u, url, StringComparison.Ordinal));
        await ArriveAtAsync(page, "Find a mentor");
        await Expect(Results(page)).ToBeVisibleAsync();
    }

    /// <summary>Signs in through the login form: fill the fields by their labels, press the button.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "My mentoring");
    }

    /// <summary>
    /// Signs in as an administrator: password, then the second step (checked with axe), completed with a fresh recovery code.
    /// </summary>
    public static async Task SignInAsAdministratorAsync(BrowserPortal portal, IPage page, string email)
    {
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserPortal.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, "Enter the code from your authenticator app");
        await portal.CompleteSecondStepAsync(page, email);
        await ArriveAtAsync(page, "My mentoring");
    }

    /// <summary>A new administrator (of every programme) with a password and no second factor yet; returns their address.</summary>
    public static Task<string> AdministratorWithoutSecondFactorAsync(BrowserPortal portal) => portal.Factory.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var email = Unique.Email("new-admin");
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New administrator", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Administrator);
        return email;
    });

    /// <summary>A page whose browser has a passkey device: Chromium's virtual authenticator, which verifies the user at once.</summary>
    public static async Task<IPage> NewPageWithPasskeyDeviceAsync(BrowserPortal portal)
    {
        // WebAuthn needs a domain, not an IP address, as the relying party: the same server as "localhost".
        var page = await portal.NewPageAsync(new BrowserNewContextOptions { BaseURL = $"http://localhost:{portal.BaseAddress.Port}/" });
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    /// <summary>Adds a passkey from the signed-in person's security page, named <paramref name="name"/>.</summary>
    public static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.GotoAsync("/me/security");
        await ArriveAtAsync(page, "Sign-in security");
        await page.GetByLabel("Name for this passkey").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await ArriveAtAsync(page, "Sign-in security");
        await Expect(page.Locator("main")).ToContainTextAsync($"Passkey “{name}” added");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, checking that every element on the way shows it.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 25)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{maxPresses} presses of Tab did not reach {target}; the focus is on {(await FocusAsync(page)).Element}.");
    }

    /// <summary>Fails unless the focused element shows a focus indicator (an outline or a box shadow).</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var focus = await FocusAsync(page);
        Assert.True(focus.IsVisible,
            $"The focused element shows no focus indicator (outline {focus.OutlineStyle} {focus.OutlineWidth}, box-shadow {focus.BoxShadow}): {focus.Element}");
    }

    /// <summary>The focused element and the styles that make its focus visible.</summary>
    public static async Task<FocusStyle> FocusAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            """
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) {
                return JSON.stringify({ element: '(nothing: the body)', outlineStyle: 'none', outlineWidth: '0px', boxShadow: 'none' });
              }
              const s = getComputedStyle(e);
              return JSON.stringify({ element: e.outerHTML.slice(0, 160), outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow });
            }
            """);
        return JsonSerializer.Deserialize<FocusStyle>(json, JsonOptions)!;
    }
}

/// <summary>The focused element (its HTML, shortened) and its computed focus styles.</summary>
public sealed record FocusStyle(string Element, string OutlineStyle, string OutlineWidth, string BoxShadow)
{
    public bool IsVisible =>
        (!string.Equals(OutlineStyle, "none", StringComparison.Ordinal) && !OutlineWidth.StartsWith('0'))
        || (!string.IsNullOrEmpty(BoxShadow) && !string.Equals(BoxShadow, "none", StringComparison.Ordinal));
}
