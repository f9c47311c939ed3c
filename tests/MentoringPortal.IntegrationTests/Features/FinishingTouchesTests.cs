using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentoringPortal.IntegrationTests.Infrastructure;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// What a checker notices (issue 12): the icons and the web manifest, served with caching; robots.txt; a meta
/// description on the public pages; the directory's folded filters; one UK example for every date field.
/// </summary>
public sealed partial class FinishingTouchesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/icons/icon.svg", "image/svg+xml")]
    [InlineData("/icons/icon-32.png", "image/png")]
    [InlineData("/icons/icon-192.png", "image/png")]
    [InlineData("/icons/icon-512.png", "image/png")]
    [InlineData("/icons/apple-touch-icon.png", "image/png")]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    [InlineData("/robots.txt", "text/plain")]
    public async Task Icons_Manifest_AndRobots_AreStaticFiles_KeptForADay(string url, string contentType)
    {
        using var client = portal.CreateClientNoRedirect();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Manifest_NamesThePortal_WithIconsOf192And512Pixels()
    {
        using var client = portal.CreateClientNoRedirect();

        using var manifest = JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest"));

        var root = manifest.RootElement;
        Assert.Equal("Mentoring portal", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("#0b4f9c", root.GetProperty("theme_color").GetString());
        Assert.Equal("#ffffff", root.GetProperty("background_color").GetString());
        var sizes = root.GetProperty("icons").EnumerateArray().Select(icon => icon.GetProperty("sizes").GetString()).ToList();
        Assert.Contains("192x192", sizes);
        Assert.Contains("512x512", sizes);
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            using var response = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task VersionedStylesheet_IsKeptForAYear_AndCompressed_ButPagesAreNotCompressed()
    {
        using var client = portal.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(stylesheet);
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var css = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        css.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var cssResponse = await client.SendAsync(css);
        Assert.Equal("public, max-age=31536000, immutable", cssResponse.Headers.CacheControl?.ToString());
        Assert.Contains("gzip", cssResponse.Content.Headers.ContentEncoding);

        // A page carries an antiforgery token beside text a visitor chooses: compressing it would open it to BREACH.
        using var html = new HttpRequestMessage(HttpMethod.Get, "/mentors?q=anything");
        html.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var htmlResponse = await client.SendAsync(html);
        Assert.Empty(htmlResponse.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/mentors")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task PublicPages_HaveADescription_ThemeColour_IconsAndManifest(string url)
    {
        using var client = portal.CreateClientNoRedirect();

        var page = await Forms.ParseHtmlAsync(await client.GetAsync(url));

        var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
        Assert.False(string.IsNullOrWhiteSpace(description), $"{url} has no meta description.");
        Assert.InRange(description!.Length, 50, 160);
        Assert.Equal("#0b4f9c", page.QuerySelector("meta[name=theme-color]")?.GetAttribute("content"));
        Assert.Equal("/manifest.webmanifest", page.QuerySelector("link[rel=manifest]")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("link[rel=icon][href='/favicon.ico']"));
        Assert.NotNull(page.QuerySelector("link[rel=icon][type='image/svg+xml']"));
    }

    [Fact]
    public async Task MentorProfile_IsDescribedByTheirSpecialtyAndExpertise_Encoded()
    {
        // A portal of its own: the directory caches the programmes, and the other tests here have opened it already.
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions());
        var programme = await factory.Data.ProgrammeAsync();
        const string expertise = "Returning after leave <script>alert(\"x\")</script> & rota \"design\"";
        var mentor = await factory.Data.MentorAsync(programme, specialty: "Paediatrics", expertise: expertise);
        using var client = factory.CreateClientNoRedirect();

        using var response = await client.GetAsync($"/mentors/{mentor.Id}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
        Assert.NotNull(description);
        Assert.StartsWith(mentor.Name, description, StringComparison.Ordinal);
        Assert.Contains("Paediatrics", description, StringComparison.Ordinal);
        Assert.Contains("Expertise: " + expertise, description, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryFilters_AreFolded_UntilOneIsOn_ThenOpenWithTheirCount()
    {
        using var client = portal.CreateClientNoRedirect();

        var plain = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors"));
        var panel = plain.QuerySelector("form[action='/mentors'] details.filter-panel");
        Assert.NotNull(panel);
        Assert.False(panel.HasAttribute("open"));
        Assert.Equal("Filter", panel.QuerySelector("summary")?.TextContent.Trim());
        foreach (var name in new[] { "specialty", "region", "background", "mode", "accepting", "sort" })
        {
            Assert.NotNull(panel.QuerySelector($"[name={name}]"));
        }

        Assert.NotNull(plain.QuerySelector("form[action='/mentors'] > .field input[name=q]"));

        var filtered = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?specialty=Paediatrics&region=London&accepting=true"));
        var open = filtered.QuerySelector("details.filter-panel");
        Assert.NotNull(open);
        Assert.True(open.HasAttribute("open"));
        Assert.Contains("3 filters on", open.QuerySelector("summary")?.TextContent, StringComparison.Ordinal);

        var sorted = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?sort=name"));
        Assert.True(sorted.QuerySelector("details.filter-panel")?.HasAttribute("open"));
        Assert.Null(sorted.QuerySelector("details.filter-panel .filter-count"));
    }

    /// <summary>Every date field in every view (other engineers' new forms included) has a hint with a UK example.</summary>
    [Fact]
    public void EveryDateField_HasAHint_WithAUkExample()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "MentoringPortal.Web", "Features");
        var problems = new List<string>();
        var views = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var text = File.ReadAllText(view);
            foreach (Match input in DateInput().Matches(text))
            {
                var id = IdAttribute().Match(input.Value).Groups["id"].Value;
                var hint = Regex.Match(text, $"<span class=\"hint\" id=\"{Regex.Escape(id)}-hint\">(?<text>[^<]*)</span>", RegexOptions.None, TimeSpan.FromSeconds(1));
                var tied = input.Value.Contains($"aria-describedby=\"{id}-hint\"", StringComparison.Ordinal) || input.Value.Contains("hint=\"true\"", StringComparison.Ordinal);
                if (!hint.Success || !UkExample().IsMatch(hint.Groups["text"].Value) || !tied)
                {
                    problems.Add($"{Path.GetRelativePath(features, view)}: #{id}");
                }
            }
        }

        Assert.True(problems.Count == 0, "Date fields without a hint \"For example, 27/03/2027\" tied to them:\n" + string.Join('\n', problems));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MentoringPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("MentoringPortal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("<input [^>]*type=\"date\"[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateInput();

    [GeneratedRegex("id=\"(?<id>[^\"]+)\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"For example, \d{1,2}/\d{2}/\d{4}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UkExample();
}
