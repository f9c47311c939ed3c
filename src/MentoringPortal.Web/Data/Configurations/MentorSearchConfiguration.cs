using MentoringPortal.Domain.Mentors;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace MentoringPortal.Web.Data.Configurations;

/// <summary>
/// The directory's full-text search, which each provider does its own way (ADR-015). PostgreSQL: a stored generated
/// <c>tsvector</c> with weights (name and specialty A, expertise B, biography C) from which triggers keep the word index
/// <see cref="MentorSearchWord"/>, where every search reads. SQLite: the FTS5 table
/// <c>MentorSearch</c>, made and kept by triggers in the DirectorySearchSql migration, read through <see cref="MentorSearchHit"/>.
/// SQL Server: no full-text catalog here, so it keeps <see cref="Mentor.SearchText"/> and <c>LIKE</c>.
/// Counting and ranking the matches of a common word, or of a meaning of the synonym list, read one btree range of the word
/// index instead of every match's vector (ADR-015, "Revised").
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

        var word = builder.Entity<MentorSearchWord>();
        word.ToTable("MentorSearchWords");
        word.HasKey(w => new { w.MentorId, w.Word });
        word.Property(w => w.DisplayName).HasMaxLength(100);
        word.HasIndex(w => new { w.Word, w.Weight, w.DisplayName, w.MentorId }, "IX_MentorSearchWords_Ranked");
        // A search's count: PostgreSQL stores a word's entries here as one deduplicated list of rows, which an index-only
        // count reads several times faster than the ranked index's one entry per mentor (ADR-015).
        word.HasIndex(w => w.Word, "IX_MentorSearchWords_Word");
        word.HasOne<Mentor>().WithMany().HasForeignKey(w => w.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasDbFunction(typeof(MentorSearchConfiguration).GetMethod(nameof(Lexeme))!).HasName("directory_lexeme");

        var synonym = builder.Entity<DirectorySynonym>();
        synonym.ToTable("DirectorySynonyms");
        synonym.HasKey(s => s.Query);
        synonym.HasData(DirectorySearchTerms.Synonyms.Select(meaning => new DirectorySynonym(DirectorySearchTerms.ToTsQuery(meaning))));
    }

    /// <summary>PostgreSQL only: the word as the <c>english</c> configuration indexes it ("exams" → "exam"); null for a stop word.</summary>
    public static string? Lexeme(string word) => throw new NotSupportedException("Only PostgreSQL runs directory_lexeme.");

    public static void ConfigureSqlite(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<MentorSearchHit>().HasNoKey().ToTable((string?)null);
    }
}

/// <summary>
/// PostgreSQL only: one meaning of the reviewed synonym list (<see cref="DirectorySearchTerms.Synonyms"/>) as a
/// <c>to_tsquery</c> text, kept equal to the list by the model's data (a change to the list is a new migration). A listed
/// mentor whose search vector matches it has a row in <see cref="MentorSearchWord"/> whose word is this text, so a search for
/// the meaning ("maternity") reads one range of the word index, as a single word does (ADR-015).
/// </summary>
public sealed class DirectorySynonym(string query)
{
    public string Query { get; private set; } = query;
}

/// <summary>A mentor the SQLite FTS5 table matched, with its bm25 rank (lower is better).</summary>
public sealed class MentorSearchHit
{
    public int MentorId { get; private set; }

    public double Rank { get; private set; }
}

/// <summary>
/// PostgreSQL only: one word (a lexeme of the search vector, or a <see cref="DirectorySynonym"/>'s query that the vector
/// matches) of a listed mentor's profile and the best place it appears (<see cref="Weight"/> 0 name or specialty, 1
/// expertise, 2 biography), with the name for the ranked order. Kept by triggers on Mentors (migrations DirectoryAtScale and
/// DirectorySynonymIndex): rows exist only while the mentor is listed.
/// </summary>
public sealed class MentorSearchWord
{
    public string Word { get; private set; } = string.Empty;

    public short Weight { get; private set; }

    public string DisplayName { get; private set; } = string.Empty;

    public int MentorId { get; private set; }
}
