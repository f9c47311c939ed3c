using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Privacy;

/// <summary>
/// What erasing one person keeps and what it removes, whichever roles they had. The account row
/// itself (email, password, sign-in) is removed by the caller; this erases what the scheme's own
/// records hold about the person and ends what they were part of.
/// </summary>
public static class AccountErasure
{
    /// <param name="userId">The account being erased.</param>
    /// <param name="mentee">The person's trainee record, if any, with goals, requests, applications and pairings loaded (see <see cref="Mentee.Erase"/>).</param>
    /// <param name="mentor">The person's mentor record, if any.</param>
    /// <param name="mentoring">The mentor's pairings, with mentor, meetings and notes, change requests and surveys loaded.</param>
    /// <param name="incomingRequests">Requests made to the mentor.</param>
    /// <param name="now">When the erasure happens.</param>
    public static void Erase(string userId, Mentee? mentee, Mentor? mentor, IEnumerable<Pairing> mentoring,
        IEnumerable<ContactRequest> incomingRequests, DateTime now)
    {
        mentee?.Erase(userId, now);
        if (mentor is null)
        {
            return;
        }

        foreach (var request in incomingRequests)
        {
            request.CloseBecauseMemberLeft(now);
        }

        foreach (var pairing in mentoring)
        {
            pairing.EndBecauseMemberLeft(now);
            pairing.EraseContentOf(userId, SurveyRespondent.Mentor);
        }

        mentor.Erase();
    }
}
