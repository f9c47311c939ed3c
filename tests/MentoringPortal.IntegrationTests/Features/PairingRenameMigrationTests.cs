using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// "Mentorship" became "pairing" in the database too: the demo data survives the rename and its reversal on both
/// tested providers, pairings keep their ids, their meetings, change requests and surveys still point at them, and
/// new pairings' ids go on from where they were.
/// </summary>
public sealed class PairingRenameMigrationTests
{
    private const string RenameMigration = "_OnePairingWord";

    [Fact]
    public async Task PostgreSql_RenamingKeepsEveryPairingAndWhatPointsAtIt_BothWays()
    {
        var connectionString = await PostgresDatabases.CreateDatabaseAsync();
        try
        {
            await SeedDemoDataAsync(new PortalFactoryOptions { ConnectionString = connectionString, SeedDemoData = true });
            var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;
            await using var db = new PostgresPortalDbContext(options);
            await AssertRenameKeepsDataAsync(db, "SELECT last_value AS \"Value\" FROM \"PairingsIds\"");
        }
        finally
        {
            await PostgresDatabases.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Sqlite_RenamingKeepsEveryPairingAndWhatPointsAtIt_BothWays()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-rename-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "portal.db")}";
        try
        {
            await SeedDemoDataAsync(new PortalFactoryOptions
            {
                ConnectionString = connectionString,
                SeedDemoData = true,
                Settings = { ["Database:Provider"] = "Sqlite", ["Portal:DataDirectory"] = folder },
            });
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString + ";Pooling=false").Options;
            await using var db = new SqlitePortalDbContext(options);
            await AssertRenameKeepsDataAsync(db, "SELECT \"LastId\" AS \"Value\" FROM \"IdBlocks\" WHERE \"Name\" = 'PairingsIds'");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The demo data, with the portal (and its background jobs) stopped before anything is counted.</summary>
    private static async Task SeedDemoDataAsync(PortalFactoryOptions options)
    {
        await using var factory = await PortalFactory.CreateAsync(options);
        factory.StartHost();
    }

    private static async Task<Counts> CountAsync(PortalDbContext db) => new(
        await db.Pairings.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(),
        await db.Meetings.CountAsync(m => m.Pairing!.Id == m.PairingId),
        await db.SurveyResponses.CountAsync(s => db.Pairings.Any(p => p.Id == s.PairingId)),
        await db.MenteeApplications.CountAsync(a => a.PairingId != null && db.Pairings.Any(p => p.Id == a.PairingId)));

    private static async Task AssertRenameKeepsDataAsync(PortalDbContext db, string nextIdQuery)
    {
        var before = await CountAsync(db);
        var counterBefore = await db.Database.SqlQueryRaw<long>(nextIdQuery).SingleAsync();
        Assert.NotEmpty(before.PairingIds);
        Assert.NotEqual(0, before.MeetingsOfPairings);
        var migrations = db.Database.GetMigrations().ToList();
        var rename = migrations.FindIndex(m => m.EndsWith(RenameMigration, StringComparison.Ordinal));
        Assert.True(rename > 0, "The rename migration is missing.");
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(migrations[rename - 1]);
        var oldTable = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Mentorships\"").SingleAsync();
        Assert.Equal(before.PairingIds.Count, oldTable);

        await migrator.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(before, await CountAsync(db));
        Assert.Equal(counterBefore, await db.Database.SqlQueryRaw<long>(nextIdQuery).SingleAsync());
    }

    private sealed record Counts(List<int> PairingIds, int MeetingsOfPairings, int SurveysOfPairings, int ApplicationsMatched)
    {
        public bool Equals(Counts? other) => other is not null && PairingIds.SequenceEqual(other.PairingIds)
            && (MeetingsOfPairings, SurveysOfPairings, ApplicationsMatched) == (other.MeetingsOfPairings, other.SurveysOfPairings, other.ApplicationsMatched);

        public override int GetHashCode() => HashCode.Combine(PairingIds.Count, MeetingsOfPairings, SurveysOfPairings, ApplicationsMatched);
    }
}
