using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
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
        .Include(a => a.Mentee).ThenInclude(m => m!.Pairings.Where(x => x.Status == PairingStatus.Active))
        .Include(a => a.Mentee).ThenInclude(m => m!.Applications)
        .Include(a => a.Mentee).ThenInclude(m => m!.Requests.Where(r => r.Status == ContactRequestStatus.Pending)).ThenInclude(r => r.Mentor)
        .Include(a => a.Proposals).ThenInclude(p => p.Mentor)
        .AsSplitQuery();

    /// <summary>
    /// Pairings with what ending or moving them reads and changes: both members, the meetings (future
    /// ones are cancelled) and the change requests (open ones are closed).
    /// </summary>
    public static IQueryable<Pairing> ReadyToEnd(this IQueryable<Pairing> pairings) => pairings
        .Include(m => m.Mentor).Include(m => m.Mentee).Include(m => m.Meetings).Include(m => m.ChangeRequests)
        .AsSplitQuery();

    /// <summary>
    /// The active pairing with this id when the user is one of its two members, with both members, the
    /// meetings and the open change requests, which is what a member's end or change request reads.
    /// </summary>
    public static IQueryable<Pairing> ActiveForMember(this IQueryable<Pairing> pairings, int id, string userId) => pairings
        .Include(m => m.Meetings)
        .Include(m => m.ChangeRequests.Where(c => c.Status == ChangeRequestStatus.Open))
        .WithMember(id, userId)
        .Where(m => m.Status == PairingStatus.Active)
        .AsSplitQuery();

    /// <summary>Change requests with their pairing and its two members, which declining one reads.</summary>
    public static IQueryable<ChangeRequest> WithPairingAndMembers(this IQueryable<ChangeRequest> requests) => requests
        .Include(c => c.Pairing).ThenInclude(m => m!.Mentor)
        .Include(c => c.Pairing).ThenInclude(m => m!.Mentee);

    /// <summary>Mentors with their programmes (whose administrators see the audit rows) and training records.</summary>
    public static IQueryable<Mentor> WithProgrammesAndTraining(this IQueryable<Mentor> mentors) => mentors
        .Include(m => m.Programmes).Include(m => m.Training)
        .AsSplitQuery();

    /// <summary>
    /// The pairing with this id when the user is one of its two members, with both members, its meetings
    /// and, on each meeting, only that member's own note: what planning, changing, cancelling or logging
    /// a meeting reads.
    /// </summary>
    public static IQueryable<Pairing> WithMeetingsForMember(this IQueryable<Pairing> pairings, int id, string userId) => pairings
        .Include(m => m.Meetings).ThenInclude(m => m.Notes.Where(n => n.AuthorUserId == userId))
        .WithMember(id, userId);
}
