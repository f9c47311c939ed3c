using MentoringPortal.IntegrationTests.Infrastructure;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>ADR-015 revised on the SQLite default (FTS5) with the demo data: stop words left out, no page read when nothing matches.</summary>
public sealed class DirectoryAtScaleSqliteTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"portal-directory-scale-{Guid.NewGuid():N}");
    private PortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConnectionString = $"Data Source={Path.Combine(_folder, "portal.db")}",
            SeedDemoData = true,
            Settings = { ["Database:Provider"] = "Sqlite", ["Portal:DataDirectory"] = _folder },
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task StopWords_AreLeftOutOfTheSearch()
    {
        using var client = _factory.CreateClientNoRedirect();
        var withStopWords = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership+and+the+management"));
        var without = await Forms.ParseHtmlAsync(await client.GetAsync("/mentors?q=leadership+management"));

        var ids = Ids(without);
        Assert.NotEmpty(ids);
        Assert.Equal(ids, Ids(withStopWords));
    }

    [Fact]
    public async Task NarrowFilterWithNoMatch_SaysNoneFound()
    {
        using var client = _factory.CreateClientNoRedirect();
        var html = await client.GetStringAsync("/mentors?q=zzzznotaword&specialty=Cardiology&accepting=true&sort=places");

        Assert.Contains("0 mentors found", html, StringComparison.Ordinal);
        Assert.Contains("No mentors match your search", html, StringComparison.Ordinal);
    }

    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".result h3 a").Select(a => a.GetAttribute("href")!).ToList();
}
