using System.Globalization;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// ADR-015 revised, on PostgreSQL: a narrow filter with no match counts and reads nothing more; one search word is counted
/// and ranked from the word index (name or specialty, then expertise, then biography); stop words are left out; "accepting
/// now" is counted like the whole list; a deep page by number shows the same cards as the order says, the second time by a seek.
/// </summary>
public sealed class DirectoryAtScaleTests(LargeDirectoryPortal factory) : IClassFixture<LargeDirectoryPortal>, IAsyncLifetime
{
    private const int MentorCount = 1_500;

    public Task InitializeAsync() => factory.SeedMentorsAsync(MentorCount);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NarrowFilterWithNoMatch_CountsOnly_AndSaysNoneFound()
    {
        var (specialty, region) = await factory.Data.QueryAsync(async db =>
        {
            var used = await db.Mentors.Where(m => m.DirectoryState == DirectoryState.Accepting)
                .Select(m => new { m.Specialty, m.Region }).Distinct().ToListAsync();
            return ProfileOptions.Specialties.SelectMany(s => ProfileOptions.Regions.Select(r => (s, r)))
                .First(pair => !used.Any(u => u.Specialty == pair.s && u.Region == pair.r));
        });
        using var client = factory.CreateClientNoRedirect();
        await client.GetStringAsync("/mentors");
        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();

        counter.Reset();
        var html = await client.GetStringAsync(
            $"/mentors?specialty={Uri.EscapeDataString(specialty)}&region={Uri.EscapeDataString(region)}&accepting=true&sort=places");

        Assert.Equal(1, counter.Count);
        Assert.Contains("0 mentors found", html, StringComparison.Ordinal);
        Assert.Contains("No mentors match your search", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneWord_IsCountedAndRanked_NameThenExpertiseThenBiography_ListedOnly()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var inBio = await factory.Data.MentorAsync(programme, name: "Dr Abel First", expertise: "Rotas and rest");
        var inExpertise = await factory.Data.MentorAsync(programme, name: "Dr Bea Second", expertise: "Zebrafish models of recovery");
        var inName = await factory.Data.MentorAsync(programme, name: "Dr Zebrafish Third", expertise: "Rotas and rest");
        var notListed = await factory.Data.MentorAsync(programme, name: "Dr Zebrafish Unapproved", approved: false);
        await SetBioAsync(inBio.Id, "Outside work I keep zebrafish, which taught me patience.");

        using var client = factory.CreateClientNoRedirect();
        var ranked = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=Zebrafish"));
        var filtered = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=zebrafish&accepting=true"));

        Assert.Equal([inName.Id, inExpertise.Id, inBio.Id], Ids(ranked));
        Assert.Equal("3 mentors found", Title(ranked));
        Assert.Equal(Ids(ranked), Ids(filtered));
        Assert.Equal("3 mentors found", Title(filtered));
        Assert.DoesNotContain(notListed.Id, Ids(ranked));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Set<MentorSearchWord>().CountAsync(w => w.MentorId == notListed.Id)));
    }

    [Fact]
    public async Task OneWordsFirstPage_IsOneStatement_WithTheExactCount_AsTheNextPageCounts()
    {
        // One generated mentor in eight works on "leadership and management": far more than a page.
        var expected = await factory.Data.QueryAsync(db => db.Mentors.CountAsync(m => m.DirectoryState > DirectoryState.Hidden
            && db.Set<MentorSearchWord>().Any(w => w.MentorId == m.Id && w.Word == "leadership")));
        var found = $"{expected.ToString("N0", CultureInfo.InvariantCulture)} mentors found";
        using var client = factory.CreateClientNoRedirect();
        await client.GetStringAsync("/mentors");
        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();

        counter.Reset();
        var first = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership"));
        var firstStatements = counter.Count;
        var second = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership&page=2"));
        counter.Reset();
        var none = await client.GetStringAsync("/mentors?q=xylophonist");

        Assert.Equal(1, firstStatements);
        Assert.Equal(found, Title(first));
        Assert.Equal(20, Ids(first).Count);
        Assert.Equal(found, Title(second));
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.Equal(1, counter.Count);
        Assert.Contains("0 mentors found", none, StringComparison.Ordinal);
        Assert.Contains("No mentors match your search", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralWords_MustAllMatch_AndStopWordsAreLeftOut()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var both = await factory.Data.MentorAsync(programme, name: "Dr Both Words", expertise: "Axolotl care and narwhal welfare");
        await factory.Data.MentorAsync(programme, name: "Dr One Word", expertise: "Axolotl care");

        using var client = factory.CreateClientNoRedirect();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=axolotl+and+the+narwhal"));
        var onlyStopWords = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=the+and+of"));
        var everyone = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors"));

        Assert.Equal([both.Id], Ids(page));
        Assert.Equal("1 mentor found", Title(page));
        Assert.Equal(Ids(everyone), Ids(onlyStopWords));
    }

    [Fact]
    public async Task Synonyms_AreOneTermOfTheWordIndex_PhraseWordsMustBeAdjacent_AndProfileChangesAreSeen()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var inExpertise = await factory.Data.MentorAsync(programme, name: "Dr Quokka Alpha", expertise: "Parental leave and returning");
        var inBio = await factory.Data.MentorAsync(programme, name: "Dr Quokka Beta", expertise: "Rotas and rest");
        var apart = await factory.Data.MentorAsync(programme, name: "Dr Quokka Gamma", expertise: "Leave policy; parental support");
        var inName = await factory.Data.MentorAsync(programme, name: "Dr Paternity Delta", expertise: "Rotas and rest");
        await SetBioAsync(inBio.Id, "Back from maternity leave last year.");
        var key = DirectorySearchTerms.ToTsQuery(DirectorySearchTerms.Parse("maternity").SingleTerm!);
        var expectedCount = await factory.Data.QueryAsync(db => db.Mentors.CountAsync(m => m.DirectoryState > DirectoryState.Hidden
            && EF.Property<NpgsqlTsVector>(m, MentorSearchConfiguration.VectorProperty).Matches(EF.Functions.ToTsQuery("english", key))));

        using var client = factory.CreateClientNoRedirect();
        var oneTerm = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=maternity"));
        var twoTerms = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=quokka+maternity"));
        await SetBioAsync(apart.Id, "I took parental leave twice.");
        var afterEdit = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=quokka+maternity"));

        Assert.Equal(inName.Id, Ids(oneTerm)[0]);
        Assert.Equal($"{expectedCount.ToString("N0", CultureInfo.InvariantCulture)} mentors found", Title(oneTerm));
        Assert.Equal([inExpertise.Id, inBio.Id], Ids(twoTerms));
        Assert.Equal([inExpertise.Id, inBio.Id, apart.Id], Ids(afterEdit));
    }

    [Fact]
    public async Task ChangingTheSynonymList_RefreshesTheWordIndex()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme, name: "Dr Wallaby Epsilon", expertise: "Marsupial welfare");
        const string query = "wallaby | marsupial";
        async Task<List<int>> IndexedAsync() => await factory.Data.QueryAsync(db =>
            db.Set<MentorSearchWord>().Where(w => w.Word == query).Select(w => w.MentorId).ToListAsync());

        await factory.Data.QueryAsync(db => db.Database.ExecuteSqlAsync($"""INSERT INTO "DirectorySynonyms" ("Query") VALUES ({query})"""));
        var added = await IndexedAsync();
        await factory.Data.QueryAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "DirectorySynonyms" WHERE "Query" = {query}"""));
        var removed = await IndexedAsync();

        Assert.Equal([mentor.Id], added);
        Assert.Empty(removed);
    }

    [Fact]
    public async Task AcceptingNow_IsCountedFromTheCacheAfterTheFirstPage_AndExact()
    {
        var expected = await factory.Data.QueryAsync(db => db.Mentors.CountAsync(m => m.DirectoryState == DirectoryState.Accepting));
        using var client = factory.CreateClientNoRedirect();
        await client.GetStringAsync("/mentors?accepting=true");
        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();

        counter.Reset();
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?accepting=true&sort=name"));

        Assert.Equal(1, counter.Count);
        Assert.Equal($"{expected.ToString("N0", CultureInfo.InvariantCulture)} mentors found", Title(page));
    }

    [Fact]
    public async Task DeepPageByNumber_ShowsTheCardsOfThatPage_AndTheSecondRequestSeeks()
    {
        const int page = 60;
        var byName = await factory.Data.QueryAsync(async db => (await db.Mentors.Where(m => m.DirectoryState > DirectoryState.Hidden)
                .Select(m => new { m.Id, m.DisplayName }).ToListAsync())
            .OrderBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m => m.Id).ToList());
        var expected = byName.Skip((page - 1) * 20).Take(20).ToList();
        using var client = factory.CreateClientNoRedirect();
        var counter = factory.Services.GetRequiredService<DirectoryStatementCounter>();

        var first = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort=name&page={page}"));
        counter.Reset();
        var second = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors?sort=name&page={page}"));

        Assert.Equal(expected, Ids(first));
        Assert.Equal(expected, Ids(second));
        Assert.Equal(1, counter.Count);
        var previous = second.QuerySelector("a[rel=prev]")?.GetAttribute("href");
        Assert.NotNull(previous);
        var back = await Forms.ParseHtmlAsync(await client.GetAsync(previous));
        Assert.Equal(byName.Skip((page - 2) * 20).Take(20), Ids(back));
    }

    private async Task SetBioAsync(int mentorId, string bio) =>
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var mentor = await db.Mentors.SingleAsync(m => m.Id == mentorId);
            mentor.UpdateProfile(new MentorProfile(mentor.DisplayName, mentor.Specialty, mentor.Grade, mentor.Region, mentor.Background,
                mentor.Organisation, mentor.Expertise, bio, mentor.MeetingModes));
            await db.SaveChangesAsync();
        });

    private static string Title(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#results-title")!.TextContent.Trim();

    private static List<int> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".result h3 a").Select(a => int.Parse(a.GetAttribute("href")!["/mentors/".Length..], CultureInfo.InvariantCulture)).ToList();
}
