using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MentoringPortal.UnitTests.SqlServer;

/// <summary>
/// What SQL Server refuses when the migration runs (or when a row is written) although EF Core builds the
/// model and the script without complaint. No SQL Server engine can run here, so these rules stand in for it.
/// Each returns sentences naming the table and the problem; none means the model passes.
/// </summary>
public static partial class SqlServerModelRules
{
    /// <summary>SQL Server's limits on an index key, in bytes.</summary>
    public const int ClusteredKeyLimit = 900;

    public const int NonClusteredKeyLimit = 1700;

    public static IReadOnlyList<string> Check(IModel model) =>
    [
        .. CascadePaths(model),
        .. ForeignDialect(model),
        .. UnindexableKeyColumns(model),
        .. OverWideKeys(model),
    ];

    /// <summary>
    /// Error 1785: a foreign key "may cause cycles or multiple cascade paths". SQL Server refuses a cascading
    /// action (CASCADE, SET NULL, SET DEFAULT) when deleting a row in one table could reach another table along
    /// two paths, or come back to itself.
    /// </summary>
    public static IEnumerable<string> CascadePaths(IModel model)
    {
        var edges = model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .Select(fk => (From: fk.PrincipalTable.Name, To: fk.Table.Name, fk.Name))
            .ToList();
        var outgoing = edges.ToLookup(e => e.From);
        var problems = new List<string>();
        foreach (var source in edges.Select(e => e.From).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Walk(source, [source]);
            foreach (var (target, reaching) in paths.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                problems.Add($"Deleting from {source} cascades to {target} along {reaching.Count} paths ({string.Join("; ", reaching)}): "
                    + "SQL Server refuses multiple cascade paths (error 1785). Make one of them Restrict/NoAction.");
            }

            void Walk(string table, List<string> path)
            {
                foreach (var edge in outgoing[table])
                {
                    var description = string.Join(" -> ", path) + " -> " + edge.To + $" [{edge.Name}]";
                    if (path.Contains(edge.To, StringComparer.Ordinal))
                    {
                        problems.Add($"Deleting from {edge.To} cascades back to it ({description}): SQL Server refuses cascade cycles (error 1785).");
                        continue;
                    }

                    if (!paths.TryGetValue(edge.To, out var reaching))
                    {
                        paths[edge.To] = reaching = [];
                    }

                    reaching.Add(description);
                    Walk(edge.To, [.. path, edge.To]);
                }
            }
        }

        return problems.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Index filters and check constraints written for PostgreSQL or SQLite rather than T-SQL.</summary>
    public static IEnumerable<string> ForeignDialect(IModel model)
    {
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var index in table.Indexes.Where(i => i.Filter is not null))
            {
                foreach (var problem in DialectProblems(index.Filter!))
                {
                    yield return $"{table.Name}: the filter of index {index.Name} ({index.Filter}) {problem}.";
                }
            }

            foreach (var check in table.CheckConstraints)
            {
                foreach (var problem in DialectProblems(check.Sql))
                {
                    yield return $"{table.Name}: check constraint {check.Name} ({check.Sql}) {problem}.";
                }
            }
        }
    }

    /// <summary>Index, primary-key and unique-constraint columns of a type SQL Server cannot index (nvarchar(max) and the like).</summary>
    public static IEnumerable<string> UnindexableKeyColumns(IModel model)
    {
        foreach (var (table, name, columns, _) in Keys(model))
        {
            foreach (var column in columns.Where(c => IsUnindexable(c.StoreType)))
            {
                yield return $"{table}: {name} has key column {column.Name} of type {column.StoreType}, which SQL Server cannot index: give it a maximum length.";
            }
        }
    }

    /// <summary>
    /// Keys wider than SQL Server allows (900 bytes clustered, 1700 nonclustered). With variable-length columns
    /// SQL Server creates the index with a warning and then refuses any row whose key is too wide, so the
    /// declared maximum is what counts.
    /// </summary>
    public static IEnumerable<string> OverWideKeys(IModel model)
    {
        foreach (var (table, name, columns, clustered) in Keys(model))
        {
            if (columns.Any(c => IsUnindexable(c.StoreType)))
            {
                continue; // reported by UnindexableKeyColumns
            }

            var limit = clustered ? ClusteredKeyLimit : NonClusteredKeyLimit;
            var width = columns.Sum(c => MaxBytes(c.StoreType));
            if (width > limit)
            {
                yield return $"{table}: {name} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.StoreType}"))}) can be {width} bytes wide; "
                    + $"SQL Server allows {limit} for a {(clustered ? "clustered" : "nonclustered")} key.";
            }
        }
    }

    /// <summary>The most bytes a value of this SQL Server type takes in an index key.</summary>
    public static int MaxBytes(string storeType)
    {
        var match = SizedType().Match(storeType.Trim());
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var size = match.Groups["size"].Success && match.Groups["size"].Value != "max"
            ? int.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        return name switch
        {
            "nvarchar" or "nchar" => 2 * (size ?? 1),
            "varchar" or "char" or "varbinary" or "binary" => size ?? 1,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" or "smallmoney" => 4,
            "bigint" or "float" or "datetime" or "money" or "rowversion" or "timestamp" => 8,
            "date" => 3,
            "time" => 5,
            "datetime2" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            "decimal" or "numeric" => 17,
            _ => throw new NotSupportedException($"No key width known for SQL Server type \"{storeType}\": add it to SqlServerModelRules.MaxBytes."),
        };
    }

    private static IEnumerable<string> DialectProblems(string sql)
    {
        // Outside 'string literals' only: a literal may hold any text.
        var code = StringLiteral().Replace(sql, "''");
        if (code.Contains('"', StringComparison.Ordinal))
        {
            yield return "uses \"double-quoted\" identifiers, which SQL Server reads only with QUOTED_IDENTIFIER on: write [Name]";
        }

        if (BooleanLiteral().IsMatch(code))
        {
            yield return "uses a true/false literal, which T-SQL does not have: compare with 1 or 0";
        }

        if (code.Contains("||", StringComparison.Ordinal))
        {
            yield return "concatenates with ||, which T-SQL does not have: use + or CONCAT";
        }

        if (NowCall().IsMatch(code))
        {
            yield return "calls now(), which T-SQL does not have: use SYSUTCDATETIME()";
        }

        if (code.Contains("::", StringComparison.Ordinal))
        {
            yield return "casts with ::, which T-SQL does not have: use CAST(x AS type)";
        }
    }

    private static bool IsUnindexable(string storeType)
    {
        var type = storeType.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return type.EndsWith("(max)", StringComparison.Ordinal) || type is "text" or "ntext" or "image" or "xml" or "geography" or "geometry";
    }

    private static IEnumerable<(string Table, string Name, IReadOnlyList<IColumn> Columns, bool Clustered)> Keys(IModel model)
    {
        foreach (var table in model.GetRelationalModel().Tables)
        {
            var primaryKey = table.PrimaryKey;
            foreach (var constraint in table.UniqueConstraints)
            {
                // SQL Server makes a primary key clustered unless told otherwise.
                var clustered = constraint.GetIsClustered() ?? constraint == primaryKey;
                yield return (table.Name, constraint == primaryKey ? $"primary key {constraint.Name}" : $"unique constraint {constraint.Name}",
                    constraint.Columns, clustered);
            }

            foreach (var index in table.Indexes)
            {
                yield return (table.Name, $"index {index.Name}", index.Columns, index.GetIsClustered() ?? false);
            }
        }
    }

    private static bool? GetIsClustered(this IUniqueConstraint constraint) =>
        constraint.MappedKeys.Select(k => k.IsClustered()).FirstOrDefault(c => c is not null);

    private static bool? GetIsClustered(this ITableIndex index) =>
        index.MappedIndexes.Select(i => i.IsClustered()).FirstOrDefault(c => c is not null);

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_]+)\s*(\(\s*(?<size>max|\d+)\s*(,\s*\d+\s*)?\))?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SizedType();

    [GeneratedRegex("'(?:[^']|'')*'", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(true|false)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BooleanLiteral();

    [GeneratedRegex(@"\bnow\s*\(", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NowCall();
}
