using Npgsql;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The database engine the app under test runs on: SQL Server when PORTAL_TEST_SQLSERVER holds a connection
/// string, PostgreSQL (the one ./test.sh starts) otherwise. The same tests run on either.
/// </summary>
public static class TestDatabases
{
    /// <summary>The app's Database:Provider for this run.</summary>
    public static string Provider => IsSqlServer ? "SqlServer" : "PostgreSql";

    public static bool IsSqlServer => TestServers.SqlServerConnectionString is not null;

    /// <summary>Creates a fresh database for one factory and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        IsSqlServer ? SqlServerDatabases.CreateDatabaseAsync(cancellationToken) : PostgresDatabases.CreateDatabaseAsync(cancellationToken);

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public static Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default) =>
        IsSqlServer
            ? SqlServerDatabases.DropDatabaseAsync(connectionString, cancellationToken)
            : PostgresDatabases.DropDatabaseAsync(connectionString, cancellationToken);

    /// <summary>Lets the database answer reads and refuse writes.</summary>
    public static Task MakeReadOnlyAsync(string connectionString, CancellationToken cancellationToken = default) =>
        IsSqlServer
            ? SqlServerDatabases.MakeReadOnlyAsync(connectionString, cancellationToken)
            : PostgresDatabases.MakeReadOnlyAsync(connectionString, cancellationToken);

    /// <summary>The database a connection string names.</summary>
    public static string DatabaseName(string connectionString) =>
        IsSqlServer
            ? SqlServerDatabases.DatabaseName(connectionString)
            : new NpgsqlConnectionStringBuilder(connectionString).Database
              ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
}
