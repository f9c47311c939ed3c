using System.Globalization;
using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using Npgsql;
using NpgsqlTypes;

namespace MentoringPortal.DirectoryReference;

/// <summary>One mentor's card as the reference lists it.</summary>
public sealed record ReferenceCard(int Id, string Name, string Specialty, string Grade, string Region, MentorAvailability Availability,
    int FreePlaces, DateOnly? PausedUntil);

/// <summary>A page of the reference directory: the count of every match and the page's cards.</summary>
public sealed record ReferencePage(int Total, int Page, int PageCount, IReadOnlyList<ReferenceCard> Mentors);

/// <summary>
/// Every statement the reference runs, hand-written for PostgreSQL, in this one file so that it can be rewritten for a
/// new schema in one place. It answers what the portal's <c>MentorDirectory.SearchAsync</c> answers, on ADR-015's schema:
/// the mentors listed today (<c>DirectoryState</c>: 0 hidden, 1 accepting, 2 listed) in the programmes whose mentees choose
/// (or the one asked for), with the same filters, ordering and page size. Search is the portal's own terms and reviewed
/// synonyms (<c>DirectorySearchTerms</c>, in the domain): every term is one key of the word index <c>MentorSearchWords</c>, a
/// word's lexeme (<c>directory_lexeme</c>) or a meaning's query text (<c>DirectorySynonyms</c>); ranked by the best place any
/// search term appears, then name. One term alone is counted and ranked from the word index.
/// </summary>
public sealed class ReferenceDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int PageSize = 20;

    private const string ProgrammesSql = """
        SELECT "Id" FROM "Programmes" WHERE "MatchingMode" = 'MenteeChooses'
        """;

    private const string CardColumns = """
        m."Id", m."DisplayName", m."Specialty", m."Grade", m."Region", m."Status", m."PausedUntil", m."Capacity", m."ActiveMenteeCount"
        """;

    // $1 today, $2 the programmes' ids; filters add $3 onwards. The listed state already holds "in a programme whose mentees
    // choose"; a chosen programme adds its EXISTS. Every statement names $1 and $2, because PostgreSQL refuses a parameter
    // that the statement does not use.
    private const string Listed = """
        m."DirectoryState" > 0 AND $1::date IS NOT NULL
          AND EXISTS (SELECT 1 FROM "MentorProgrammes" mp WHERE mp."MentorId" = m."Id" AND mp."ProgrammeId" = ANY($2))
        """;

    private const string ListedInAll = """m."DirectoryState" > 0 AND $1::date IS NOT NULL AND $2::integer[] IS NOT NULL""";

    private volatile ProgrammeList? _programmes;

    public async Task<ReferencePage> SearchAsync(ReferenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var programmes = await ProgrammesAsync(now, cancellationToken);
        var where = new StringBuilder(ListedInAll);
        var filtered = false;
        if (query.Programme is { } chosen && programmes.Contains(chosen))
        {
            programmes = [chosen];
            where.Clear().Append(Listed);
            filtered = true;
        }

        var parameters = new List<NpgsqlParameter>
        {
            new() { Value = today, NpgsqlDbType = NpgsqlDbType.Date },
            new() { Value = programmes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
        };
        string Parameter(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        string KeyOf(IReadOnlyList<string> term) => DirectorySearchTerms.IsMeaning(term)
            ? $"""w."Word" = {Parameter(DirectorySearchTerms.ToTsQuery(term), NpgsqlDbType.Text)}"""
            : $"""w."Word" = directory_lexeme({Parameter(term[0], NpgsqlDbType.Text)})""";

        void And(string condition, object value, NpgsqlDbType type) =>
            where.Append(" AND ").Append(condition.Replace("$?", Parameter(value, type), StringComparison.Ordinal));

        if (query.Specialty is { } specialty)
        {
            And("""m."Specialty" = $?""", specialty, NpgsqlDbType.Text);
            filtered = true;
        }

        if (query.Region is { } region)
        {
            And("""m."Region" = $?""", region, NpgsqlDbType.Text);
            filtered = true;
        }

        if (query.Background is { } background)
        {
            And("""m."Background" = $?""", background, NpgsqlDbType.Text);
            filtered = true;
        }

        if (query.Mode is { } mode && mode != MeetingModes.None)
        {
            And("""(m."MeetingModes" & $?) = $?""", (int)mode, NpgsqlDbType.Integer);
            filtered = true;
        }

        if (query.Accepting)
        {
            where.Append(""" AND m."DirectoryState" = 1""");
            filtered = true;
        }

        // The listing without search words, before the search's conditions are added: the one word's ranked page joins it.
        var listingWhere = where.ToString();
        var terms = DirectorySearchTerms.Parse(query.Text);
        var single = terms.SingleTerm is { } only ? KeyOf(only) : null;
        foreach (var term in terms.Terms)
        {
            where.Append($""" AND EXISTS (SELECT 1 FROM "MentorSearchWords" w WHERE w."MentorId" = m."Id" AND {single ?? KeyOf(term)})""");
        }

        var countSql = single is not null && !filtered
            ? $"""SELECT count(*) FROM "MentorSearchWords" w WHERE {single} AND $1::date IS NOT NULL AND $2::integer[] IS NOT NULL"""
            : $"""SELECT count(*) FROM "Mentors" m WHERE {where}""";

        // The count names every parameter so far; a ranked page of several terms adds one per term for the order.
        var countParameters = parameters.ToList();
        var ranked = terms.IsEmpty || query.Sort is "name" or "places" or "newest" or "availability" ? null
            : single is not null
                ? $"""
                    SELECT {CardColumns} FROM "MentorSearchWords" w JOIN "Mentors" m ON m."Id" = w."MentorId"
                    WHERE {single} AND {listingWhere}
                    ORDER BY w."Weight", w."DisplayName", w."MentorId" LIMIT {PageSize} OFFSET
                    """
                : $"""
                    SELECT {CardColumns} FROM "Mentors" m WHERE {where}
                    ORDER BY (SELECT min(w."Weight") FROM "MentorSearchWords" w
                        WHERE w."MentorId" = m."Id" AND ({string.Join(" OR ", terms.Terms.Select(KeyOf))})),
                      m."DisplayName", m."Id" LIMIT {PageSize} OFFSET
                    """;
        var orderBy = query.Sort switch
        {
            "name" => """m."DisplayName", m."Id" """,
            "places" => """-m."FreePlaces", m."DisplayName", m."Id" """,
            "newest" => """m."CreatedAt" DESC, m."Id" DESC""",
            _ => """m."DirectoryState", m."DisplayName", m."Id" """,
        };
        var pageSql = (ranked ?? $"""SELECT {CardColumns} FROM "Mentors" m WHERE {where} ORDER BY {orderBy} LIMIT {PageSize} OFFSET""") + " ";

        // One round trip: the count and the page asked for. Only a page past the end needs a second, for the last page.
        var page = Math.Max(1, query.Page);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int total;
        List<ReferenceCard> cards;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(Command(countSql, countParameters));
            batch.BatchCommands.Add(Command(pageSql + Offset(page), parameters));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            total = (int)reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            cards = await CardsAsync(reader, today, cancellationToken);
        }

        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > pageCount)
        {
            page = pageCount;
            await using var command = new NpgsqlCommand(pageSql + Offset(page), connection);
            command.Parameters.AddRange(Copies(parameters));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            cards = await CardsAsync(reader, today, cancellationToken);
        }

        return new ReferencePage(total, page, pageCount, cards);
    }

    private static string Offset(int page) => ((long)(page - 1) * PageSize).ToString(CultureInfo.InvariantCulture);

    private static NpgsqlBatchCommand Command(string sql, List<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(Copies(parameters));
        return command;
    }

    // A parameter belongs to one command; each command gets its own copies.
    private static NpgsqlParameter[] Copies(List<NpgsqlParameter> parameters) =>
        parameters.ConvertAll(p => new NpgsqlParameter { Value = p.Value, NpgsqlDbType = p.NpgsqlDbType }).ToArray();

    private static async Task<List<ReferenceCard>> CardsAsync(NpgsqlDataReader reader, DateOnly today, CancellationToken cancellationToken)
    {
        var cards = new List<ReferenceCard>(PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = Enum.Parse<AvailabilityStatus>(reader.GetString(5));
            DateOnly? pausedUntil = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6);
            var capacity = reader.GetInt32(7);
            var active = reader.GetInt32(8);
            var availability = Mentor.AvailabilityOn(today, status, pausedUntil, capacity, active);
            cards.Add(new ReferenceCard(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                availability, Math.Max(0, capacity - active), availability == MentorAvailability.Paused ? pausedUntil : null));
        }

        return cards;
    }

    private async Task<int[]> ProgrammesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_programmes is { } cached && cached.Until > now)
        {
            return cached.Ids;
        }

        var ids = new List<int>();
        await using (var command = dataSource.CreateCommand(ProgrammesSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        var list = new ProgrammeList([.. ids], now.AddMinutes(1));
        _programmes = list;
        return list.Ids;
    }

    private sealed record ProgrammeList(int[] Ids, DateTimeOffset Until);
}
