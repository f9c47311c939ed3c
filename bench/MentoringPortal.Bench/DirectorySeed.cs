using System.Diagnostics;
using System.Globalization;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Features;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Bench;

/// <summary>
/// <c>seed N "connection string"</c>: migrates a PostgreSQL database with the portal's own migrations and fills it with
/// N varied mentors from <see cref="DirectoryData"/> in one programme whose mentees choose, for the directory load
/// benchmark (bench/directory-load.sh) and for people measuring by hand.
/// </summary>
internal static class DirectorySeed
{
    /// <summary>The slug of the seeded programme: the shared programme of the tests and the demo data.</summary>
    public const string ProgrammeSlug = "return-to-training";

    // Mentors are made through the domain and saved by EF Core, so every column the domain keeps (stored search text,
    // stored availability, ...) is filled as the app would fill it. A fresh context per batch keeps change tracking small.
    private const int BatchSize = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync(
                "Usage: dotnet run -c Release --project bench/MentoringPortal.Bench -- seed N \"<PostgreSQL connection string>\" (N from 1 to 1,000,000)");
            return 2;
        }

        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(args[1]).Options;
        var clock = Stopwatch.StartNew();
        int programmeId;
        await using (var db = new PostgresPortalDbContext(options))
        {
            await db.Database.MigrateAsync();
            var existing = await db.Mentors.CountAsync();
            if (existing > 0)
            {
                Console.WriteLine($"The database already has {existing:N0} mentors: nothing seeded (use an empty database to seed afresh).");
                return 0;
            }

            var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == ProgrammeSlug);
            if (programme is null)
            {
                programme = new Programme("Return to Training mentoring", ProgrammeSlug, "Mentoring for trainees returning to training.",
                    MatchingMode.MenteeChooses);
                await db.Programmes.AddAsync(programme);
                await db.SaveChangesAsync();
            }

            programmeId = programme.Id;
        }

        Console.WriteLine($"Migrated in {clock.Elapsed.TotalSeconds:F1} s; seeding {count:N0} mentors…");
        var seeding = Stopwatch.StartNew();
        var seeded = 0;
        foreach (var batch in DirectoryData.Mentors(count, DateTime.UtcNow).Chunk(BatchSize))
        {
            await using var db = new PostgresPortalDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
            foreach (var mentor in batch)
            {
                mentor.JoinProgramme(programme, DateOnly.FromDateTime(DateTime.UtcNow));
                await db.Mentors.AddAsync(mentor);
            }

            await db.SaveChangesAsync();
            seeded += batch.Length;
            if (seeded % 20_000 == 0 && seeded < count)
            {
                Console.WriteLine($"  {seeded:N0} mentors ({seeding.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await using (var db = new PostgresPortalDbContext(options))
        {
            // Fresh statistics, so the first measured queries are planned on the data they will read; and the vacuum that
            // autovacuum would have run on a live database by then, whose visibility map lets counts stay index-only.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            await MarkAllVisibleAsync(db);
        }

        Console.WriteLine($"Seeded {count:N0} mentors in {seeding.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalSeconds:F1} s with the migrations).");
        return 0;
    }

    /// <summary>
    /// Vacuums the directory's tables again until the visibility map holds every page. A vacuum cannot mark a page all-visible
    /// while its rows' commits are not yet flushed to the WAL (asynchronous commit, as the benchmark's server runs): then
    /// the first vacuum leaves the map empty and every count reads the table as well as the index.
    /// </summary>
    private static async Task MarkAllVisibleAsync(PortalDbContext db)
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var pagesLeft = await db.Database.SqlQueryRaw<long>(
                """
                SELECT coalesce(sum(relpages - relallvisible), 0) AS "Value" FROM pg_class
                WHERE relname IN ('Mentors', 'MentorProgrammes', 'MentorSearchWords') AND relkind = 'r'
                """).SingleAsync();
            if (pagesLeft == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await db.Database.ExecuteSqlRawAsync("""VACUUM "Mentors", "MentorProgrammes", "MentorSearchWords" """);
        }

        Console.WriteLine("The visibility map is still not complete after 20 vacuums: counts will read the tables as well as the indexes.");
    }
}
