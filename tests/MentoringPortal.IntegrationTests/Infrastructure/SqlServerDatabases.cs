using Microsoft.Data.SqlClient;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// One fresh, empty SQL Server database per test class on the server PORTAL_TEST_SQLSERVER names. The app
/// migrates it when it starts, as it would in production: there is no cheap template copy on SQL Server
/// (BACKUP/RESTORE needs file paths on the server), and one initial migration takes a few seconds.
/// </summary>
public static class SqlServerDatabases
{
    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"portal_test_{Guid.NewGuid():N}"[..25];
        await ExecuteAsync($"CREATE DATABASE {Quote(name)}", cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = DatabaseName(connectionString);
        await using (var connection = new SqlConnection(connectionString))
        {
            SqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(
            $"IF DB_ID(N'{name.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL BEGIN "
            + $"ALTER DATABASE {Quote(name)} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {Quote(name)}; END",
            cancellationToken);
    }

    /// <summary>Lets the database answer reads and refuse writes, as one on a full disk or switched to read-only does.</summary>
    public static async Task MakeReadOnlyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using (var connection = new SqlConnection(connectionString))
        {
            SqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"ALTER DATABASE {Quote(DatabaseName(connectionString))} SET READ_ONLY WITH ROLLBACK IMMEDIATE", cancellationToken);
    }

    /// <summary>The connection string of database <paramref name="name"/> on the test server.</summary>
    public static string ConnectionStringFor(string name) =>
        new SqlConnectionStringBuilder(Server) { InitialCatalog = name }.ConnectionString;

    public static string DatabaseName(string connectionString) =>
        new SqlConnectionStringBuilder(connectionString).InitialCatalog is { Length: > 0 } name
            ? name
            : throw new ArgumentException("The connection string names no database.", nameof(connectionString));

    private static string Server => TestServers.SqlServerConnectionString
        ?? throw new InvalidOperationException($"{TestServers.SqlServerVariable} is not set: the tests run on PostgreSQL.");

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(Server) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
