using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>Records a training course a mentor completed, with its audit rows, in one unit.</summary>
public sealed class RecordMentorTraining(PortalDbContext db, TimeProvider time)
{
    public async Task<MentorChange> RunAsync(int mentorId, string course, bool isSchemeCourse, DateOnly completedOn, DateOnly? expiresOn,
        AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync<MentorChange>(async unit =>
            {
                var mentor = await scope.Mentors(db).WithProgrammesAndTraining().SingleOrDefaultAsync(m => m.Id == mentorId, unit);
                if (mentor is null)
                {
                    return new MentorChange.NotFound();
                }

                var now = time.GetUtcNow().UtcDateTime;
                var expires = expiresOn ?? (isSchemeCourse ? mentor.SchemeCourseExpiry(completedOn) : null);
                try
                {
                    mentor.RecordTraining(course, isSchemeCourse, completedOn, expires, administratorUserId, now);
                }
                catch (DomainRuleException rule)
                {
                    db.ChangeTracker.Clear();
                    return new MentorChange.Refused(rule.Message);
                }

                MentorAudit.Add(db, mentor, administratorUserId, AuditActions.TrainingRecorded, null,
                    $"{course}, completed {completedOn:d MMM yyyy}, {(expires is { } e ? $"expires {e:d MMM yyyy}" : "does not expire")}", now);
                await db.SaveChangesAsync(unit);
                return MentorChange.Saved(mentor);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MentorChange.ChangedMeanwhile();
        }
    }
}
