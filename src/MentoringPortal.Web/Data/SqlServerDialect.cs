using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// The model's hand-written SQL (index filters, check constraints) is written once with standard
/// double-quoted identifiers, which SQLite and PostgreSQL read. SQL Server reads them only with
/// QUOTED_IDENTIFIER on, which a script run by sqlcmd or another tool need not have, so its
/// migrations get the same SQL with [bracketed] identifiers instead.
/// </summary>
public static class SqlServerDialect
{
    public static void Apply(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var index in entityType.GetDeclaredIndexes())
            {
                if (index.GetFilter() is { } filter)
                {
                    index.SetFilter(BracketIdentifiers(filter));
                }
            }

            foreach (var check in entityType.GetDeclaredCheckConstraints().ToList())
            {
                var name = check.ModelName;
                var sql = BracketIdentifiers(check.Sql);
                var databaseName = check.Name;
                entityType.RemoveCheckConstraint(name);
                var replaced = entityType.AddCheckConstraint(name, sql);
                replaced.Name = databaseName;
            }
        }
    }

    /// <summary>Turns <c>"Name"</c> into <c>[Name]</c>, leaving 'string literals' alone.</summary>
    public static string BracketIdentifiers(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var result = new StringBuilder(sql.Length);
        var inLiteral = false;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\'')
            {
                inLiteral = !inLiteral;
                result.Append(c);
            }
            else if (c == '"' && !inLiteral)
            {
                var end = sql.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new ArgumentException($"Unterminated quoted identifier in \"{sql}\".", nameof(sql));
                }

                result.Append('[').Append(sql.AsSpan(i + 1, end - i - 1).ToString().Replace("]", "]]", StringComparison.Ordinal)).Append(']');
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
