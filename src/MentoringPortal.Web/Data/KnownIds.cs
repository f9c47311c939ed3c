using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data;

/// <summary>
/// The entities whose ids a workflow needs in the same unit that adds them (the links in its emails,
/// a calendar file's UID, the audit log's programme), so the id is given at <c>Add</c>, not by the
/// insert: a workflow saves once. PostgreSQL and SQL Server hand out blocks of a sequence (hi/lo);
/// SQLite has no sequences, so it counts in a table of its own (<see cref="SqliteIdGenerator"/>).
/// </summary>
public static class KnownIds
{
    public static readonly IReadOnlyList<Type> Entities =
        [typeof(Programme), typeof(ContactRequest), typeof(MenteeApplication), typeof(Pairing), typeof(Meeting)];

    /// <summary>The sequence (or the <see cref="IdBlock"/> row) that gives a table its ids.</summary>
    public static string SequenceFor(string table) => $"{table}Ids";

    public static void Configure(ModelBuilder builder, Action<PropertyBuilder, string> generateFrom)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(generateFrom);
        foreach (var type in Entities)
        {
            var entity = builder.Entity(type);
            var table = entity.Metadata.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
            generateFrom(entity.Property("Id"), SequenceFor(table));
        }
    }
}
