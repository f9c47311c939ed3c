using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>The directory's reads: a page of mentors for a search, and one mentor's profile for a visitor.</summary>
public sealed class MentorDirectory(PortalDbContext db, ProgrammeCatalogue catalogue, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<DirectoryViewModel> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var programmes = await catalogue.MenteeChoosesAsync(cancellationToken);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        if (query.Programme is { } chosen && programmeIds.Contains(chosen))
        {
            programmeIds = [chosen];
        }

        var today = Today;
        var mentors = Sorted(Filtered(db.Mentors.AsNoTracking()
            .Where(Mentor.ListedOn(today))
            .Where(m => m.Programmes.Any(p => programmeIds.Contains(p.Id))), query, today), query.Sort, today);

        var total = await mentors.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)DirectoryQuery.PageSize));
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await mentors
            .Skip((page - 1) * DirectoryQuery.PageSize)
            .Take(DirectoryQuery.PageSize)
            .Select(CardRow.Projection)
            .ToListAsync(cancellationToken);

        return new DirectoryViewModel(query, rows.ConvertAll(r => r.ToCard(today)), total, page, pageCount, programmes);
    }

    private static IQueryable<Mentor> Filtered(IQueryable<Mentor> mentors, DirectoryQuery query, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            foreach (var word in query.Q.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                mentors = mentors.Where(m => m.SearchText.Contains(word));
            }
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

        return query.Accepting ? mentors.Where(Mentor.ContactableOn(today)) : mentors;
    }

    private static IQueryable<Mentor> Sorted(IQueryable<Mentor> mentors, string? sort, DateOnly today) => sort switch
    {
        "name" => mentors.OrderBy(m => m.DisplayName).ThenBy(m => m.Id),
        "places" => mentors.OrderByDescending(m => m.Capacity - m.ActiveMenteeCount).ThenBy(m => m.DisplayName).ThenBy(m => m.Id),
        "newest" => mentors.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id),
        _ => mentors
            .OrderByDescending(m => (m.Status == AvailabilityStatus.Accepting
                    || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
                && m.ActiveMenteeCount < m.Capacity)
            .ThenBy(m => m.DisplayName)
            .ThenBy(m => m.Id),
    };

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
        MeetingModes Modes, AvailabilityStatus Status, DateOnly? PausedUntil, int Capacity, int Active)
    {
        public static readonly System.Linq.Expressions.Expression<Func<Mentor, CardRow>> Projection = m =>
            new CardRow(m.Id, m.DisplayName, m.Specialty, m.Grade, m.Region, m.Background, m.Expertise, m.MeetingModes,
                m.Status, m.PausedUntil, m.Capacity, m.ActiveMenteeCount);

        public MentorCard ToCard(DateOnly today)
        {
            var availability = Mentor.AvailabilityOn(today, Status, PausedUntil, Capacity, Active);
            return new MentorCard(Id, Name, Specialty, Grade, Region, Background, Expertise, Modes, availability,
                Math.Max(0, Capacity - Active), availability == MentorAvailability.Paused ? PausedUntil : null);
        }
    }
}
