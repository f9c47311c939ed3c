using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>What one run of <see cref="SurveyInvitations"/> did.</summary>
public sealed record SurveyRun(int PairingsDue, int InvitationsSent, int RemindersSent);

/// <summary>
/// Asks members for their answers. Active pairings that reach their programme's evaluation point get
/// an evaluation survey for both members; every survey not yet announced (evaluations, and the exit
/// surveys that ending or reassigning a pairing creates) gets its invitation; an evaluation still
/// unanswered 14 days after its invitation gets one reminder. Safe when two instances run at once:
/// the unique index on (pairing, kind, respondent) stops a second survey, and the survey's
/// concurrency token stops a second invitation or reminder (its outbox row is rolled back with it).
/// </summary>
public sealed class SurveyInvitations(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<SurveyInvitations> logger)
{
    private const int BatchSize = 200;

    public async Task<SurveyRun> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var programmes = await db.Programmes.AsNoTracking()
            .ToDictionaryAsync(p => p.Id, p => (p.Name, Months: p.EvaluationPointMonths), cancellationToken);
        var due = await CreateEvaluationsAsync(now, programmes, cancellationToken);
        var invited = await SendInvitationsAsync(programmes, cancellationToken);
        var reminded = await SendRemindersAsync(now, programmes, cancellationToken);
        if (due + invited + reminded > 0)
        {
            logger.LogInformation("Surveys: {Due} pairings reached their evaluation point, {Invited} invitations and {Reminded} reminders sent.",
                due, invited, reminded);
        }

        return new SurveyRun(due, invited, reminded);
    }

    private async Task<int> CreateEvaluationsAsync(DateTime now, Dictionary<int, (string Name, int Months)> programmes,
        CancellationToken cancellationToken)
    {
        if (programmes.Count == 0)
        {
            return 0;
        }

        // Only pairings that have reached their own programme's evaluation point, and have no evaluation yet, are
        // loaded: programme by programme, so one programme's pairings that are not due never crowd out another's.
        var candidateIds = new List<int>();
        foreach (var group in programmes.GroupBy(p => p.Value.Months, p => p.Key))
        {
            var startedBy = now.AddMonths(-group.Key);
            var ids = group.ToList();
            candidateIds.AddRange(await db.Pairings
                .Where(m => ids.Contains(m.ProgrammeId) && m.Status == PairingStatus.Active && m.StartedAt <= startedBy
                    && !m.Surveys.Any(s => s.Kind == SurveyKind.Evaluation))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken));
        }

        var created = 0;
        foreach (var id in candidateIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => CreateEvaluationAsync(id, now, programmes, unit), cancellationToken))
                {
                    created++;
                }
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
            {
                // Another instance created this pairing's evaluation at the same moment.
                logger.LogInformation("Pairing {PairingId} was given its evaluation by another instance; left as it is.", id);
            }
        }

        db.ChangeTracker.Clear();
        return created;
    }

    /// <summary>One pairing's evaluation surveys, in a unit of their own.</summary>
    private async Task<bool> CreateEvaluationAsync(int pairingId, DateTime now, Dictionary<int, (string Name, int Months)> programmes,
        CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.Include(m => m.Surveys).SingleAsync(m => m.Id == pairingId, cancellationToken);
        var months = programmes[pairing.ProgrammeId].Months;
        if (!pairing.NeedsEvaluationInvitation(now, months))
        {
            return false;
        }

        pairing.InviteToEvaluation(now, months);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Task<int> SendInvitationsAsync(Dictionary<int, (string Name, int Months)> programmes, CancellationToken cancellationToken) =>
        EmailEachAsync(
            db.SurveyResponses.Where(s => s.InvitationSentAt == null && s.SubmittedAt == null),
            survey => survey.NeedsInvitation && !survey.IsSubmitted,
            (survey, pairing, member, now) =>
            {
                survey.RecordInvitationSent(now);
                var isMentee = survey.Respondent == SurveyRespondent.Mentee;
                var programme = programmes[survey.ProgrammeId].Name;
                if (member is not { } to)
                {
                    return;
                }

                if (survey.Kind == SurveyKind.Evaluation)
                {
                    emails.EvaluationInvitation(to.To, to.OtherName, programme, isMentee, pairing.Id);
                }
                else
                {
                    emails.ExitSurveyInvitation(to.To, to.OtherName, programme, isMentee, pairing.Id);
                }
            },
            "invited",
            cancellationToken);

    private Task<int> SendRemindersAsync(DateTime now, Dictionary<int, (string Name, int Months)> programmes,
        CancellationToken cancellationToken)
    {
        var invitedBy = now - SurveyResponse.ReminderAfter;
        return EmailEachAsync(
            db.SurveyResponses.Where(s => s.Kind == SurveyKind.Evaluation && s.SubmittedAt == null && s.ReminderSentAt == null
                && s.InvitationSentAt != null && s.InvitationSentAt <= invitedBy),
            survey => survey.NeedsReminder(now),
            (survey, pairing, member, at) =>
            {
                survey.RecordReminderSent(at);
                if (member is { } to)
                {
                    emails.EvaluationReminder(to.To, to.OtherName, programmes[survey.ProgrammeId].Name, pairing.Id);
                }
            },
            "reminded",
            cancellationToken);
    }

    /// <summary>
    /// One survey at a time, each in its own unit: load it, check it is still due, record the email on it and add the
    /// email, then save both together, so a survey another instance handled at the same moment is
    /// skipped with its email, never sent twice.
    /// </summary>
    private async Task<int> EmailEachAsync(IQueryable<SurveyResponse> due, Func<SurveyResponse, bool> stillDue,
        Action<SurveyResponse, Pairing, (Recipient To, string OtherName)?, DateTime> recordAndEmail, string what, CancellationToken cancellationToken)
    {
        var surveyIds = await due.OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in surveyIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => EmailOneAsync(id, stillDue, recordAndEmail, unit), cancellationToken))
                {
                    sent++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance sent it, or the member saved their answers, at the same moment: the
                // outbox row was rolled back with the survey, and the next run looks again.
                logger.LogInformation("Survey {SurveyId} changed while being {What}; left as it is.", id, what);
            }
        }

        db.ChangeTracker.Clear();
        return sent;
    }

    /// <summary>One survey's email and the note of it on the survey, in a unit of their own.</summary>
    private async Task<bool> EmailOneAsync(int surveyId, Func<SurveyResponse, bool> stillDue,
        Action<SurveyResponse, Pairing, (Recipient To, string OtherName)?, DateTime> recordAndEmail, CancellationToken cancellationToken)
    {
        var survey = await db.SurveyResponses.SingleAsync(s => s.Id == surveyId, cancellationToken);
        if (!stillDue(survey))
        {
            return false;
        }

        var pairing = await db.Pairings.AsNoTracking().Include(m => m.Mentor).Include(m => m.Mentee)
            .SingleAsync(m => m.Id == survey.PairingId, cancellationToken);
        recordAndEmail(survey, pairing, await RecipientAsync(pairing, survey.Respondent, cancellationToken), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The member who answers this survey, and the name of the other member; null for a deleted account.</summary>
    private async Task<(Recipient To, string OtherName)?> RecipientAsync(Pairing pairing, SurveyRespondent respondent,
        CancellationToken cancellationToken)
    {
        var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
        return respondent == SurveyRespondent.Mentee
            ? mentee is null ? null : (mentee, pairing.Mentor!.DisplayName)
            : mentor is null ? null : (mentor, pairing.Mentee!.DisplayName);
    }
}
