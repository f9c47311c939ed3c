using System.Data.Common;
using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Counts the SQL statements run while serving a directory page (not those of background jobs).</summary>
public sealed class DirectoryStatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record()
    {
        if (http.HttpContext?.Request.Path.StartsWithSegments("/mentors", StringComparison.OrdinalIgnoreCase) == true)
        {
            Interlocked.Increment(ref _count);
        }
    }
}

public sealed class LargeDirectoryPortal() : PortalFactory(new PortalFactoryOptions
{
    ConfigureServices = services =>
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<DirectoryStatementCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<DirectoryStatementCounter>());
    },
})
{
    /// <summary>Makes <paramref name="count"/> varied mentors in the shared programme, once: a second call finds them there.</summary>
    public Task SeedMentorsAsync(int count) => InScopeAsync(async services =>
    {
        var programmeId = (await Data.SharedProgrammeAsync()).Id;
        var db = services.GetRequiredService<PortalDbContext>();
        if (await db.Mentors.CountAsync() >= count)
        {
            return;
        }

        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
        var now = DateTime.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var mentor in DirectoryData.Mentors(count, now))
        {
            mentor.JoinProgramme(programme, DateOnly.FromDateTime(now));
            db.Mentors.Add(mentor);
        }

        await db.SaveChangesAsync();
    });
}

/// <summary>The directory with 10,000 mentors: filters, sorting, paging, and one or two statements a page.</summary>
public sealed class DirectoryTests(LargeDirectoryPortal factory) : IClassFixture<LargeDirectoryPortal>, IAsyncLifetime
{
    public const int MentorCount = 10_000;

    public Task InitializeAsync() => factory.SeedMentorsAsync(MentorCount);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/mentors")]
    [InlineData("/mentors?page=250")]
    [InlineData("/mentors?q=redesign+leadership&specialty=Cardiology&region=London&mode=Video&accepting=true&sort=places&page=2")]
    [InlineData("/mentors?background=International+medical+graduate&sort=name&page=3")]
    [InlineData("/mentors?sort=newest&page=40")]
    [InlineData("/mentors?q=maternity")]
    [InlineData("/mentors?q=leadership&sort=name&page=3")]
    [InlineData("/mentors?accepting=true&sort=places&page=7")]
    [InlineData("/mentors?programme=1&page=2")]
    public async Task DirectoryPage_TenThousandMentors_AtMostTwoStatements(string url)
    {
        using var client = factory.CreateClientNoRedirect();
        using (await client.GetAsync("/mentors"))
        {
            // Warms the programme list cache, which is shared by every page.
        }

        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();
        counter.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(counter.Count, 1, 2);
    }

    [Theory]
    [InlineData("availability", "")]
    [InlineData("name", "")]
    [InlineData("places", "")]
    [InlineData("newest", "")]
    [InlineData("availability", "&accepting=true&mode=Video")]
    [InlineData("places", "&q=leadership")]
    public async Task NextAndPrevious_SeekTheSameCardsAsPageNumbers_AtMostTwoStatements(string sort, string filters)
    {
        using var client = factory.CreateClientNoRedirect();
        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();
        var first = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort={sort}{filters}"));
        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument> { first };
        for (var i = 0; i < 2; i++)
        {
            var next = pages[^1].QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.NotNull(next);
            Assert.Contains("after=", next, StringComparison.Ordinal);
            counter.Reset();
            pages.Add(await Forms.ParseHtmlAsync(await client.GetAsync(next)));
            Assert.InRange(counter.Count, 1, 2);
        }

        for (var number = 2; number <= 3; number++)
        {
            var byNumber = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort={sort}{filters}&page={number}"));
            Assert.Equal(Ids(byNumber), Ids(pages[number - 1]));
            Assert.Equal(20, Ids(byNumber).Count);
        }

        var previous = pages[2].QuerySelector("a[rel=prev]")?.GetAttribute("href");
        Assert.NotNull(previous);
        Assert.Contains("before=", previous, StringComparison.Ordinal);
        counter.Reset();
        var back = await Forms.ParseHtmlAsync(await client.GetAsync(previous));
        Assert.InRange(counter.Count, 1, 2);
        Assert.Equal(Ids(pages[1]), Ids(back));
        Assert.Equal("2", CurrentPage(back));
        var toFirst = back.QuerySelector("a[rel=prev]")?.GetAttribute("href");
        Assert.NotNull(toFirst);
        Assert.DoesNotContain("before=", toFirst, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", toFirst, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("availability")]
    [InlineData("name")]
    [InlineData("places")]
    [InlineData("newest")]
    public async Task EverySort_OrdersAsItSays_TiesByNameThenId(string sort)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var listed = await factory.Data.QueryAsync(db => db.Mentors
            .Where(Mentor.ListedOn(today))
            .Where(m => m.Programmes.Any(p => p.MatchingMode == Domain.Programmes.MatchingMode.MenteeChooses))
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                m.CreatedAt,
                Free = m.Capacity - m.ActiveMenteeCount,
                Contactable = (m.Status == AvailabilityStatus.Accepting || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
                    && m.ActiveMenteeCount < m.Capacity,
            })
            .ToListAsync());
        var expected = (sort switch
        {
            "name" => listed.OrderBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id),
            "places" => listed.OrderByDescending(m => m.Free).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id),
            "newest" => listed.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
            _ => listed.OrderByDescending(m => m.Contactable).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id),
        }).Skip(40).Take(20).Select(m => m.Id).ToList();

        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort={sort}&page=3"));

        Assert.Equal(expected, Ids(page));
    }

    [Theory]
    [InlineData("/mentors?specialty=Radiology&region=North+West")]
    [InlineData("/mentors?accepting=true")]
    [InlineData("/mentors?background=International+medical+graduate&mode=Video&accepting=true")]
    [InlineData("/mentors?q=maternity")]
    [InlineData("/mentors?q=burnout&accepting=true")]
    public async Task FilteredCount_IsExact(string url)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + url).Query);
        string? Value(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        var expected = await factory.Data.QueryAsync(db =>
        {
            var mentors = db.Mentors.Where(Mentor.ListedOn(today))
                .Where(m => m.Programmes.Any(p => p.MatchingMode == Domain.Programmes.MatchingMode.MenteeChooses));
            if (Value("specialty") is { } specialty)
            {
                mentors = mentors.Where(m => m.Specialty == specialty);
            }

            if (Value("region") is { } region)
            {
                mentors = mentors.Where(m => m.Region == region);
            }

            if (Value("background") is { } background)
            {
                mentors = mentors.Where(m => m.Background == background);
            }

            if (Value("mode") is { } mode)
            {
                var modes = Enum.Parse<MeetingModes>(mode);
                mentors = mentors.Where(m => (m.MeetingModes & modes) == modes);
            }

            if (Value("accepting") is not null)
            {
                mentors = mentors.Where(Mentor.ContactableOn(today));
            }

            mentors = Value("q") switch
            {
                "maternity" => mentors.Where(m => m.SearchText.Contains("parental leave") || m.SearchText.Contains("maternity")),
                "burnout" => mentors.Where(m => m.SearchText.Contains("burnout") || m.SearchText.Contains("wellbeing")),
                _ => mentors,
            };
            return mentors.CountAsync();
        });

        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(url));

        Assert.True(expected > 0);
        Assert.Equal($"{expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(expected == 1 ? "mentor" : "mentors")} found",
            page.QuerySelector("#results-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task Maternity_FindsMentorsWhoWroteParentalLeave()
    {
        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=maternity"));

        var results = page.QuerySelectorAll(".result");
        Assert.Equal(20, results.Length);
        Assert.All(results, r => Assert.Contains("parental leave", r.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_RanksNameAndExpertiseAboveTheBiography_AndFindsAnEditedBiographyAtOnce()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var inBio = await factory.Data.MentorAsync(programme, name: "Dr Aaron Early", expertise: "Rotas and on-call planning");
        var inExpertise = await factory.Data.MentorAsync(programme, name: "Dr Zoe Late", expertise: "Quokkology and calm leadership");
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var mentor = await db.Mentors.SingleAsync(m => m.Id == inBio.Id);
            mentor.UpdateProfile(new MentorProfile(mentor.DisplayName, mentor.Specialty, mentor.Grade, mentor.Region, mentor.Background,
                mentor.Organisation, mentor.Expertise, "Outside work I study quokkology, which taught me patience.", mentor.MeetingModes));
            await db.SaveChangesAsync();
        });

        using var client = factory.CreateClientNoRedirect();
        var ranked = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=quokkology"));
        var byName = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=quokkology&sort=name"));

        Assert.Equal([inExpertise.Id, inBio.Id], Ids(ranked));
        Assert.Equal([inBio.Id, inExpertise.Id], Ids(byName));
    }

    private static List<int> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".result h3 a").Select(a => int.Parse(a.GetAttribute("href")!["/mentors/".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string? CurrentPage(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("nav[aria-label='Pages of results'] [aria-current=page]")?.TextContent.Replace("Page", string.Empty, StringComparison.Ordinal).Trim();

    [Fact]
    public async Task Directory_ShowsCountPagingAndTwentyPerPage()
    {
        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?sort=name&page=2"));
        Assert.Matches(@"^\d{1,3}(,\d{3})* mentors found$", page.QuerySelector("#results-title")!.TextContent.Trim());
        Assert.Equal(20, page.QuerySelectorAll(".result").Length);
        Assert.NotNull(page.QuerySelector("nav[aria-label='Pages of results'] [aria-current=page]"));
        Assert.Contains("Page 2 of", page.QuerySelector("nav[aria-label='Pages of results']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ReturnOnlyMatchingMentors()
    {
        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?specialty=Radiology&region=North+West&accepting=true"));
        var results = page.QuerySelectorAll(".result");
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Contains("Radiology", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("North West", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("Accepting mentees", r.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task FreeText_MatchesWordsInExpertiseOrBio_CaseInsensitive()
    {
        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=SERVICE+Redesign"));
        var results = page.QuerySelectorAll(".result");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains("service redesign", r.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task NoMatch_ShowsEmptyState()
    {
        using var client = factory.CreateClientNoRedirect();
        var html = await client.GetStringAsync("/mentors?q=zzzznotaword");
        Assert.Contains("0 mentors found", html, StringComparison.Ordinal);
        Assert.Contains("No mentors match your search", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullAndPausedMentors_AreLabelledAndCannotBeContacted()
    {
        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?sort=name"));
        Assert.Contains(page.QuerySelectorAll(".badge"), b => b.TextContent.StartsWith("Full", StringComparison.Ordinal)
            || b.TextContent.StartsWith("Paused", StringComparison.Ordinal) || b.TextContent.StartsWith("Not accepting", StringComparison.Ordinal));

        var full = await factory.Data.MentorAsync(capacity: 1);
        await factory.Data.PairAsync(await factory.Data.MenteeAsync(), full);
        var fullId = full.Id;
        var pausedId = await factory.Data.QueryAsync(db =>
            db.Mentors.Where(m => m.Status == AvailabilityStatus.Paused).Select(m => m.Id).FirstAsync());
        var mentee = await factory.Data.MenteeAsync();
        using var signedIn = await factory.Data.SignInAsync(mentee);
        foreach (var (id, words) in new[] { (fullId, "full capacity"), (pausedId, "paused mentoring until") })
        {
            var profile = await Forms.ParseHtmlAsync(await signedIn.GetAsync($"/mentors/{id}"));
            Assert.Contains(words, profile.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
            Assert.Null(profile.QuerySelector($"form[action^='/mentors/{id}/contact']"));

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [Forms.AntiforgeryField] = profile.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!,
                ["Message"] = "Please could you mentor me, even though the page says you cannot?",
            });
            using var post = await signedIn.PostAsync($"/mentors/{id}/contact", content);
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            Assert.Contains(words, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id)));
    }
}

/// <summary>Many varied, valid mentors for directory tests and the benchmark.</summary>
public static class DirectoryData
{
    private static readonly string[] Topics =
    [
        "leading a service redesign", "returning after parental leave", "exam preparation", "research careers",
        "wellbeing and burnout", "leadership and management", "less than full time training", "international graduates",
    ];

    public static IEnumerable<Mentor> Mentors(int count, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[i % Topics.Length];
            var mentor = new Mentor(null, new MentorProfile(
                $"Dr Bulk {i:D5}",
                ProfileOptions.Specialties[i % ProfileOptions.Specialties.Count],
                ProfileOptions.Grades[i % ProfileOptions.Grades.Count],
                ProfileOptions.Regions[(i / 3) % ProfileOptions.Regions.Count],
                ProfileOptions.Backgrounds[(i / 7) % ProfileOptions.Backgrounds.Count],
                null,
                $"Experience of {topic}",
                $"A mentor with long experience of {topic}.",
                (i % 3) switch { 0 => MeetingModes.FaceToFace, 1 => MeetingModes.FaceToFace | MeetingModes.Video, _ => MeetingModes.Video | MeetingModes.Phone }),
                capacity: 1 + (i % 3),
                now.AddMinutes(-i));
            mentor.Approve(now);
            mentor.RecordTraining(today.AddYears(-1), null);
            if (i % 11 == 0)
            {
                mentor.SetAvailability(AvailabilityStatus.Paused, today.AddDays(30), today);
            }
            else if (i % 13 == 0)
            {
                mentor.SetAvailability(AvailabilityStatus.NotAccepting, null, today);
            }

            yield return mentor;
        }
    }
}
