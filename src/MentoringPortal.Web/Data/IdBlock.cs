namespace MentoringPortal.Web.Data;

/// <summary>The last id SQLite gave one table (see <see cref="SqliteIdGenerator"/>); PostgreSQL and SQL Server use sequences.</summary>
public sealed class IdBlock(string name, int lastId)
{
    public string Name { get; private set; } = name;

    public int LastId { get; private set; } = lastId;
}
