using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>The aggregates several workflows load, each loaded one way with what its rules read.</summary>
public static class Loaders
{
    /// <summary>
    /// Applications with what matching reads and changes: the mentee's goals, programmes, active
    /// pairings, applications and pending requests (with their mentors, who are told when a match
    /// withdraws them).
    /// </summary>
    public static IQueryable<MenteeApplication> ReadyToMatch(this IQueryable<MenteeApplication> applications) => applications
        .Include(a => a.Mentee).ThenInclude(m => m!.Goals)
        .Include(a => a.Mentee).ThenInclude(m => m!.Programmes)
        .Include(a => a.Mentee).ThenInclude(m => m!.Mentorships.Where(x => x.Status == MentorshipStatus.Active))
        .Include(a => a.Mentee).ThenInclude(m => m!.Applications)
        .Include(a => a.Mentee).ThenInclude(m => m!.Requests.Where(r => r.Status == ContactRequestStatus.Pending)).ThenInclude(r => r.Mentor)
        .AsSplitQuery();
}
