using System.Globalization;
using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>Sets how many mentees a mentor takes, with an audit row when the number changes, in one unit.</summary>
public sealed class SetMentorCapacity(PortalDbContext db, TimeProvider time)
{
    public async Task<MentorChange> RunAsync(int mentorId, int capacity, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
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

                var before = mentor.Capacity;
                try
                {
                    mentor.SetCapacity(capacity);
                }
                catch (DomainRuleException rule)
                {
                    db.ChangeTracker.Clear();
                    return new MentorChange.Refused(rule.Message);
                }

                if (before != mentor.Capacity)
                {
                    MentorAudit.Add(db, mentor, administratorUserId, AuditActions.CapacityChanged, before.ToString(CultureInfo.InvariantCulture),
                        mentor.Capacity.ToString(CultureInfo.InvariantCulture), time.GetUtcNow().UtcDateTime);
                }

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
