using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>Mentors a trainee can contact right now, offered when a request is declined or expires.</summary>
public static class AlternativeMentors
{
    public static async Task<IReadOnlyList<string>> FindAsync(PortalDbContext db, int programmeId, int menteeId, string? specialty,
        DateOnly today, CancellationToken cancellationToken, int count = 3)
    {
        var alreadyAsked = db.ContactRequests.Where(r => r.MenteeId == menteeId).Select(r => r.MentorId);
        var mentors = await db.Mentors.AsNoTracking()
            .Where(Mentor.ContactableOn(today))
            .Where(m => m.Programmes.Any(p => p.Id == programmeId) && !alreadyAsked.Contains(m.Id))
            .OrderByDescending(m => m.Specialty == specialty)
            .ThenByDescending(m => m.Capacity - m.ActiveMenteeCount)
            .ThenBy(m => m.DisplayName)
            .Take(count)
            .Select(m => new { m.DisplayName, m.Specialty, m.Region, Free = m.Capacity - m.ActiveMenteeCount })
            .ToListAsync(cancellationToken);
        return mentors
            .Select(m => $"{m.DisplayName}, {m.Specialty}, {m.Region} ({m.Free} {(m.Free == 1 ? "place" : "places")} free)")
            .ToList();
    }
}
