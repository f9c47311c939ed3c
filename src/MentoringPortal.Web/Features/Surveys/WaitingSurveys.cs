using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Surveys;

public static class WaitingSurveys
{
    /// <summary>The surveys the user has been asked to answer and has not sent yet, oldest first; only their own, never the other member's.</summary>
    public static async Task<IReadOnlyList<WaitingSurvey>> ForAsync(PortalDbContext db, string userId, int? pairingId,
        CancellationToken cancellationToken)
    {
        var pairings = db.Pairings.AsNoTracking().Where(m => m.Mentee!.UserId == userId || m.Mentor!.UserId == userId);
        if (pairingId is { } id)
        {
            pairings = pairings.Where(m => m.Id == id);
        }

        var query =
            from m in pairings
            from s in m.Surveys
            where s.SubmittedAt == null
                && ((s.Respondent == SurveyRespondent.Mentee && m.Mentee!.UserId == userId)
                    || (s.Respondent == SurveyRespondent.Mentor && m.Mentor!.UserId == userId))
            join p in db.Programmes on m.ProgrammeId equals p.Id
            orderby s.CreatedAt, s.Id
            select new WaitingSurvey(
                m.Id,
                s.Kind,
                p.Name,
                s.Respondent == SurveyRespondent.Mentee ? m.Mentor!.DisplayName : m.Mentee!.DisplayName,
                s.InvitationSentAt ?? s.CreatedAt,
                s.SavedAt);
        return await query.Take(20).ToListAsync(cancellationToken);
    }
}
