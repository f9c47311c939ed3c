using MentoringPortal.Domain.Mentors;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace MentoringPortal.Web.Data.Configurations;

/// <summary>
/// The directory's full-text search, which each provider does its own way (ADR-015). PostgreSQL: a stored generated
/// <c>tsvector</c> with weights (name and specialty A, expertise B, biography C) and a GIN index. SQLite: the FTS5 table
/// <c>MentorSearch</c>, made and kept by triggers in the DirectorySearchSql migration, read through <see cref="MentorSearchHit"/>.
/// SQL Server: no full-text catalog here, so it keeps <see cref="Mentor.SearchText"/> and <c>LIKE</c>.
/// </summary>
public static class MentorSearchConfiguration
{
    public const string VectorProperty = "SearchVector";

    public const string TextSearchConfig = "english";

    public static void ConfigurePostgres(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mentor = builder.Entity<Mentor>();
        mentor.Property<NpgsqlTsVector>(VectorProperty).HasComputedColumnSql(
            $"""
            setweight(to_tsvector('{TextSearchConfig}', "DisplayName" || ' ' || "Specialty"), 'A')
            || setweight(to_tsvector('{TextSearchConfig}', "Expertise"), 'B')
            || setweight(to_tsvector('{TextSearchConfig}', "Bio"), 'C')
            """,
            stored: true);
        mentor.HasIndex(VectorProperty).HasMethod("GIN");
    }

    public static void ConfigureSqlite(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<MentorSearchHit>().HasNoKey().ToTable((string?)null);
    }
}

/// <summary>A mentor the SQLite FTS5 table matched, with its bm25 rank (lower is better).</summary>
public sealed class MentorSearchHit
{
    public int MentorId { get; private set; }

    public double Rank { get; private set; }
}
