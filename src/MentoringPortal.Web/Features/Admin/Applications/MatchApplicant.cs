using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Applications;

/// <summary>
/// Matches one waiting application with a mentor the administrator chose: the mentor is proposed the
/// applicant and one of their places is held until they answer, both are emailed, and the audit log
/// records the score, in one unit. The mentor's capacity is held by the database, so a race is refused, not lost.
/// </summary>
public sealed class MatchApplicant(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<ApplicantMatch> RunAsync(int applicationId, int mentorId, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => MatchAsync(applicationId, mentorId, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            var waiting = await scope.Applications(db).AnyAsync(a => a.Id == applicationId && a.Status == ApplicationStatus.Waiting, cancellationToken);
            return waiting ? new ApplicantMatch.MentorTaken() : new ApplicantMatch.DealtWithElsewhere();
        }
    }

    private async Task<ApplicantMatch> MatchAsync(int applicationId, int mentorId, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var application = await scope.Applications(db).Include(a => a.Programme).ReadyToMatch()
            .SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        var mentor = application is null
            ? null
            : await db.Mentors.Include(m => m.Programmes)
                .SingleOrDefaultAsync(m => m.Id == mentorId && m.Programmes.Any(p => p.Id == application.ProgrammeId), cancellationToken);
        if (application is null || mentor is null)
        {
            return new ApplicantMatch.NotFound();
        }

        var programme = application.Programme!;
        var now = time.GetUtcNow().UtcDateTime;
        var scored = MatchAnnouncement.ScoreBeforeMatch(application, mentor, programme, now);
        MentorProposal proposal;
        try
        {
            proposal = application.Propose(mentor, programme, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new ApplicantMatch.Refused(rule.Message);
        }

        await MatchAnnouncement.ProposedAsync(db, emails, administratorUserId, application, proposal, programme, scored, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicantMatch.Proposed(application.Mentee!.DisplayName, mentor.DisplayName, programme.Name, proposal.AnswerBy);
    }
}

/// <summary>What matching one application came to, for the controller to show.</summary>
public abstract record ApplicantMatch
{
    private ApplicantMatch()
    {
    }

    /// <summary>No such application within the administrator's programmes, or the mentor is not in its programme: a 404.</summary>
    public sealed record NotFound : ApplicantMatch;

    /// <summary>A rule of the scheme refused the match (the mentor is full, the application no longer waits…); nothing changed.</summary>
    public sealed record Refused(string Reason) : ApplicantMatch;

    /// <summary>The mentor took someone else or became full at the same moment; the application still waits.</summary>
    public sealed record MentorTaken : ApplicantMatch;

    /// <summary>Someone else matched, declined or withdrew the application at the same moment.</summary>
    public sealed record DealtWithElsewhere : ApplicantMatch;

    /// <summary>The mentor has been asked; the place is held until they answer by <paramref name="AnswerBy"/> (UTC).</summary>
    public sealed record Proposed(string MenteeName, string MentorName, string ProgrammeName, DateTime AnswerBy) : ApplicantMatch;
}
