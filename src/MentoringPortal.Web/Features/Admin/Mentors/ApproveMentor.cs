using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>
/// Approves a mentor's sign-up: the approval, the mentor role, the email and the audit rows, in one
/// unit. A role change ends the person's sessions, like every role change: they sign in again as a mentor.
/// </summary>
public sealed class ApproveMentor(PortalDbContext db, PortalEmails emails, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task<MentorChange> RunAsync(int mentorId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => ApproveAsync(mentorId, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MentorChange.ChangedMeanwhile();
        }
    }

    private async Task<MentorChange> ApproveAsync(int mentorId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        var mentor = await scope.Mentors(db).WithProgrammesAndTraining().SingleOrDefaultAsync(m => m.Id == mentorId, cancellationToken);
        if (mentor is null)
        {
            return new MentorChange.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = mentor.Approval.ToString();
        try
        {
            mentor.Approve(now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MentorChange.Refused(rule.Message);
        }

        MentorAudit.Add(db, mentor, administratorUserId, AuditActions.MentorApproved, before, MentorApproval.Approved.ToString(), now);
        var user = mentor.UserId is null ? null : await users.FindByIdAsync(mentor.UserId);
        if (user?.Email is { } email)
        {
            emails.MentorApproved(new Recipient(email, mentor.DisplayName), mentor.IsListed(DateOnly.FromDateTime(now)));
        }

        if (user is not null && !await users.IsInRoleAsync(user, Roles.Mentor))
        {
            // The user store saves this context: the approval, the role, the email and the audit rows in one SaveChanges.
            var added = await users.AddToRoleAsync(user, Roles.Mentor);
            if (!added.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new MentorChange.ChangedMeanwhile();
            }

            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return MentorChange.Saved(mentor, emailed: user?.Email is not null);
    }
}
