using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The ids a workflow puts into its emails are given at Add (hi/lo sequences on PostgreSQL, the IdBlocks
/// counter on SQLite), past every id a table ever gave, and two instances never give the same one.
/// </summary>
public sealed class IdsBeforeSavingTests
{
    [Fact]
    public async Task PostgreSql_IdIsKnownAtAdd_AndIsTheSavedId()
    {
        var connectionString = await PostgresDatabases.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresPortalDbContext(PostgresOptions(connectionString));
            await AssertIdsKnownAtAddAsync(db);
        }
        finally
        {
            await PostgresDatabases.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Sqlite_IdIsKnownAtAdd_AndIsTheSavedId()
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-ids-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqlitePortalDbContext(SqliteOptions(file));
            await db.Database.MigrateAsync();
            await AssertIdsKnownAtAddAsync(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Sqlite_AUnitThatRollsBack_GivesItsIdsBack()
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-ids-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqlitePortalDbContext(SqliteOptions(file));
            await db.Database.MigrateAsync();
            int lost;
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var programme = NewProgramme();
                await db.Programmes.AddAsync(programme);
                lost = programme.Id;
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            var next = NewProgramme();
            await db.Programmes.AddAsync(next);
            await db.SaveChangesAsync();

            Assert.Equal(lost, next.Id);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PostgreSql_MigratedWithRowsAlready_KeepsThemAndGivesNewIdsAboveEveryIdGiven()
    {
        var name = $"ids_migrate_{Guid.NewGuid():N}";
        var connectionString = PostgresDatabases.ConnectionStringFor(name);
        try
        {
            await using (var db = new PostgresPortalDbContext(PostgresOptions(connectionString)))
            {
                await db.GetService<IMigrator>().MigrateAsync(MigrationBefore(db));
                await AddExistingProgrammesAsync(db);

                // The identity gave ids up to 40 whose rows have since been deleted: links to them may still be in inboxes.
                await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('"Programmes"', 'Id'), 40)""");
                await db.Database.MigrateAsync();
            }

            await using (var db = new PostgresPortalDbContext(PostgresOptions(connectionString)))
            {
                await AssertExistingKeptAndNewAboveAsync(db, everGiven: 40);
            }
        }
        finally
        {
            await PostgresDatabases.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Sqlite_MigratedWithRowsAlready_KeepsThemAndGivesNewIdsAboveEveryIdGiven()
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-ids-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqlitePortalDbContext(SqliteOptions(file)))
            {
                await db.GetService<IMigrator>().MigrateAsync(MigrationBefore(db));
                await AddExistingProgrammesAsync(db);

                // AUTOINCREMENT gave ids up to 40 whose rows have since been deleted.
                await db.Database.ExecuteSqlRawAsync("""UPDATE sqlite_sequence SET "seq" = 40 WHERE "name" = 'Programmes'""");
                await db.Database.MigrateAsync();
            }

            await using (var db = new SqlitePortalDbContext(SqliteOptions(file)))
            {
                await AssertExistingKeptAndNewAboveAsync(db, everGiven: 40);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PostgreSql_TwoInstancesAddingAtOnce_NeverGiveTheSameId()
    {
        var connectionString = await PostgresDatabases.CreateDatabaseAsync();
        try
        {
            // Each instance has its own EF Core services, so its own hi/lo blocks, as two web servers would.
            var instances = await Task.WhenAll(Enumerable.Range(1, 2).Select(_ => Task.Run(() => AddManyAsync(connectionString, count: 45))));
            var ids = instances.SelectMany(i => i).ToList();

            Assert.Equal(90, ids.Distinct().Count());
            Assert.All(ids, id => Assert.True(id > 0));
            await using var db = new PostgresPortalDbContext(PostgresOptions(connectionString));
            Assert.Equal(ids.Order(), await db.Programmes.Where(p => ids.Contains(p.Id)).Select(p => p.Id).OrderBy(id => id).ToListAsync());
        }
        finally
        {
            await PostgresDatabases.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<List<int>> AddManyAsync(string connectionString, int count)
    {
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        await using var _ = services;
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).UseInternalServiceProvider(services).Options;
        var ids = new List<int>();
        for (var saved = 0; saved < count; saved += 5)
        {
            await using var db = new PostgresPortalDbContext(options);
            var programmes = Enumerable.Range(0, 5).Select(_ => NewProgramme()).ToList();
            foreach (var programme in programmes)
            {
                await db.Programmes.AddAsync(programme);
                ids.Add(programme.Id);
                await Task.Yield();
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }

    private static async Task AssertIdsKnownAtAddAsync(PortalDbContext db)
    {
        var first = NewProgramme();
        var second = NewProgramme();

        await db.Programmes.AddAsync(first);
        db.Programmes.Add(second);

        Assert.True(first.Id > 0, "The first programme had no id at Add.");
        Assert.True(second.Id > 0, "The second programme had no id at Add.");
        Assert.NotEqual(first.Id, second.Id);
        var known = new[] { first.Id, second.Id };
        await db.SaveChangesAsync();
        Assert.Equal(known, new[] { first.Id, second.Id });
        db.ChangeTracker.Clear();
        Assert.Equal(first.Name, await db.Programmes.Where(p => p.Id == known[0]).Select(p => p.Name).SingleAsync());
        Assert.Equal(second.Name, await db.Programmes.Where(p => p.Id == known[1]).Select(p => p.Name).SingleAsync());
    }

    private static async Task AddExistingProgrammesAsync(PortalDbContext db)
    {
        // Saved with their ids given, as the identity gave them before this migration. In SQL of that schema, not through
        // today's model: columns added since (a programme's later settings) are not there yet.
        foreach (var id in new[] { 1, 2, 3 })
        {
            var name = $"Existing {id}";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Programmes" ("Id", "Name", "Slug", "Summary", "MatchingMode", "MeetingCadenceWeeks", "EvaluationPointMonths",
                    "OpenForApplications", "MinimumMatchScore", "Weights_DifferentBackground", "Weights_Expertise", "Weights_FreePlaces",
                    "Weights_MeetingMode", "Weights_SameRegion")
                VALUES ({id}, {name}, {Programme.SlugFor(name)}, {"A programme made by a test."}, {nameof(MatchingMode.MenteeChooses)}, {8}, {6},
                    {true}, {30}, {5}, {5}, {1}, {2}, {2})
                """);
        }
    }

    private static async Task AssertExistingKeptAndNewAboveAsync(PortalDbContext db, int everGiven)
    {
        Assert.Equal(["Existing 1", "Existing 2", "Existing 3"],
            await db.Programmes.Where(p => p.Id <= 3).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        var programme = NewProgramme();
        await db.Programmes.AddAsync(programme);
        await db.SaveChangesAsync();
        Assert.True(programme.Id > everGiven, $"The new programme got id {programme.Id}, which the table had given before.");
    }

    private static string MigrationBefore(PortalDbContext db) =>
        db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_IdsBeforeSaving", StringComparison.Ordinal)).Last();

    private static Programme NewProgramme(string? name = null)
    {
        name ??= $"Ids {Guid.NewGuid():N}";
        return new Programme(name, Programme.SlugFor(name), "A programme made by a test.", MatchingMode.MenteeChooses);
    }

    private static DbContextOptions<PostgresPortalDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;

    private static DbContextOptions<SqlitePortalDbContext> SqliteOptions(string file) =>
        new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
}
