using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin;

/// <summary>The administrator's desk as read: the load on each programme and the queues that need a person.</summary>
public sealed class AdminDesk(PortalDbContext db, TimeProvider time)
{
    public async Task<AdminHomeViewModel> LoadAsync(AdminScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var pairings = await ActivePairingFactsAsync(scope, now, cancellationToken);
        var byId = pairings.ToDictionary(p => p.Id);

        var programmes = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Slug,
                p.MatchingMode,
                FreePlaces = db.Mentors.Where(m => m.IsApproved && m.Programmes.Any(x => x.Id == p.Id)).Sum(m => m.Capacity - m.ActiveMenteeCount),
                Waiting = db.MenteeApplications.Count(a => a.ProgrammeId == p.Id && a.Status == ApplicationStatus.Waiting),
            })
            .ToListAsync(cancellationToken);
        var load = programmes.ConvertAll(p => new ProgrammeLoad(p.Name, pairings.Count(x => x.ProgrammeId == p.Id), p.FreePlaces,
            pairings.Count(x => x.ProgrammeId == p.Id && x.Overdue), p.Waiting,
            p.MatchingMode == Domain.Programmes.MatchingMode.SchemeMatches ? $"/admin/programmes/{p.Slug}/cohort" : null));

        var applications = await scope.Applications(db).AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Waiting)
            .OrderBy(a => a.SubmittedAt)
            .Select(a => new WaitingApplicationRow(a.Id, a.Mentee!.DisplayName, a.Programme!.Name, a.SubmittedAt))
            .ToListAsync(cancellationToken);

        var mentors = scope.Mentors(db).AsNoTracking();
        var signUpsWaiting = await mentors.CountAsync(m => m.Approval == MentorApproval.Waiting, cancellationToken);
        var soon = today.AddDays(Mentor.TrainingReminderDays);
        var trainingDue = await mentors.CountAsync(
            m => m.IsApproved && (m.TrainingCompletedOn == null || m.TrainingExpiresOn <= soon), cancellationToken);

        var changeRequests = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.Status == ChangeRequestStatus.Open)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.PairingId, c.RequestedByMentee, c.CreatedAt, c.Reason })
            .ToListAsync(cancellationToken);
        var changeRows = changeRequests.Where(c => byId.ContainsKey(c.PairingId))
            .Select(c => new ChangeRequestRow(c.Id, byId[c.PairingId], c.RequestedByMentee ? "the mentee" : "the mentor", c.CreatedAt, c.Reason))
            .ToList();

        var yearAgo = now.AddYears(-1);
        var expired = await db.ContactRequests.AsNoTracking()
            .Where(r => r.Status == ContactRequestStatus.Expired && r.AnsweredAt >= yearAgo)
            .Where(r => scope.AllProgrammes || scope.ProgrammeIds.Contains(r.ProgrammeId))
            .GroupBy(r => new { r.MentorId, r.Mentor!.DisplayName })
            .Select(g => new ExpiredRequestsRow(g.Key.MentorId, g.Key.DisplayName, g.Count(), g.Max(r => r.AnsweredAt!.Value)))
            .ToListAsync(cancellationToken);

        return new AdminHomeViewModel(load, applications, signUpsWaiting, trainingDue, changeRows,
            pairings.Where(p => p.Overdue).OrderBy(p => p.LastMeeting ?? p.StartedAt).ToList(),
            expired.OrderByDescending(e => e.Expired).ThenBy(e => e.Mentor, StringComparer.Ordinal).ToList());
    }


    /// <summary>Every active pairing as facts only.</summary>
    private async Task<List<PairingFacts>> ActivePairingFactsAsync(AdminScope scope, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await scope.Pairings(db).AsNoTracking()
            .Where(m => m.Status == PairingStatus.Active)
            .Select(m => new
            {
                m.Id,
                m.ProgrammeId,
                Programme = db.Programmes.Where(p => p.Id == m.ProgrammeId).Select(p => new { p.Name, p.MeetingCadenceWeeks }).First(),
                Mentor = m.Mentor!.DisplayName,
                Mentee = m.Mentee!.DisplayName,
                m.StartedAt,
                Held = m.Meetings.Count(x => x.Status == MeetingStatus.Held),
                LastHeld = m.Meetings.Where(x => x.Status == MeetingStatus.Held).Max(x => (DateTime?)x.StartsAt),
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new PairingFacts(r.Id, r.ProgrammeId, r.Programme.Name, r.Mentor, r.Mentee, r.StartedAt, r.Held,
            r.LastHeld, Pairing.IsOverdue(r.StartedAt, r.LastHeld, now, r.Programme.MeetingCadenceWeeks)));
    }
}
