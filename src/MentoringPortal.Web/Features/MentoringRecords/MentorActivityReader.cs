using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Records;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentoringRecords;

public sealed record TrainingLine(string Course, DateOnly CompletedOn, DateOnly? ExpiresOn);

/// <summary>Everything a mentor's record is made from, with every date in UK time.</summary>
public sealed record MentorActivity(
    int MentorId,
    string MentorName,
    IReadOnlyList<string> Programmes,
    IReadOnlyList<TrainingLine> Training,
    IReadOnlyList<PairingFacts> Pairings,
    int? FirstProgrammeId);

/// <summary>Reads one approved mentor's own activity: only their pairings, never another mentor's.</summary>
public sealed class MentorActivityReader(PortalDbContext db)
{
    public async Task<MentorActivity?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.AsNoTracking()
            .Where(m => m.UserId == userId && m.IsApproved)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                Programmes = m.Programmes.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToList(),
                Training = m.Training.OrderByDescending(t => t.CompletedOn).Select(t => new TrainingLine(t.Course, t.CompletedOn, t.ExpiresOn)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            return null;
        }

        var pairings = await db.Pairings.AsNoTracking()
            .Where(p => p.MentorId == mentor.Id)
            .Select(p => new
            {
                Programme = db.Programmes.Where(x => x.Id == p.ProgrammeId).Select(x => x.Name).First(),
                Mentee = p.Mentee!.DisplayName,
                p.MenteeAgreesToBeNamed,
                p.StartedAt,
                p.EndedAt,
                Meetings = p.Meetings.Where(x => x.Status == MeetingStatus.Held).Select(x => new { x.StartsAt, x.DurationMinutes }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var facts = pairings.ConvertAll(p => new PairingFacts(p.Programme, p.Mentee, p.MenteeAgreesToBeNamed, UkTime.Today(p.StartedAt),
            p.EndedAt is { } ended ? UkTime.Today(ended) : null,
            p.Meetings.ConvertAll(x => new HeldMeeting(UkTime.Today(x.StartsAt), x.DurationMinutes))));
        return new MentorActivity(mentor.Id, mentor.DisplayName, mentor.Programmes.ConvertAll(p => p.Name), mentor.Training, facts,
            mentor.Programmes.Select(p => (int?)p.Id).FirstOrDefault());
    }
}
