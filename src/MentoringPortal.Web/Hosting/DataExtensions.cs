using System.Data.Common;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentoringPortal.Web.Hosting;

public static class DataExtensions
{
    /// <summary>How many statements each PostgreSQL connection keeps prepared when the connection string does not say.</summary>
    public const int AutomaticallyPrepared = 32;

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider is DatabaseOptions.Sqlite or DatabaseOptions.PostgreSql or DatabaseOptions.SqlServer,
                "Database:Provider must be \"Sqlite\", \"PostgreSql\" or \"SqlServer\".")
            .ValidateOnStart();

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseOptions.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        switch (provider)
        {
            case DatabaseOptions.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new PortalStartupException(
                        "ConnectionStrings:Portal is required when Database:Provider is PostgreSql: set it to the database's connection string.");
                }

                // A transient failure (a restart, a failover, a serialization conflict) retries the whole unit of work:
                // every workflow runs in db.InOneUnitAsync, so a retry repeats all of it from a clean change tracker.
                var postgres = WithAutomaticPreparation(connectionString);
                builder.Services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>((services, options) =>
                    Configure(options.UseNpgsql(postgres, npgsql => npgsql.EnableRetryOnFailure()), services));
                break;
            case DatabaseOptions.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new PortalStartupException(
                        "ConnectionStrings:Portal is required when Database:Provider is SqlServer: set it to the database's connection string.");
                }

                builder.Services.AddDbContextPool<PortalDbContext, SqlServerPortalDbContext>((services, options) =>
                    Configure(options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()), services));
                break;
            case DatabaseOptions.Sqlite:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    connectionString = $"Data Source={Path.Combine(builder.WritableDataDirectory(), "portal.db")}";
                }

                builder.Services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>((services, options) =>
                    Configure(options.UseSqlite(connectionString), services));
                break;
            default:
                throw new PortalStartupException(
                    $"Database:Provider must be \"Sqlite\", \"PostgreSql\" or \"SqlServer\" (it is \"{provider}\"): set Database:Provider to one of them.");
        }

        builder.AddPortalDataProtection();

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"])
            .AddCheck<DatabaseWritableCheck>("database-writable", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The PostgreSQL connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare=32</c>) unless it sets
    /// its own: the statements a connection runs most are prepared once, so PostgreSQL stops parsing and planning the
    /// directory's queries on every request (docs/operations.md, "PostgreSQL").
    /// </summary>
    public static string WithAutomaticPreparation(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)
                .Equals(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutomaticallyPrepared }.ConnectionString;
    }

    // The contexts are pooled (AddDbContextPool): a request leases one whose services and options are already built
    // instead of building them again (ADR-015, "Revised"); these options are built once, from the root services.
    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services)
    {
        // Interceptors registered in DI (tests count SQL statements this way).
        options.AddInterceptors(services.GetServices<IInterceptor>());

        // A unique index or a concurrency token turning away a double submit is expected: the code that catches it answers in
        // words and logs it as information. EF Core would log each one as an error with the SQL; an exception nobody catches
        // is still logged as an error, with its stack trace, where it is handled (the error page, the job that ran it).
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Information)));
    }

    /// <summary>The data folder (Portal:DataDirectory), created if need be; a folder the app cannot write stops the start.</summary>
    public static string WritableDataDirectory(this WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var folder = portal.ResolveDataDirectory(builder.Environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PortalStartupException(
                $"Portal:DataDirectory \"{folder}\" cannot be written ({ex.Message}): set Portal:DataDirectory to a folder the app may create and write to.", ex);
        }
    }

    private static async Task EnsureReachableAsync(PortalDbContext db)
    {
        // The raw connection, not EF Core's, so a database that is down gives one clear line and no logged stack trace.
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync();
            await connection.CloseAsync();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            throw new PortalStartupException(
                $"The database cannot be reached ({ex.GetBaseException().Message}): check ConnectionStrings:Portal and Database:Provider, and that the database server is running.", ex);
        }
    }

    /// <summary>Applies migrations, creates the roles, and seeds the demo data when asked to.</summary>
    public static async Task PreparePortalDatabaseAsync(this WebApplication app)
    {
        // Check every option before touching the database, so a wrong setting changes nothing.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await EnsureReachableAsync(db);
        await db.Database.MigrateAsync();
        var portal = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        await DataProtectionKeyImport.ImportAsync(db,
            DataProtectionExtensions.FileSystemKeysFolder(portal.ResolveDataDirectory(app.Environment.ContentRootPath)),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataProtectionKeyImport)));
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        if (portal.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync();
        }
    }
}
