using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentoringPortal.Web.Data;

/// <summary>Recognises constraint violations on every provider, so callers can answer them in words.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsConstraintViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.CheckViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        _ => false,
    };
}
