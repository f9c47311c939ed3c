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
/// new schema in one place. It answers what the portal's <c>MentorDirectory.SearchAsync</c> answers: the mentors listed
/// today in the programmes whose mentees choose (or the one asked for), with the same filters, ordering and page size.
/// Two schemas, chosen on the first request by what the database has:
/// <list type="bullet">
/// <item>before issue 13: the listed and "accepting now" rules worked out from the live columns, search a <c>strpos</c>
/// on the stored lower-case search text (what the portal's <c>Contains</c> runs);</item>
/// <item>ADR-015's stored directory state (<c>DirectoryState</c>: 0 hidden, 1 accepting, 2 listed; <c>FreePlaces</c>;
/// <c>SearchVector</c>, a weighted tsvector with a GIN index). Its search is the portal's own terms and reviewed
/// synonyms (<c>DirectorySearchTerms</c>, in the domain) as a <c>to_tsquery</c>.</item>
/// </list>
/// </summary>
public sealed class ReferenceDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int PageSize = 20;

    private const string ProgrammesSql = """
        SELECT "Id" FROM "Programmes" WHERE "MatchingMode" = 'MenteeChooses'
        """;

    private const string StoredStateSql = """
        SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'Mentors' AND column_name = 'DirectoryState')
        """;

    private const string CardColumns = """
        m."Id", m."DisplayName", m."Specialty", m."Grade", m."Region", m."Status", m."PausedUntil", m."Capacity", m."ActiveMenteeCount"
        """;

    // $1 today, $2 the programmes' ids; filters add $3 onwards.
    private static readonly Schema BeforeIssue13 = new(
        Listed: """
            m."IsApproved" AND m."TrainingCompletedOn" IS NOT NULL
              AND (m."TrainingExpiresOn" IS NULL OR m."TrainingExpiresOn" >= $1)
              AND EXISTS (SELECT 1 FROM "MentorProgrammes" mp WHERE mp."MentorId" = m."Id" AND mp."ProgrammeId" = ANY($2))
            """,
        ListedInAll: null,
        AcceptingNow: """
            (m."Status" = 'Accepting' OR (m."Status" = 'Paused' AND m."PausedUntil" <= $1)) AND m."ActiveMenteeCount" < m."Capacity"
            """,
        AcceptingFirst: """
            ((m."Status" = 'Accepting' OR (m."Status" = 'Paused' AND m."PausedUntil" <= $1)) AND m."ActiveMenteeCount" < m."Capacity") DESC,
            m."DisplayName", m."Id"
            """,
        MostPlaces: """m."Capacity" - m."ActiveMenteeCount" DESC, m."DisplayName", m."Id" """,
        Newest: """m."CreatedAt" DESC, m."Id" """,
        Matches: """strpos(m."SearchText", $?) > 0""",
        Rank: null);

    // The listed state already holds "in a programme whose mentees choose"; a chosen programme adds its EXISTS. Every
    // statement names $1 and $2, because PostgreSQL refuses a parameter that the statement does not use.
    private static readonly Schema StoredState = new(
        Listed: """
            m."DirectoryState" > 0 AND $1::date IS NOT NULL
              AND EXISTS (SELECT 1 FROM "MentorProgrammes" mp WHERE mp."MentorId" = m."Id" AND mp."ProgrammeId" = ANY($2))
            """,
        ListedInAll: """m."DirectoryState" > 0 AND $1::date IS NOT NULL AND $2::integer[] IS NOT NULL""",
        AcceptingNow: """m."DirectoryState" = 1""",
        AcceptingFirst: """m."DirectoryState", m."DisplayName", m."Id" """,
        MostPlaces: """-m."FreePlaces", m."DisplayName", m."Id" """,
        Newest: """m."CreatedAt" DESC, m."Id" DESC""",
        Matches: """m."SearchVector" @@ to_tsquery('english', $?)""",
        Rank: """ts_rank(m."SearchVector", to_tsquery('english', $?)) DESC, m."DisplayName", m."Id" """);

    private volatile Schema? _schema;

    // The programme list changes rarely; like the portal, the reference reads it once a minute.
    private volatile ProgrammeList? _programmes;

    public async Task<ReferencePage> SearchAsync(ReferenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var schema = _schema ??= await SchemaAsync(cancellationToken);
        var programmes = await ProgrammesAsync(now, cancellationToken);
        var where = new StringBuilder(schema.ListedInAll ?? schema.Listed);
        if (query.Programme is { } chosen && programmes.Contains(chosen))
        {
            programmes = [chosen];
            where.Clear().Append(schema.Listed);
        }

        var parameters = new List<NpgsqlParameter>
        {
            new() { Value = today, NpgsqlDbType = NpgsqlDbType.Date },
            new() { Value = programmes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
        };
        void And(string condition, object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            where.Append(" AND ").Append(condition.Replace("$?", "$" + parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var search = schema.Rank is null ? null : SearchQuery(query.Text);
        var searchParameter = string.Empty;
        if (search is not null)
        {
            And(schema.Matches, search, NpgsqlDbType.Text);
            searchParameter = "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }
        else if (schema.Rank is null)
        {
            foreach (var word in query.Words)
            {
                And(schema.Matches, word, NpgsqlDbType.Text);
            }
        }

        if (query.Specialty is { } specialty)
        {
            And("""m."Specialty" = $?""", specialty, NpgsqlDbType.Text);
        }

        if (query.Region is { } region)
        {
            And("""m."Region" = $?""", region, NpgsqlDbType.Text);
        }

        if (query.Background is { } background)
        {
            And("""m."Background" = $?""", background, NpgsqlDbType.Text);
        }

        if (query.Mode is { } mode && mode != MeetingModes.None)
        {
            And("""(m."MeetingModes" & $?) = $?""", (int)mode, NpgsqlDbType.Integer);
        }

        if (query.Accepting)
        {
            where.Append(" AND ").Append(schema.AcceptingNow);
        }

        var orderBy = query.Sort switch
        {
            "name" => """m."DisplayName", m."Id" """,
            "places" => schema.MostPlaces,
            "newest" => schema.Newest,
            "availability" => schema.AcceptingFirst,
            _ when search is not null => schema.Rank!.Replace("$?", searchParameter, StringComparison.Ordinal),
            _ => schema.AcceptingFirst,
        };
        var countSql = $"""SELECT count(*) FROM "Mentors" m WHERE {where}""";
        var pageSql = $"""SELECT {CardColumns} FROM "Mentors" m WHERE {where} ORDER BY {orderBy} LIMIT {PageSize} OFFSET """;

        // One round trip: the count and the page asked for. Only a page past the end needs a second, for the last page.
        var page = Math.Max(1, query.Page);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int total;
        List<ReferenceCard> cards;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(Command(countSql, parameters));
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

    /// <summary>ADR-015's search, with the portal's reviewed synonyms: every term (one of its alternatives) must match.</summary>
    private static string? SearchQuery(string? text)
    {
        var terms = DirectorySearchTerms.Parse(text);
        return terms.IsEmpty ? null : terms.ToTsQuery();
    }

    private async Task<Schema> SchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StoredStateSql);
        return await command.ExecuteScalarAsync(cancellationToken) is true ? StoredState : BeforeIssue13;
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

    /// <summary>The parts of the statements that differ between the two schemas ($? is the next parameter).</summary>
    private sealed record Schema(string Listed, string? ListedInAll, string AcceptingNow, string AcceptingFirst, string MostPlaces,
        string Newest, string Matches, string? Rank);
}
