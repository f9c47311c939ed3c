using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentoringPortal.Web.Data;

/// <summary>Recognises constraint violations on every provider, so callers can answer them in words.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    // SQL Server: 2601 duplicate key in a unique index, 2627 unique constraint, 547 check (or foreign key) constraint.
    private static readonly int[] SqlServerConstraintErrors = [2601, 2627, 547];

    public static bool IsConstraintViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.CheckViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerConstraintErrors.Contains(e.Number)),
        _ => false,
    };
}
