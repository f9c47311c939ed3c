using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Directory;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>Closes requests nobody answered in time and tells the trainee, with mentors who are accepting now.</summary>
public sealed class RequestExpiry(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<RequestExpiry> logger)
{
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueIds = await db.ContactRequests
            .Where(r => r.Status == ContactRequestStatus.Pending && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt)
            .Select(r => r.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var id in dueIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => ExpireOneAsync(id, now, unit), cancellationToken))
                {
                    expired++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered (or expired by another instance) at the same moment: nothing to do.
                logger.LogInformation("Request {RequestId} changed while expiring; left as it is.", id);
            }
        }

        db.ChangeTracker.Clear();
        if (expired > 0)
        {
            logger.LogInformation("{Count} unanswered requests expired.", expired);
        }

        return expired;
    }

    /// <summary>One request closed and its trainee's email, in a unit of their own.</summary>
    private async Task<bool> ExpireOneAsync(int requestId, DateTime now, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.Include(r => r.Mentee).Include(r => r.Mentor)
            .SingleAsync(r => r.Id == requestId, cancellationToken);
        if (!request.ExpireIfDue(now))
        {
            return false;
        }

        var mentee = request.Mentee!;
        var alternatives = await AlternativeMentors.FindAsync(db, request.ProgrammeId, mentee.Id, mentee.Specialty,
            DateOnly.FromDateTime(now), cancellationToken);
        var addresses = await db.EmailsAsync([mentee.UserId], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } to)
        {
            emails.RequestExpired(to, request.Mentor!.DisplayName, alternatives);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
