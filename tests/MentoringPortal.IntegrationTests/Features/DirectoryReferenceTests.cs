using System.Globalization;
using AngleSharp.Dom;
using MentoringPortal.DirectoryReference;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The load benchmark's raw reference (bench/MentoringPortal.DirectoryReference) answers the same query as the portal's
/// directory: on the same data, the same count and the same mentors in the same order for every sort, filter and page.
/// Otherwise the side-by-side figures in docs/performance.md would compare different work.
/// </summary>
public sealed class DirectoryReferenceTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int MentorCount = 1_500;
    private const int OtherCount = 5;
    private const string OtherSlug = "reference-other";

    private WebApplication? _reference;
    private HttpClient? _referenceClient;

    public async Task InitializeAsync()
    {
        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            if (await db.Programmes.AnyAsync(p => p.Slug == OtherSlug))
            {
                return;
            }

            // Before the first page is asked for, so the portal's cached list of programmes has them all. Mentors only in a
            // programme where the scheme matches are never listed; those only in "other" are listed when it is chosen.
            var shared = await db.Programmes.SingleAsync(p => p.Id == programmeId);
            var matched = new Programme("Matched by the scheme", "reference-matched", "Matched.", MatchingMode.SchemeMatches);
            var other = new Programme("Other programme", OtherSlug, "Chosen.", MatchingMode.MenteeChooses);
            await db.Programmes.AddRangeAsync(matched, other);
            var now = DateTime.UtcNow;
            foreach (var (programme, count) in new[] { (shared, MentorCount), (matched, 40), (other, OtherCount) })
            {
                foreach (var mentor in DirectoryData.Mentors(count, now))
                {
                    mentor.JoinProgramme(programme, DateOnly.FromDateTime(now));
                    await db.Mentors.AddAsync(mentor);
                }
            }

            await db.SaveChangesAsync();
        });

        _reference = DirectoryReferenceApp.Create(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Portal={factory.ConnectionString}"]);
        await _reference.StartAsync();
        _referenceClient = new HttpClient { BaseAddress = new Uri(_reference.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _referenceClient?.Dispose();
        if (_reference is not null)
        {
            await _reference.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/mentors")]
    [InlineData("/mentors?sort=availability&page=2")]
    [InlineData("/mentors?sort=name")]
    [InlineData("/mentors?sort=places")]
    [InlineData("/mentors?sort=newest")]
    [InlineData("/mentors?q=leadership")]
    [InlineData("/mentors?q=Parental+LEAVE&sort=name&page=2")]
    [InlineData("/mentors?q=maternity")]
    [InlineData("/mentors?q=leadership+and+management")]
    [InlineData("/mentors?q=leadership+management&sort=places&page=2")]
    [InlineData("/mentors?q=Leadership&region=London")]
    [InlineData("/mentors?q=burnout+experience&accepting=true")]
    [InlineData("/mentors?q=exams&page=3")]
    [InlineData("/mentors?q=LTFT&accepting=true&sort=name")]
    [InlineData("/mentors?accepting=true&sort=name&page=3")]
    [InlineData("/mentors?specialty=Cardiology&accepting=true&mode=Video")]
    [InlineData("/mentors?region=London&background=International+medical+graduate&sort=places")]
    [InlineData("/mentors?sort=name&page=9999")]
    [InlineData("/mentors?page=oops&sort=unknown&mode=nonsense&accepting=maybe")]
    public async Task Reference_ListsTheSameMentorsAndCountAsThePortal(string url)
    {
        using var client = factory.CreateClientNoRedirect();
        var portal = await PageAsync(client, url);
        var reference = await PageAsync(_referenceClient!, url);

        Assert.NotEmpty(portal.Ids);
        Assert.Equal(portal.Total, reference.Total);
        Assert.Equal(portal.Ids, reference.Ids);
    }

    [Fact]
    public async Task Reference_ProgrammeFilter_ListsOnlyThatProgrammesMentors()
    {
        var otherId = await factory.Data.QueryAsync(db => db.Programmes.Where(p => p.Slug == OtherSlug).Select(p => p.Id).SingleAsync());
        var url = $"/mentors?programme={otherId}&sort=name";

        using var client = factory.CreateClientNoRedirect();
        var portal = await PageAsync(client, url);
        var reference = await PageAsync(_referenceClient!, url);

        Assert.Equal(OtherCount, portal.Total);
        Assert.Equal(portal.Total, reference.Total);
        Assert.Equal(portal.Ids, reference.Ids);
    }

    private static async Task<(int Total, List<int> Ids)> PageAsync(HttpClient client, string url)
    {
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(url));
        var title = page.QuerySelector("#results-title")?.TextContent ?? throw new InvalidOperationException($"{url} has no count.");
        var total = int.Parse(new string([.. title.TakeWhile(c => char.IsDigit(c) || c == ',')]), NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture);
        return (total, page.QuerySelectorAll(".result h3 a").Select(MentorId).ToList());
    }

    private static int MentorId(IElement link) =>
        int.Parse(link.GetAttribute("href")!["/mentors/".Length..], NumberStyles.None, CultureInfo.InvariantCulture);
}
