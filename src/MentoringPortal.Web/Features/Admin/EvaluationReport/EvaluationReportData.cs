using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.EvaluationReport;

/// <summary>
/// Reads one programme's facts for a period and hands the survey answers to
/// <see cref="EvaluationSummary"/>. Only numbers and anonymous answers leave here: no query reads
/// a name, an email address or a goal's words.
/// </summary>
public static class EvaluationReportData
{
    public static async Task<ProgrammeEvaluation> LoadAsync(PortalDbContext db, ReportProgramme programme, ReportPeriod period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Start;
        var end = period.EndExclusive;

        // A survey belongs to the period in which its members were asked to answer it.
        var surveys = await db.SurveyResponses.AsNoTracking().AsSplitQuery().Include(s => s.GoalProgress)
            .Where(s => s.ProgrammeId == programme.Id && s.CreatedAt >= start && s.CreatedAt < end)
            .ToListAsync(cancellationToken);
        var rates = new List<ResponseRate>();
        foreach (var kind in Enum.GetValues<SurveyKind>())
        {
            var ofKind = surveys.Where(s => s.Kind == kind).ToList();
            foreach (var respondent in Enum.GetValues<SurveyRespondent>())
            {
                var group = ofKind.Where(s => s.Respondent == respondent).ToList();
                rates.Add(new ResponseRate(kind, respondent.Describe(), group.Count, group.Count(s => s.IsSubmitted)));
            }

            rates.Add(new ResponseRate(kind, "Everyone", ofKind.Count, ofKind.Count(s => s.IsSubmitted)));
        }

        var summary = EvaluationSummary.From(surveys.Where(s => s.IsSubmitted).Select(SurveyFacts.From));

        var pairings = db.Pairings.AsNoTracking().Where(m => m.ProgrammeId == programme.Id);
        var started = await pairings.CountAsync(m => m.StartedAt >= start && m.StartedAt < end, cancellationToken);
        var endings = await pairings.Where(m => m.EndedAt >= start && m.EndedAt < end).Select(m => m.EndReason).ToListAsync(cancellationToken);
        var active = pairings.Where(m => m.StartedAt < end && (m.EndedAt == null || m.EndedAt >= start));
        var activeCount = await active.CountAsync(cancellationToken);
        var meetingsHeld = await db.Meetings.AsNoTracking()
            .Where(x => x.Status == MeetingStatus.Held && x.StartsAt >= start && x.StartsAt < end)
            .CountAsync(x => active.Any(m => m.Id == x.PairingId), cancellationToken);
        var pairingFigures = new PairingFigures(started, endings.Count(r => r != EndReason.Reassigned),
            endings.Count(r => r == EndReason.Reassigned), activeCount, meetingsHeld);

        // Days are worked out here rather than in SQL, the same way on both providers.
        List<(DateTime From, DateTime To)> waits;
        if (programme.MatchingMode == MatchingMode.SchemeMatches)
        {
            waits = (await db.MenteeApplications.AsNoTracking()
                    .Where(a => a.ProgrammeId == programme.Id && a.Status == ApplicationStatus.Matched && a.DecidedAt >= start && a.DecidedAt < end)
                    .Select(a => new { a.SubmittedAt, a.DecidedAt }).ToListAsync(cancellationToken))
                .Select(a => (a.SubmittedAt, a.DecidedAt!.Value)).ToList();
        }
        else
        {
            waits = (await db.ContactRequests.AsNoTracking()
                    .Where(r => r.ProgrammeId == programme.Id && r.Status == ContactRequestStatus.Accepted && r.AnsweredAt >= start && r.AnsweredAt < end)
                    .Select(r => new { r.CreatedAt, r.AnsweredAt }).ToListAsync(cancellationToken))
                .Select(r => (r.CreatedAt, r.AnsweredAt!.Value)).ToList();
        }

        var timeToMatch = Spread.Of(waits.Select(w => (w.To - w.From).TotalDays));

        // A meeting's ratings count in the period in which the meeting took place; who rated is read as mentee or mentor only.
        var ratings = await db.MeetingRatings.AsNoTracking()
            .Where(r => r.ProgrammeId == programme.Id)
            .Join(db.Meetings.Where(x => x.StartsAt >= start && x.StartsAt < end), r => r.MeetingId, x => x.Id,
                (r, x) => new MeetingRatingFact(r.Rater, r.Usefulness))
            .ToListAsync(cancellationToken);
        return new ProgrammeEvaluation(programme, period, rates, summary, pairingFigures, timeToMatch, MeetingRatingSummary.From(ratings));
    }
}
