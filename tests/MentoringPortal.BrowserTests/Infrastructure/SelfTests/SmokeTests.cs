using Microsoft.Playwright;

namespace MentoringPortal.BrowserTests.Infrastructure.SelfTests;

/// <summary>The portal runs on Kestrel, Chromium reaches it, and the accessibility check works.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SmokeTests(BrowserPortal portal)
{
    [Fact]
    public async Task HealthLive_OpensInTheBrowser()
    {
        var page = await portal.NewPageAsync();

        var response = await page.GotoAsync("/health/live");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Home_HasNoAccessibilityViolations()
    {
        var page = await portal.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Accessibility.AssertNoViolationsAsync(page);
        portal.AssertNoPageErrors(page);
    }
}

/// <summary>The demo data is seeded and its accounts can sign in through the real login form.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DemoSignInTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(BrowserPortal.DemoMentee)]
    [InlineData(BrowserPortal.DemoMentor)]
    public async Task DemoAccount_SignsIn_AndLeavesTheLoginPage(string email)
    {
        var page = await portal.NewSignedInPageAsync(email);

        Assert.DoesNotContain("/account/login", page.Url, StringComparison.OrdinalIgnoreCase);
        portal.AssertNoPageErrors(page);
    }
}

/// <summary>
/// axe-core is injected and runs on a page whose Content-Security-Policy forbids inline scripts and
/// eval (as the app's does), without switching the CSP off.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityCheckTests(BrowserPortal portal)
{
    private const string StrictCsp = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

    [Fact]
    public async Task AssertNoViolations_AccessiblePageUnderStrictCsp_Passes()
    {
        var page = await OpenAsync("<main><h1>Hello</h1><p>Fine.</p></main>");

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AssertNoViolations_ImageWithoutAltUnderStrictCsp_FailsWithRuleAndTarget()
    {
        var page = await OpenAsync("<main><h1>Hello</h1><img src=\"/missing.png\" class=\"portrait\"></main>");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", error.Message, StringComparison.Ordinal);
        Assert.Contains("portrait", error.Message, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/missing.png\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrictCsp_StaysEnforced_AndInlineScriptIsReported()
    {
        var page = await OpenAsync("<main><h1>Hello</h1></main><script>document.title = 'inline script ran';</script>");

        Assert.Equal("CSP test", await page.TitleAsync());
        Assert.ThrowsAny<Exception>(() => portal.AssertNoPageErrors(page));
    }

    private async Task<IPage> OpenAsync(string body)
    {
        var page = await portal.NewPageAsync();
        var html = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CSP test</title></head><body>{body}</body></html>";
        await page.RouteAsync("http://csp.test/**", route => route.Request.Url.EndsWith('/')
            ? route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html",
                Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Content-Security-Policy"] = StrictCsp },
                Body = html,
            })
            : route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        await page.GotoAsync("http://csp.test/");
        return page;
    }
}
