using System.Net;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Resources;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Journey 8 over HTTP: resource pages per programme, rendered safely, readable by members, edited by administrators.</summary>
public sealed class ResourcesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string HostileMarkdown =
        """
        ## Before you start

        <script>alert(1)</script>

        <img src=x onerror=alert(2)>

        - [x](javascript:alert(1))
        - [mixed case](JaVaScRiPt:alert(3))
        - [entity](javascript&#58;alert(4))
        - [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)
        - [reference][bad]
        - <javascript:alert(6)>
        - [The NHS website](https://www.nhs.uk/)

        [bad]: javascript:alert(7)
        """;

    [Fact]
    public async Task Page_HostileMarkdown_IsRenderedWithoutScriptsOrJavascriptLinks()
    {
        var mentee = await factory.Data.MenteeAsync();
        var slug = "safe-" + Guid.NewGuid().ToString("N")[..8];
        await factory.Data.ResourcePageAsync("Safety check", HostileMarkdown, slug: slug);
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await client.GetAsync($"/programmes/{TestData.SharedProgrammeSlug}/resources/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = Forms.ParseHtml(html);
        var body = document.QuerySelector(".resource-page")!;
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Empty(document.QuerySelectorAll("[onerror]"));
        var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Trim()).ToList();
        Assert.DoesNotContain(hrefs, h => h.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) || h.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("javascript:alert(7)\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://www.nhs.uk/", body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Before you start", body.QuerySelector("h2")?.TextContent);
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal); // shown as text, not run
        Assert.Contains("mixed case", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" java\tscript:alert(1)", false)]
    [InlineData("VBScript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("https://example.org/a:b", true)]
    [InlineData("mailto:scheme@example.org", true)]
    [InlineData("/programmes/x/resources/faq", true)]
    [InlineData("faq#how:often", true)]
    public void IsSafe_Schemes(string url, bool safe)
    {
        Assert.Equal(safe, MarkdownRenderer.IsSafe(url));
    }

    [Fact]
    public async Task Member_ReadsListAndPage_AndTheResourcesPageListsIt()
    {
        var mentor = await factory.Data.MentorAsync();
        var slug = "handbook-" + Guid.NewGuid().ToString("N")[..8];
        await factory.Data.ResourcePageAsync("Mentor handbook for tests", "## Your role\n\nListen first.", slug: slug);
        using var client = await factory.Data.SignInAsync(mentor);

        using var list = await client.GetAsync($"/programmes/{TestData.SharedProgrammeSlug}/resources");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var link = $"/programmes/{TestData.SharedProgrammeSlug}/resources/{slug}";
        Assert.Contains(link, (await Forms.ParseHtmlAsync(list)).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));

        using var all = await client.GetAsync("/resources");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var allDocument = await Forms.ParseHtmlAsync(all);
        Assert.Contains(link, allDocument.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/resources", allDocument.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));

        using var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Forms.ParseHtmlAsync(page);
        Assert.Equal("Mentor handbook for tests", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Listen first.", document.QuerySelector(".resource-page p")?.TextContent);
    }

    [Fact]
    public async Task NonMember_GetsNotFound_AndDoesNotSeeTheProgrammeListed()
    {
        var otherProgramme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        await factory.Data.ResourcePageAsync("Members only", "Programme guidance.", otherProgramme, "faq");
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var page = await client.GetAsync($"/programmes/{otherProgramme.Slug}/resources/faq");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Programme guidance.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var list = await client.GetAsync($"/programmes/{otherProgramme.Slug}/resources");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        using var all = await client.GetAsync("/resources");
        Assert.DoesNotContain(otherProgramme.Slug, await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var missing = await client.GetAsync($"/programmes/{TestData.SharedProgrammeSlug}/resources/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreateClientNoRedirect();

        using var response = await client.GetAsync($"/programmes/{TestData.SharedProgrammeSlug}/resources");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Forms.LoginPath, response.Headers.Location!.PathOnly(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Administrator_EditsPage_AndAnAuditRowIsWritten()
    {
        var admin = await factory.Data.AdministratorAsync();
        var id = await factory.Data.ResourcePageAsync("FAQ draft", "Old text.");
        using var client = await factory.Data.SignInAsync(admin);

        using (var list = await client.GetAsync("/admin/resources"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains($"/admin/resources/{id}/edit", (await Forms.ParseHtmlAsync(list)).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        }

        using var response = await Forms.SubmitAsync(client, $"/admin/resources/{id}/edit", new Dictionary<string, string>
        {
            ["Title"] = "Frequently asked questions",
            ["Body"] = "## How often do we meet?\n\nEvery 6 to 8 weeks.",
            ["Slug"] = "tampered",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await factory.Data.QueryAsync(db => db.ResourcePages.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("Frequently asked questions", page.Title);
        Assert.StartsWith("## How often", page.BodyMarkdown, StringComparison.Ordinal);
        Assert.NotEqual("tampered", page.Slug);
        var subject = $"{TestData.SharedProgrammeSlug}/{page.Slug}";
        var audit = await factory.Data.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Subject == subject && a.Action == AuditActions.ResourcePageEdited).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("FAQ draft", entry.Before);
        Assert.Equal("Frequently asked questions", entry.After);
        Assert.NotNull(entry.ActorUserId);
    }

    [Fact]
    public async Task Administrator_CreatesPage_WithAuditRow_AndBadInputIsRefusedBesideTheField()
    {
        var admin = await factory.Data.AdministratorAsync();
        await factory.Data.SharedProgrammeAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var newPage = $"/admin/resources/new?programme={TestData.SharedProgrammeSlug}";
        var slug = "new-" + Guid.NewGuid().ToString("N")[..8];

        using (var bad = await Forms.SubmitAsync(client, newPage, new Dictionary<string, string>
        {
            ["Slug"] = "Not A Slug",
            ["Title"] = string.Empty,
            ["Body"] = "Text.",
            ["SortOrder"] = "5",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var document = await Forms.ParseHtmlAsync(bad);
            Assert.Contains("lower-case letters, digits and hyphens", document.QuerySelector("#Slug-error")?.TextContent, StringComparison.Ordinal);
            Assert.Contains("Enter a title.", document.QuerySelector("#Title-error")?.TextContent, StringComparison.Ordinal);
        }

        using (var created = await Forms.SubmitAsync(client, newPage, new Dictionary<string, string>
        {
            ["Slug"] = slug,
            ["Title"] = "Travel expenses",
            ["Body"] = "Claim through your trust.",
            ["SortOrder"] = "50",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using (var duplicate = await Forms.SubmitAsync(client, newPage, new Dictionary<string, string>
        {
            ["Slug"] = slug,
            ["Title"] = "Another",
            ["Body"] = "Text.",
            ["SortOrder"] = "60",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.Contains("already has a page at this address", (await Forms.ParseHtmlAsync(duplicate)).QuerySelector("#Slug-error")?.TextContent,
                StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.ResourcePages.CountAsync(p => p.Slug == slug)));
        var subject = $"{TestData.SharedProgrammeSlug}/{slug}";
        var entry = Assert.Single(await factory.Data.QueryAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).ToListAsync()));
        Assert.Equal(AuditActions.ResourcePageCreated, entry.Action);
        Assert.Equal("Travel expenses", entry.After);
    }

    [Theory]
    [InlineData("/admin/resources")]
    [InlineData("/admin/resources/new?programme=return-to-training")]
    public async Task Mentee_OnAdminPages_IsRefused(string path)
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
            $"A mentee got {(int)response.StatusCode} on {path}.");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400AndNothingChanges()
    {
        var admin = await factory.Data.AdministratorAsync();
        var id = await factory.Data.ResourcePageAsync("Unchanged", "Text.");
        using var client = await factory.Data.SignInAsync(admin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Changed", ["Body"] = "Changed." });

        using var response = await client.PostAsync($"/admin/resources/{id}/edit", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unchanged", await factory.Data.QueryAsync(db => db.ResourcePages.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }
}

internal static class UriPaths
{
    public static string PathOnly(this Uri uri) => uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
}
