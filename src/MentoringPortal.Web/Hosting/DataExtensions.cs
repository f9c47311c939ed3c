using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Hosting;

public static class DataExtensions
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider is DatabaseOptions.Sqlite or DatabaseOptions.PostgreSql,
                "Database:Provider must be \"Sqlite\" or \"PostgreSql\".")
            .ValidateOnStart();

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseOptions.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        switch (provider)
        {
            case DatabaseOptions.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new OptionsValidationException("ConnectionStrings:Portal", typeof(DatabaseOptions),
                        ["ConnectionStrings:Portal is required when Database:Provider is PostgreSql."]);
                }

                builder.Services.AddDbContext<PortalDbContext, PostgresPortalDbContext>((services, options) =>
                    Configure(options.UseNpgsql(connectionString), services));
                break;
            case DatabaseOptions.Sqlite:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
                    var folder = portal.ResolveDataDirectory(builder.Environment.ContentRootPath);
                    Directory.CreateDirectory(folder);
                    connectionString = $"Data Source={Path.Combine(folder, "portal.db")}";
                }

                builder.Services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((services, options) =>
                    Configure(options.UseSqlite(connectionString), services));
                break;
            default:
                throw new OptionsValidationException("Database:Provider", typeof(DatabaseOptions),
                    [$"Database:Provider must be \"Sqlite\" or \"PostgreSql\" (it is \"{provider}\")."]);
        }

        // Keys for cookies, antiforgery tokens and emailed links live with the data, so they survive
        // restarts and every instance that shares the data folder can read the others' cookies.
        var keys = Path.Combine(
            (builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions())
                .ResolveDataDirectory(builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection().SetApplicationName("MentoringPortal").PersistKeysToFileSystem(new DirectoryInfo(keys));

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return builder;
    }

    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services)
    {
        // Interceptors registered in DI (tests count SQL statements this way).
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }

    /// <summary>Applies migrations, creates the roles, and seeds the demo data when asked to.</summary>
    public static async Task PreparePortalDatabaseAsync(this WebApplication app)
    {
        // Check every option before touching the database, so a wrong setting changes nothing.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        if (app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync();
        }
    }
}
