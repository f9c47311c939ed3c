using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The directory on the SQLite default with the demo data: the same mentors first, FTS5 search, seek paging.</summary>
public sealed class DirectorySqliteTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task DemoData_FirstPage_ShowsTheSameMentorsAsTheRuleBeforeStoredState()
    {
        // The directory's order before issue 13, written out from the live rule: listed today in a programme whose mentees
        // choose, contactable first, then by name and id.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = await portal.Data.QueryAsync(async db => (await db.Mentors
                .Where(Mentor.ListedOn(today))
                .Where(m => m.Programmes.Any(p => p.MatchingMode == MatchingMode.MenteeChooses))
                .Select(m => new
                {
                    m.Id,
                    m.DisplayName,
                    Contactable = (m.Status == AvailabilityStatus.Accepting || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
                        && m.ActiveMenteeCount < m.Capacity,
                })
                .ToListAsync())
            .OrderByDescending(m => m.Contactable).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id)
            .Take(20).Select(m => m.DisplayName).ToList());

        using var client = portal.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors"));

        Assert.Equal(expected, page.QuerySelectorAll(".result h3").Select(h => h.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task Maternity_FindsMentorsWhoWroteParentalLeave_BestMatchFirst()
    {
        using var client = portal.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=maternity"));

        var results = page.QuerySelectorAll(".result");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains("parental leave", r.TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(results, r => r.TextContent.Contains("maternity", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EditedProfile_IsFoundByItsNewWords_AtOnce()
    {
        var mentorId = await portal.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var mentor = await db.Mentors.Where(m => m.DirectoryState == DirectoryState.Accepting).OrderBy(m => m.Id).FirstAsync();
            mentor.UpdateProfile(new MentorProfile(mentor.DisplayName, mentor.Specialty, mentor.Grade, mentor.Region, mentor.Background,
                mentor.Organisation, mentor.Expertise, "I keep bees, and I have mentored many trainees through apiculture-sized worries.",
                mentor.MeetingModes));
            await db.SaveChangesAsync();
            return mentor.Id;
        });

        using var client = portal.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=apiculture"));

        var result = Assert.Single(page.QuerySelectorAll(".result"));
        Assert.Equal($"/mentors/{mentorId}", result.QuerySelector("h3 a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task NextAndPrevious_ReadOnByCursor_TheSameCardsAsPageNumbers()
    {
        using var client = portal.CreateClientNoRedirect();
        foreach (var sort in new[] { "availability", "name", "places", "newest" })
        {
            var first = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort={sort}"));
            var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.NotNull(next);
            Assert.Contains("after=", next, StringComparison.Ordinal);

            var byCursor = await Forms.ParseHtmlAsync(await client.GetAsync(next));
            var byNumber = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort={sort}&page=2"));
            Assert.Equal(Names(byNumber), Names(byCursor));
            Assert.Equal("2", byCursor.QuerySelector("[aria-current=page]")?.TextContent.Replace("Page", string.Empty, StringComparison.Ordinal).Trim());
        }
    }

    [Fact]
    public async Task StopWords_AreLeftOutOfTheSearch()
    {
        using var client = portal.CreateClientNoRedirect();
        var withStopWords = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership+and+the+management"));
        var without = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership+management"));

        var ids = Ids(without);
        Assert.NotEmpty(ids);
        Assert.Equal(ids, Ids(withStopWords));
    }

    [Fact]
    public async Task NarrowFilterWithNoMatch_SaysNoneFound()
    {
        using var client = portal.CreateClientNoRedirect();
        var html = await client.GetStringAsync("/mentors?q=zzzznotaword&specialty=Cardiology&accepting=true&sort=places");

        Assert.Contains("0 mentors found", html, StringComparison.Ordinal);
        Assert.Contains("No mentors match your search", html, StringComparison.Ordinal);
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".result h3").Select(h => h.TextContent.Trim()).ToList();

    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".result h3 a").Select(a => a.GetAttribute("href")!).ToList();
}
