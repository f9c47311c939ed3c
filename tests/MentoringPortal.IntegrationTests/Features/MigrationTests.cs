using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Both providers migrate from empty, and neither has model changes without a migration.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_MigratesFromEmpty_WithNoPendingModelChanges()
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
            await using var db = new SqlitePortalDbContext(options);
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration.");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Mentors.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PostgreSql_MigratesFromEmpty_WithNoPendingModelChanges()
    {
        var name = $"migrate_{Guid.NewGuid():N}";
        var connectionString = PostgresDatabases.ConnectionStringFor(name);
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgresPortalDbContext(options))
        {
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration.");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Mentors.CountAsync());
        }

        await PostgresDatabases.DropDatabaseAsync(connectionString);
    }
}
