using MentoringPortal.Web.Hosting;
using Npgsql;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// One fresh PostgreSQL database per test class, copied from a template database that the app
/// itself migrated once per test run (copying takes milliseconds; migrating takes seconds).
/// </summary>
public static class PostgresDatabases
{
    private const string ObjectInUse = "55006";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var template = await Template.Value.WaitAsync(cancellationToken);
        var name = NewName("portal_test");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template)}", cancellationToken);
                return ConnectionStringFor(name);
            }
            catch (PostgresException e) when (e.SqlState == ObjectInUse && attempt < 20)
            {
                // Only one copy of a template can be made while something else is connected to it.
                await Task.Delay(100 * attempt, cancellationToken);
            }
        }
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await ClearPoolsAsync(connectionString);
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken);
    }

    /// <summary>Lets the database answer reads and refuse writes, as one on a full disk or switched to read-only does.</summary>
    public static async Task MakeReadOnlyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await ExecuteAsync($"ALTER DATABASE {Quote(name)} SET default_transaction_read_only = on", cancellationToken);
        await ClearPoolsAsync(connectionString);
    }

    /// <summary>
    /// Closes the idle pooled connections to the database, the tests' and the app's: the app's pool is the one of its own
    /// connection string, which adds automatic preparation (DataExtensions.WithAutomaticPreparation).
    /// </summary>
    private static async Task ClearPoolsAsync(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, DataExtensions.WithAutomaticPreparation(connectionString) })
        {
            await using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>The connection string of database <paramref name="name"/> on the test server.</summary>
    public static string ConnectionStringFor(string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestServers.PostgresConnectionString)
        {
            Database = name,
            IncludeErrorDetail = true,
            // Idle connections of finished test classes go back to the server quickly.
            ConnectionIdleLifetime = 15,
            ConnectionPruningInterval = 5,
        };
        return builder.ConnectionString;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = NewName("portal_template");
        await ExecuteAsync($"CREATE DATABASE {Quote(name)}", CancellationToken.None);
        var connectionString = ConnectionStringFor(name);

        // The app migrates its database when it starts (Program.cs): starting it once is migrating.
        await using (var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { ConnectionString = connectionString }))
        {
            factory.StartHost();
        }

        // The app made its data-protection key when it started; each copy makes its own, as a fresh install does.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM \"DataProtectionKeys\"", connection);
            await command.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearPool(connection);
        }

        // Close whatever the app left open and refuse new connections: copies need the template to themselves.
        await ExecuteAsync(
            $"ALTER DATABASE {Quote(name)} WITH ALLOW_CONNECTIONS false; "
            + $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid();",
            CancellationToken.None);
        return name;
    }

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgresConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
