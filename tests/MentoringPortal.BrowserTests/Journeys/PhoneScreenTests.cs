using System.Text.Json;
using System.Text.RegularExpressions;
using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// A phone is a first-class screen (WCAG 1.4.10 reflow): every page each role can reach fits a 320px and a
/// 390px wide screen without scrolling sideways, and passes axe there. The pages are found by following every
/// link from the role's start page (one page per route: ids and query strings do not make a new one), then every
/// GET route without parameters that no link led to; the routes with parameters that no link reached are
/// written to the test output. Only GET requests: these tests change nothing, so they use demo accounts that
/// other journeys use too. Mentee 7 is paired with mentor 8 (their pairing page, meetings and goals).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class PhoneScreenTests(BrowserPortal portal, ITestOutputHelper output)
{
    private const int Narrowest = 320;
    private const int Phone = 390;
    private const int MaxPagesPerRole = 150;

    public static TheoryData<string> Roles => new() { "anonymous", "mentee7@demo.test", "mentor8@demo.test", "admin@demo.test" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_FitsA320pxScreen_WithoutScrollingSideways(string role)
    {
        IPage page;
        string start;
        if (role == "anonymous")
        {
            page = await portal.NewPageAsync(new() { ViewportSize = new() { Width = Narrowest, Height = 640 } });
            start = "/";
        }
        else if (role.StartsWith("admin", StringComparison.Ordinal))
        {
            page = await portal.NewPageAsync(new() { ViewportSize = new() { Width = Narrowest, Height = 640 } });
            await OpenAsync(page, "/account/login", "Sign in");
            await SignInAsAdministratorAsync(portal, page, role);
            start = "/admin";
        }
        else
        {
            page = await portal.NewSignedInPageAsync(role);
            start = "/me";
        }

        var problems = new List<string>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            if (!visited.Add(RouteKey(url)))
            {
                continue;
            }

            foreach (var link in await CheckPageAsync(page, url, problems))
            {
                if (!visited.Contains(RouteKey(link)))
                {
                    queue.Enqueue(link);
                }
            }
        }

        // Pages that no link leads to (a form's own address, for example) are visited by their route, if this role may see them.
        var routes = GetRoutes();
        foreach (var route in routes.Where(r => r.Parameters.Count == 0 && !visited.Contains(RouteKey(r.RawText!))))
        {
            visited.Add(RouteKey(route.RawText!));
            await CheckPageAsync(page, "/" + route.RawText!.TrimStart('/'), problems);
        }

        var unreached = routes.Where(r => r.Parameters.Count > 0 && !visited.Any(key => Matches(r, key))).Select(r => r.RawText).ToList();
        output.WriteLine($"{role}: {visited.Count} routes tried; routes with parameters no link reached: {string.Join(", ", unreached)}");

        Assert.True(visited.Count >= 5, $"Only {visited.Count} pages were reached as {role}.");
        Assert.True(problems.Count == 0, $"As {role}, at {Narrowest}px and {Phone}px wide:\n  " + string.Join("\n  ", problems));
        portal.AssertNoPageErrors(page);
    }

    /// <remarks>
    /// With JavaScript switched off the page runs no script at all, axe included, so axe and the width check
    /// run on the same page with JavaScript on (the test above visits /mentors as everyone).
    /// </remarks>
    [Fact]
    public async Task DirectoryFilters_FoldBehindAFilterButton_ThatWorksWithoutJavaScript()
    {
        var page = await portal.NewPageAsync(new() { ViewportSize = new() { Width = Narrowest, Height = 640 }, JavaScriptEnabled = false });
        await page.GotoAsync("/mentors");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Find a mentor" })).ToBeVisibleAsync();

        var filter = page.Locator("details.filter-panel");
        var specialty = page.GetByLabel("Specialty", new() { Exact = true });
        await Expect(filter).Not.ToHaveAttributeAsync("open", Pattern(".*"));
        await Expect(specialty).ToBeHiddenAsync();
        var firstMentor = await page.Locator(".result h3 a").First.BoundingBoxAsync();
        Assert.NotNull(firstMentor);
        Assert.True(firstMentor.Y < 640, $"The first mentor is {firstMentor.Y}px down a 640px high phone screen.");

        await filter.Locator("summary").ClickAsync();
        await Expect(specialty).ToBeVisibleAsync();
        await specialty.SelectOptionAsync(Demo.Specialty);
        await page.GetByLabel("Only mentors accepting mentees now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show mentors" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Pattern("/mentors\\?.*specialty=Emergency(\\+|%20)medicine"));
        Assert.Contains("accepting=true", page.Url, StringComparison.Ordinal);
        await Expect(filter).ToHaveAttributeAsync("open", Pattern(".*"));
        await Expect(filter.Locator("summary")).ToContainTextAsync("2 filters on");
        await Expect(specialty).ToHaveValueAsync(Demo.Specialty);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor18.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor3.Name })).ToHaveCountAsync(0);

        var withScript = await portal.NewPageAsync(new() { ViewportSize = new() { Width = Narrowest, Height = 640 } });
        await OpenAsync(withScript, new Uri(page.Url).PathAndQuery, "Find a mentor");
        Assert.Equal(0, await HorizontalOverflowAsync(withScript));
        portal.AssertNoPageErrors(withScript);
    }

    /// <summary>Opens the page and checks it at both widths; returns the same-site links on it.</summary>
    private async Task<IReadOnlyList<string>> CheckPageAsync(IPage page, string url, List<string> problems)
    {
        // Asked first without the browser: a page this role may not see (403, or a redirect to sign in) or a
        // download is not a page to check, and the browser would log its status as a console error.
        var answer = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
        if (answer.Status != 200 || !(answer.Headers.GetValueOrDefault("content-type") ?? string.Empty).StartsWith("text/html", StringComparison.Ordinal))
        {
            if (answer.Status >= 400 && answer.Status != 403)
            {
                output.WriteLine($"{url} answered {answer.Status}");
            }

            return [];
        }

        await page.SetViewportSizeAsync(Narrowest, 640);
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {url} answered {response.Status}.");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var path = new Uri(page.Url).PathAndQuery;
        if (await HorizontalOverflowAsync(page) is > 0 and var overflow)
        {
            problems.Add($"{path}: {overflow}px too wide at {Narrowest}px ({await WidestElementsAsync(page)})");
        }

        foreach (var violation in await Accessibility.FindViolationsAsync(page))
        {
            problems.Add($"{path}: axe {violation.Id} ({violation.Help})");
        }

        await page.SetViewportSizeAsync(Phone, 800);
        if (await HorizontalOverflowAsync(page) is > 0 and var phoneOverflow)
        {
            problems.Add($"{path}: {phoneOverflow}px too wide at {Phone}px ({await WidestElementsAsync(page)})");
        }

        var origin = portal.BaseAddress.GetLeftPart(UriPartial.Authority);
        var hrefs = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('a[href]:not([download])'), a => a.href)");
        return hrefs
            .Where(href => href.StartsWith(origin + "/", StringComparison.Ordinal))
            .Select(href => href[origin.Length..].Split('#')[0])
            .Where(href => href.Length > 0 && !FileLike().IsMatch(href.Split('?')[0]))
            .ToList();
    }

    private static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    private static async Task<string> WidestElementsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            """
            () => {
              const width = document.documentElement.clientWidth;
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
              return JSON.stringify(Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(-4)
                .map(e => name(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right) + 'px'));
            }
            """);
        return string.Join("; ", JsonSerializer.Deserialize<string[]>(json) ?? []);
    }

    private List<RoutePattern> GetRoutes() =>
        portal.Factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText is { } raw && !raw.StartsWith("health", StringComparison.Ordinal)
                && !raw.StartsWith("/health", StringComparison.Ordinal) && !raw.Contains("error", StringComparison.Ordinal)
                && !FileLike().IsMatch(raw))
            .DistinctBy(p => p.RawText)
            .ToList();

    /// <summary>One page per route: numbers in the path stand for any id, and the query string is left out.</summary>
    private static string RouteKey(string url) =>
        Number().Replace(url.Split('?')[0].Split('#')[0].TrimEnd('/'), "/{n}") is { Length: > 0 } key ? key : "/";

    private static bool Matches(RoutePattern route, string key)
    {
        var segments = key.Trim('/').Split('/');
        return route.PathSegments.Count == segments.Length
            && route.PathSegments.Select((segment, i) => !segment.IsSimple || segment.Parts[0] is not RoutePatternLiteralPart literal
                || string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase)).All(match => match);
    }

    [GeneratedRegex(@"/\d+(?=/|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Number();

    [GeneratedRegex(@"\.[A-Za-z0-9]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileLike();
}
