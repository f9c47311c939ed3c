using Microsoft.Data.Sqlite;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The app on the embedded default, SQLite: a fresh database file in a temporary folder of its own (also the app's
/// data directory), with the demo data, deleted on dispose. As an xunit class fixture it is one portal per test
/// class. For other options derive a fixture class:
/// <c>public sealed class ClockedSqlitePortal() : SqlitePortal(seedDemoData: true, new TestClock());</c>
/// </summary>
public class SqlitePortal : PortalFactory
{
    private readonly string _folder;

    public SqlitePortal()
        : this(seedDemoData: true)
    {
    }

    protected SqlitePortal(bool seedDemoData, TestClock? clock = null)
        : this(Path.Combine(Path.GetTempPath(), $"portal-sqlite-{Guid.NewGuid():N}"), seedDemoData, clock)
    {
    }

    private SqlitePortal(string folder, bool seedDemoData, TestClock? clock)
        : base(new PortalFactoryOptions
        {
            ConnectionString = $"Data Source={Path.Combine(folder, "portal.db")}",
            SeedDemoData = seedDemoData,
            Clock = clock,
            Settings = { ["Database:Provider"] = "Sqlite", ["Portal:DataDirectory"] = folder },
        })
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // The pool keeps the file open, and an open file cannot be deleted on every platform.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
