using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MentoringPortal.Web.Data;

/// <summary>Used only by `dotnet ef migrations add`; no database is contacted.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(DesignTimeIdentity.Services).Options);
}

/// <summary>Used only by `dotnet ef migrations add`; no database is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=design_time")
            .UseApplicationServiceProvider(DesignTimeIdentity.Services).Options);
}

/// <summary>
/// Identity picks its tables from IdentityOptions.Stores.SchemaVersion, which it reads from the app's services;
/// `dotnet ef` has none, so it gets the same schema version as the app (Version3: with passkeys) from here.
/// </summary>
internal static class DesignTimeIdentity
{
    public static IServiceProvider Services { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
