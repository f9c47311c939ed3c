using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Pairings;

/// <summary>Reads pairings as facts for administrators: dates and counts of meetings, never notes, actions, goals or places.</summary>
public static class AdminPairingFacts
{
    /// <summary>Pairings whose mentee's or mentor's name contains the text, ignoring case.</summary>
    public static IQueryable<Pairing> WithNameLike(PortalDbContext db, IQueryable<Pairing> pairings, string text)
    {
        var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

        // PostgreSQL's LIKE is case-sensitive, so it has ILIKE; SQLite's LIKE already ignores case.
        return db.Database.IsNpgsql()
            ? pairings.Where(m => EF.Functions.ILike(m.Mentee!.DisplayName, pattern, @"\") || EF.Functions.ILike(m.Mentor!.DisplayName, pattern, @"\"))
            : pairings.Where(m => EF.Functions.Like(m.Mentee!.DisplayName, pattern, @"\") || EF.Functions.Like(m.Mentor!.DisplayName, pattern, @"\"));
    }

    /// <summary>One pairing's facts, or null when it is not among <paramref name="pairings"/> (outside the administrator's scope).</summary>
    public static async Task<PairingDetail?> DetailAsync(PortalDbContext db, IQueryable<Pairing> pairings, int id, DateTime now,
        CancellationToken cancellationToken)
    {
        var row = await pairings.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new
            {
                m.Id,
                m.ProgrammeId,
                Programme = db.Programmes.Where(p => p.Id == m.ProgrammeId).Select(p => new { p.Name, p.MeetingCadenceWeeks }).First(),
                m.MenteeId,
                Mentee = m.Mentee!.DisplayName,
                m.MentorId,
                Mentor = m.Mentor!.DisplayName,
                m.StartedAt,
                m.Status,
                m.EndedAt,
                m.EndReason,
                Held = m.Meetings.Count(x => x.Status == MeetingStatus.Held),
                LastHeld = m.Meetings.Where(x => x.Status == MeetingStatus.Held).Max(x => (DateTime?)x.StartsAt),
                NextPlanned = m.Meetings.Where(x => x.Status == MeetingStatus.Planned && x.StartsAt >= now).Min(x => (DateTime?)x.StartsAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var requests = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.PairingId == id && c.Status == ChangeRequestStatus.Open)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new OpenChangeRequest(c.Id, c.RequestedByMentee ? "The mentee" : "The mentor", c.CreatedAt, c.Reason))
            .ToListAsync(cancellationToken);
        var isActive = row.Status == PairingStatus.Active;
        return new PairingDetail(row.Id, row.ProgrammeId, row.Programme.Name, row.MenteeId, row.Mentee, row.MentorId, row.Mentor,
            row.StartedAt, isActive, row.EndedAt, row.EndReason?.Describe(), row.Held, row.LastHeld, isActive ? row.NextPlanned : null,
            isActive && Pairing.IsOverdue(row.StartedAt, row.LastHeld, now, row.Programme.MeetingCadenceWeeks),
            requests);
    }

    /// <summary>The rows of the pairings list, in the order given, with the overdue flag worked out by the domain's rule.</summary>
    public static async Task<IReadOnlyList<PairingRow>> RowsAsync(PortalDbContext db, IQueryable<Pairing> pairings, DateTime now,
        CancellationToken cancellationToken)
    {
        var rows = await pairings.AsNoTracking()
            .Select(m => new
            {
                m.Id,
                Programme = db.Programmes.Where(p => p.Id == m.ProgrammeId).Select(p => new { p.Name, p.MeetingCadenceWeeks }).First(),
                Mentee = m.Mentee!.DisplayName,
                Mentor = m.Mentor!.DisplayName,
                m.StartedAt,
                m.Status,
                Held = m.Meetings.Count(x => x.Status == MeetingStatus.Held),
                LastHeld = m.Meetings.Where(x => x.Status == MeetingStatus.Held).Max(x => (DateTime?)x.StartsAt),
                ChangeRequested = m.ChangeRequests.Any(c => c.Status == ChangeRequestStatus.Open),
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r =>
        {
            var isActive = r.Status == PairingStatus.Active;
            return new PairingRow(r.Id, r.Mentee, r.Mentor, r.Programme.Name, r.StartedAt, r.Held, r.LastHeld,
                isActive && Pairing.IsOverdue(r.StartedAt, r.LastHeld, now, r.Programme.MeetingCadenceWeeks),
                r.ChangeRequested, isActive);
        });
    }
}
