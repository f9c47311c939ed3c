using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>Declines a mentor's sign-up: the decision, the administrator's message to them and the audit rows, in one unit.</summary>
public sealed class DeclineMentorApplication(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<MentorChange> RunAsync(int mentorId, string message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => DeclineAsync(mentorId, message, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MentorChange.ChangedMeanwhile();
        }
    }

    private async Task<MentorChange> DeclineAsync(int mentorId, string message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var mentor = await scope.Mentors(db).WithProgrammesAndTraining().SingleOrDefaultAsync(m => m.Id == mentorId, cancellationToken);
        if (mentor is null)
        {
            return new MentorChange.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            mentor.Decline(message, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MentorChange.Refused(rule.Message);
        }

        MentorAudit.Add(db, mentor, administratorUserId, AuditActions.MentorDeclined, MentorApproval.Waiting.ToString(),
            MentorApproval.Declined.ToString(), now);
        var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
        var recipient = addresses.For(mentor.UserId, mentor.DisplayName);
        if (recipient is not null)
        {
            emails.MentorDeclined(recipient, mentor.DeclineMessage!);
        }

        await db.SaveChangesAsync(cancellationToken);
        return MentorChange.Saved(mentor, emailed: recipient is not null);
    }
}
