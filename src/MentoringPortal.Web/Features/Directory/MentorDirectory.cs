using System.Linq.Expressions;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Data.Configurations;
using MentoringPortal.Web.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Caching.Memory;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>
/// The directory's reads: a page of mentors for a search, and one mentor's profile for a visitor. A page reads the
/// mentors' stored <see cref="Mentor.DirectoryState"/> through one index per sort, and reads on from a card (a seek)
/// for Next and Previous; see docs/decisions/ADR-015-directory-at-scale.md.
/// </summary>
public sealed class MentorDirectory(PortalDbContext db, ProgrammeCatalogue catalogue, TimeProvider time, IMemoryCache cache)
{
    private const string Relevance = "relevance";
    private static readonly TimeSpan CountLifetime = TimeSpan.FromSeconds(30);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<DirectoryViewModel> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var programmes = await catalogue.MenteeChoosesAsync(cancellationToken);
        int? programmeId = query.Programme is { } chosen && programmes.Any(p => p.Id == chosen) ? chosen : null;
        var terms = DirectorySearchTerms.Parse(query.Q);
        var sort = query.Sort switch
        {
            "name" or "places" or "newest" or "availability" => query.Sort,
            _ => terms.IsEmpty ? "availability" : Relevance,
        };

        var filtered = Filtered(db.Mentors.AsNoTracking().Where(m => m.DirectoryState > DirectoryState.Hidden), query, programmeId);
        var matching = terms.IsEmpty ? filtered : Matching(filtered, terms);
        var view = WholeListView(query, terms, programmeId);
        // The total: the whole list's is remembered; one search term alone counts its range of the word index, on its first
        // page in the same statement as the cards; any other page counts exactly.
        List<CardRow>? firstPage = null;
        int total;
        if (view is not null)
        {
            total = await ListedCountAsync(view, matching, cancellationToken);
        }
        else if (OneTermUnfiltered(terms, query, programmeId) is not { } term)
        {
            total = await matching.CountAsync(cancellationToken);
        }
        else if (sort == Relevance && query.Page <= 1)
        {
            (firstPage, total) = await CountedFirstPageAsync(Ranked(filtered, matching, terms), term, cancellationToken);
        }
        else
        {
            total = await WordCountAsync(term, cancellationToken);
        }

        var pageCount = Pagination.PageCountFor(total, DirectoryQuery.PageSize);
        var page = Pagination.Clamp(query.Page, pageCount);

        var after = sort == Relevance ? null : DirectoryCursor.Decode(query.After, sort);
        var before = sort == Relevance || after is not null ? null : DirectoryCursor.Decode(query.Before, sort);
        var boundaryKey = view is null || sort == Relevance || page <= DirectoryPager.MaxNumberedPage ? null : $"directory:{view}:{sort}:{page}";
        if (after is null && before is null && boundaryKey is not null && cache.TryGetValue(boundaryKey, out Remembered<DirectoryCursor>? boundary)
            && !boundary!.ClaimRefresh(time.GetUtcNow(), CountLifetime))
        {
            after = boundary.Value;
        }

        List<CardRow> rows;
        bool hasNext;
        if (total == 0 && view is null)
        {
            // An exact count of nothing: no page to read (a narrow filter's page query could walk a whole sort index).
            rows = [];
            hasNext = false;
        }
        else if (before is not null)
        {
            rows = await Ordered(Seek(matching, sort, before, forward: false), sort, forward: false)
                .Take(DirectoryQuery.PageSize + 1).Select(CardRow.Projection).ToListAsync(cancellationToken);
            if (rows.Count <= DirectoryQuery.PageSize)
            {
                page = 1;
            }

            rows = rows.Take(DirectoryQuery.PageSize).Reverse().ToList();
            hasNext = true;
        }
        else
        {
            // A page by number finds its ids in the sort's narrow index first, then reads only those cards. A deep page of
            // the whole list also reads the card before it, whose sort key is remembered so the next request seeks instead.
            var skip = (page - 1) * DirectoryQuery.PageSize;
            var remember = after is null && boundaryKey is not null;
            var firstRow = remember ? skip - 1 : skip;
            var take = DirectoryQuery.PageSize + (remember ? 2 : 1);
            var pageIds = Ordered(matching, sort, forward: true).Skip(firstRow).Take(take).Select(o => o.Id);
            var pageRows = after is not null
                ? Ordered(Seek(matching, sort, after, forward: true), sort, forward: true)
                : sort == Relevance
                    ? Ranked(filtered, matching, terms).Skip(skip)
                    : Ordered(db.Mentors.AsNoTracking().Where(m => pageIds.Contains(m.Id)), sort, forward: true);
            rows = firstPage ?? await pageRows.Take(take).Select(CardRow.Projection).ToListAsync(cancellationToken);
            if (remember && rows.Count > 0)
            {
                cache.Set(boundaryKey!, new Remembered<DirectoryCursor>(rows[0].Cursor(sort), time.GetUtcNow()), Remembered<DirectoryCursor>.Cap);
                rows.RemoveAt(0);
            }

            hasNext = rows.Count > DirectoryQuery.PageSize;
            rows = rows.Take(DirectoryQuery.PageSize).ToList();
        }

        var today = Today;
        string? previous = page <= 1 ? null
            : page == 2 || sort == Relevance || rows.Count == 0 ? query.LinkToPage(page - 1)
            : query.Link(page - 1, null, rows[0].Cursor(sort).Encode());
        string? next = !hasNext || rows.Count == 0 ? null
            : sort == Relevance ? query.LinkToPage(page + 1)
            : query.Link(page + 1, rows[^1].Cursor(sort).Encode(), null);
        var pager = new DirectoryPager(page, Math.Max(pageCount, hasNext ? page + 1 : page), previous, next, query.LinkToPage);
        return new DirectoryViewModel(query, rows.ConvertAll(r => r.ToCard(today)), total, pager, programmes);
    }

    /// <summary>
    /// The whole list and its "accepting now" view (no search words, no other filter), whose totals are cached: null for a
    /// page that narrows the list, which counts exactly.
    /// </summary>
    private static string? WholeListView(DirectoryQuery query, DirectorySearchTerms terms, int? programmeId) =>
        !terms.IsEmpty || programmeId is not null || NarrowsRows(query) ? null
        : query.Accepting ? "accepting"
        : "listed";

    /// <summary>
    /// How many mentors the whole list (or its "accepting now" view) holds: counted from the smallest partial index at most
    /// every 30 seconds per instance (by one request, while the others use the last count), so the most visited pages cost
    /// one statement. Pages that narrow the list count exactly; see ADR-015 ("Revised").
    /// </summary>
    private async Task<int> ListedCountAsync(string view, IQueryable<Mentor> mentors, CancellationToken cancellationToken)
    {
        var key = $"directory:{view}:count";
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out Remembered<int>? remembered) && !remembered!.ClaimRefresh(now, CountLifetime))
        {
            return remembered.Value;
        }

        var count = await mentors.CountAsync(cancellationToken);
        cache.Set(key, new Remembered<int>(count, now), Remembered<int>.Cap);
        return count;
    }

    private static bool NarrowsRows(DirectoryQuery query) =>
        !string.IsNullOrWhiteSpace(query.Specialty) || !string.IsNullOrWhiteSpace(query.Region) || !string.IsNullOrWhiteSpace(query.Background)
        || query.Mode is { } mode && mode != MeetingModes.None;

    private static IQueryable<Mentor> Filtered(IQueryable<Mentor> mentors, DirectoryQuery query, int? programmeId)
    {
        if (programmeId is { } id)
        {
            mentors = mentors.Where(m => m.Programmes.Any(p => p.Id == id));
        }

        if (!string.IsNullOrWhiteSpace(query.Specialty))
        {
            mentors = mentors.Where(m => m.Specialty == query.Specialty);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            mentors = mentors.Where(m => m.Region == query.Region);
        }

        if (!string.IsNullOrWhiteSpace(query.Background))
        {
            mentors = mentors.Where(m => m.Background == query.Background);
        }

        if (query.Mode is { } mode && mode != MeetingModes.None)
        {
            mentors = mentors.Where(m => (m.MeetingModes & mode) == mode);
        }

        return query.Accepting ? mentors.Where(m => m.DirectoryState == DirectoryState.Accepting) : mentors;
    }

    /// <summary>The mentors whose profile matches every search term (one of its alternatives), as each provider searches.</summary>
    private IQueryable<Mentor> Matching(IQueryable<Mentor> mentors, DirectorySearchTerms terms)
    {
        switch (db)
        {
            case PostgresPortalDbContext:
                foreach (var term in terms.Terms)
                {
                    var termWords = WordsOf(term);
                    mentors = mentors.Where(m => termWords.Any(w => w.MentorId == m.Id));
                }

                return mentors;
            case SqlitePortalDbContext:
                return mentors.Join(SqliteHits(terms), m => m.Id, h => h.MentorId, (m, _) => m);
            default:
                foreach (var term in terms.Terms)
                {
                    mentors = mentors.Where(AnyContained(term));
                }

                return mentors;
        }
    }

    /// <summary>
    /// Best match first (when searching without choosing a sort), then by name. On PostgreSQL the best match is the best place
    /// any search term appears (name or specialty, then expertise, then biography); one term alone (a word, or a meaning of
    /// the synonym list) is read in the order of the word index, 21 entries for a first page however many mentors match.
    /// </summary>
    private IQueryable<Mentor> Ranked(IQueryable<Mentor> filtered, IQueryable<Mentor> matching, DirectorySearchTerms terms)
    {
        switch (db)
        {
            case PostgresPortalDbContext:
                if (terms.SingleTerm is { } term)
                {
                    return WordsOf(term)
                        .Join(filtered, w => w.MentorId, m => m.Id, (w, m) => new { Word = w, Mentor = m })
                        .OrderBy(x => x.Word.Weight).ThenBy(x => x.Word.DisplayName).ThenBy(x => x.Word.MentorId)
                        .Select(x => x.Mentor);
                }

                var searched = db.Set<MentorSearchWord>().Where(AnyKeyOf(terms.Terms));
                return matching
                    .OrderBy(m => searched.Where(w => w.MentorId == m.Id).Min(w => (short?)w.Weight))
                    .ThenBy(m => m.DisplayName).ThenBy(m => m.Id);
            case SqlitePortalDbContext:
                return matching.Join(SqliteHits(terms), m => m.Id, h => h.MentorId, (m, h) => new { Mentor = m, h.Rank })
                    .OrderBy(x => x.Rank).ThenBy(x => x.Mentor.DisplayName).ThenBy(x => x.Mentor.Id)
                    .Select(x => x.Mentor);
            default:
                return Ordered(matching, "availability", forward: true);
        }
    }

    /// <summary>
    /// The word index's rows for any of <paramref name="terms"/>, each one key (a parameter): a word's lexeme,
    /// <c>"Word" = directory_lexeme(@w)</c>, or a meaning of the synonym list, <c>"Word" = @query</c> (DirectorySynonyms).
    /// </summary>
    private static Expression<Func<MentorSearchWord, bool>> AnyKeyOf(IEnumerable<IReadOnlyList<string>> terms)
    {
        Expression<Func<MentorSearchWord, bool>>? any = null;
        foreach (var term in terms)
        {
            var key = DirectorySearchTerms.IsMeaning(term) ? DirectorySearchTerms.ToTsQuery(term) : null;
            var word = term[0];
            Expression<Func<MentorSearchWord, bool>> one = key is not null
                ? w => w.Word == key
                : w => w.Word == MentorSearchConfiguration.Lexeme(word);
            any = any is null ? one : Expression.Lambda<Func<MentorSearchWord, bool>>(
                Expression.OrElse(any.Body, ReplacingExpressionVisitor.Replace(one.Parameters[0], any.Parameters[0], one.Body)),
                any.Parameters);
        }

        return any ?? (w => false);
    }

    /// <summary>One search term and no filter, on PostgreSQL: its count is an index-only count of the word index.</summary>
    private IReadOnlyList<string>? OneTermUnfiltered(DirectorySearchTerms terms, DirectoryQuery query, int? programmeId) =>
        db is PostgresPortalDbContext && programmeId is null && !NarrowsRows(query) && !query.Accepting ? terms.SingleTerm : null;

    /// <summary>The word index's rows for one search term, on PostgreSQL.</summary>
    private IQueryable<MentorSearchWord> WordsOf(IReadOnlyList<string> term) => db.Set<MentorSearchWord>().Where(AnyKeyOf([term]));

    /// <summary>
    /// The first page of one search term with no filter and the term's count, in one statement: the count is a subquery that
    /// PostgreSQL runs once. A first page with no rows means no mentor matches, so no second statement is needed.
    /// </summary>
    private async Task<(List<CardRow> Rows, int Total)> CountedFirstPageAsync(IQueryable<Mentor> ranked, IReadOnlyList<string> term,
        CancellationToken cancellationToken)
    {
        var matches = WordsOf(term);
        var found = await ranked.Take(DirectoryQuery.PageSize + 1).Select(CardRow.Projection)
            .Select(row => new { Row = row, Total = matches.Count() })
            .ToListAsync(cancellationToken);
        return (found.ConvertAll(f => f.Row), found.Count == 0 ? 0 : found[0].Total);
    }

    private Task<int> WordCountAsync(IReadOnlyList<string> term, CancellationToken cancellationToken) =>
        WordsOf(term).CountAsync(cancellationToken);

    private IQueryable<MentorSearchHit> SqliteHits(DirectorySearchTerms terms)
    {
        var match = terms.ToFts5Match();
        // Weights follow PostgreSQL's: name and specialty, then expertise, then the biography.
        return db.Set<MentorSearchHit>().FromSql(
            $"SELECT rowid AS MentorId, bm25(MentorSearch, 10.0, 10.0, 4.0, 1.0) AS Rank FROM MentorSearch WHERE MentorSearch MATCH {match}");
    }

    private static Expression<Func<Mentor, bool>> AnyContained(IReadOnlyList<string> alternatives)
    {
        var mentor = Expression.Parameter(typeof(Mentor), "m");
        var text = Expression.Property(mentor, nameof(Mentor.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var body = alternatives
            .Select(a => (Expression)Expression.Call(text, contains,
                Expression.Constant(a)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Mentor, bool>>(body, mentor);
    }

    /// <summary>Each sort in the order of its index (ADR-015), or backwards for a Previous link.</summary>
    private static IQueryable<Mentor> Ordered(IQueryable<Mentor> mentors, string sort, bool forward) => (sort, forward) switch
    {
        ("name", true) => mentors.OrderBy(m => m.DisplayName).ThenBy(m => m.Id),
        ("name", false) => mentors.OrderByDescending(m => m.DisplayName).ThenByDescending(m => m.Id),
        ("places", true) => mentors.OrderBy(m => -m.FreePlaces).ThenBy(m => m.DisplayName).ThenBy(m => m.Id),
        ("places", false) => mentors.OrderByDescending(m => -m.FreePlaces).ThenByDescending(m => m.DisplayName).ThenByDescending(m => m.Id),
        ("newest", true) => mentors.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        ("newest", false) => mentors.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
        (_, true) => mentors.OrderBy(m => m.DirectoryState).ThenBy(m => m.DisplayName).ThenBy(m => m.Id),
        (_, false) => mentors.OrderByDescending(m => m.DirectoryState).ThenByDescending(m => m.DisplayName).ThenByDescending(m => m.Id),
    };

    /// <summary>
    /// The mentors after (or before) the cursor's card in the sort's order. PostgreSQL compares the whole sort key as one
    /// row value, which its btree index serves as a seek; the other providers spell the comparison out.
    /// </summary>
    private IQueryable<Mentor> Seek(IQueryable<Mentor> mentors, string sort, DirectoryCursor cursor, bool forward)
    {
        var (state, places, created, name, id) = (cursor.State, -cursor.FreePlaces, cursor.CreatedAt, cursor.Name, cursor.Id);
        if (db is PostgresPortalDbContext)
        {
            return (sort, forward) switch
            {
                ("name", true) => mentors.Where(m => EF.Functions.GreaterThan(ValueTuple.Create(m.DisplayName, m.Id), ValueTuple.Create(name, id))),
                ("name", false) => mentors.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.DisplayName, m.Id), ValueTuple.Create(name, id))),
                ("places", true) => mentors.Where(m => EF.Functions.GreaterThan(
                    ValueTuple.Create(-m.FreePlaces, m.DisplayName, m.Id), ValueTuple.Create(places, name, id))),
                ("places", false) => mentors.Where(m => EF.Functions.LessThan(
                    ValueTuple.Create(-m.FreePlaces, m.DisplayName, m.Id), ValueTuple.Create(places, name, id))),
                ("newest", true) => mentors.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.CreatedAt, m.Id), ValueTuple.Create(created, id))),
                ("newest", false) => mentors.Where(m => EF.Functions.GreaterThan(ValueTuple.Create(m.CreatedAt, m.Id), ValueTuple.Create(created, id))),
                (_, true) => mentors.Where(m => EF.Functions.GreaterThan(
                    ValueTuple.Create(m.DirectoryState, m.DisplayName, m.Id), ValueTuple.Create(state, name, id))),
                (_, false) => mentors.Where(m => EF.Functions.LessThan(
                    ValueTuple.Create(m.DirectoryState, m.DisplayName, m.Id), ValueTuple.Create(state, name, id))),
            };
        }

        // Translated to SQL, where the column's collation compares, as in the ORDER BY; no .NET comparison runs.
#pragma warning disable CA1309, CA1310
        return (sort, forward) switch
        {
            ("name", true) => mentors.Where(m => string.Compare(m.DisplayName, name) > 0 || (m.DisplayName == name && m.Id > id)),
            ("name", false) => mentors.Where(m => string.Compare(m.DisplayName, name) < 0 || (m.DisplayName == name && m.Id < id)),
            ("places", true) => mentors.Where(m => -m.FreePlaces > places || (-m.FreePlaces == places
                && (string.Compare(m.DisplayName, name) > 0 || (m.DisplayName == name && m.Id > id)))),
            ("places", false) => mentors.Where(m => -m.FreePlaces < places || (-m.FreePlaces == places
                && (string.Compare(m.DisplayName, name) < 0 || (m.DisplayName == name && m.Id < id)))),
            ("newest", true) => mentors.Where(m => m.CreatedAt < created || (m.CreatedAt == created && m.Id < id)),
            ("newest", false) => mentors.Where(m => m.CreatedAt > created || (m.CreatedAt == created && m.Id > id)),
            (_, true) => mentors.Where(m => m.DirectoryState > state || (m.DirectoryState == state
                && (string.Compare(m.DisplayName, name) > 0 || (m.DisplayName == name && m.Id > id)))),
            (_, false) => mentors.Where(m => m.DirectoryState < state || (m.DirectoryState == state
                && (string.Compare(m.DisplayName, name) < 0 || (m.DisplayName == name && m.Id < id)))),
        };
#pragma warning restore CA1309, CA1310
    }

    /// <summary>
    /// A listed mentor's profile with the contact form, as <paramref name="menteeUserId"/> sees it (null: a visitor or a
    /// member who is not a mentee); null when the mentor is not listed in a programme whose mentees choose.
    /// </summary>
    public async Task<MentorProfileViewModel?> ProfileAsync(int id, ContactForm form, bool signedIn, string? menteeUserId,
        CancellationToken cancellationToken)
    {
        var programmes = await catalogue.MenteeChoosesAsync(cancellationToken);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        var today = Today;
        var mentor = db.Mentors.AsNoTracking()
            .Where(Mentor.ListedOn(today))
            .Where(m => m.Id == id && m.Programmes.Any(p => programmeIds.Contains(p.Id)));
        var row = await mentor.Select(CardRow.Projection).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var found = await mentor
            .Select(m => new { m.Bio, m.Organisation, ProgrammeIds = m.Programmes.Select(p => p.Id).ToList() })
            .SingleAsync(cancellationToken);
        var card = row.ToCard(today);
        var mentorProgrammes = programmes.Where(p => found.ProgrammeIds.Contains(p.Id)).ToList();
        if (form.ProgrammeId == 0 && mentorProgrammes.Count > 0)
        {
            form.ProgrammeId = mentorProgrammes[0].Id;
        }

        var cannotContact = Mentor.WhyNotAvailable(card.Name, card.Availability, card.PausedUntil);
        PendingRequestFact? pending = null;
        if (menteeUserId is not null)
        {
            var mentee = await db.Mentees.AsNoTracking()
                .Where(m => m.UserId == menteeUserId)
                .Select(m => new
                {
                    m.ProfileCompletedAt,
                    Pending = m.Requests.Where(r => r.MentorId == id && r.Status == ContactRequestStatus.Pending)
                        .Select(r => new PendingRequestFact(r.CreatedAt, r.ExpiresAt)).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            pending = mentee?.Pending;
            if (cannotContact is null && mentee?.ProfileCompletedAt is null)
            {
                cannotContact = "Complete your profile before contacting a mentor: it tells them who you are and what you hope for.";
            }
        }

        return new MentorProfileViewModel(card, found.Bio, found.Organisation, mentorProgrammes, form, signedIn, menteeUserId is not null,
            cannotContact, pending);
    }

    /// <summary>What a directory card needs from the database; availability is the domain's, worked out after the query.</summary>
    private sealed record CardRow(int Id, string Name, string Specialty, string Grade, string Region, string Background, string Expertise,
        MeetingModes Modes, AvailabilityStatus Status, DateOnly? PausedUntil, int Capacity, int Active, DirectoryState State,
        int FreePlaces, DateTime CreatedAt)
    {
        public static readonly Expression<Func<Mentor, CardRow>> Projection = m =>
            new CardRow(m.Id, m.DisplayName, m.Specialty, m.Grade, m.Region, m.Background, m.Expertise, m.MeetingModes,
                m.Status, m.PausedUntil, m.Capacity, m.ActiveMenteeCount, m.DirectoryState, m.FreePlaces, m.CreatedAt);

        public DirectoryCursor Cursor(string sort) => DirectoryCursor.Of(sort, State, FreePlaces, CreatedAt, Name, Id);

        public MentorCard ToCard(DateOnly today)
        {
            var availability = Mentor.AvailabilityOn(today, Status, PausedUntil, Capacity, Active);
            return new MentorCard(Id, Name, Specialty, Grade, Region, Background, Expertise, Modes, availability,
                Math.Max(0, Capacity - Active), availability == MentorAvailability.Paused ? PausedUntil : null);
        }
    }
}
