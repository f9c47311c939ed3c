using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Emails;

/// <summary>
/// Puts an email the outbox gave up on back in the queue and records it in the audit log, in one
/// unit. The update only matches an email still parked, so two retries at once queue it once.
/// </summary>
public sealed class RetryParkedEmail(PortalDbContext db, TimeProvider time)
{
    public async Task<ParkedEmailRetry> RunAsync(long emailId, string administratorUserId, CancellationToken cancellationToken)
    {
        var email = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == emailId && m.ParkedAt != null && m.SentAt == null)
            .Select(m => new { m.To, m.Subject, m.ParkedReason }).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return new ParkedEmailRetry.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.InOneUnitAsync(async unit =>
        {
            var retried = await db.OutboxMessages.Where(m => m.Id == emailId && m.ParkedAt != null && m.SentAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ParkedAt, (DateTime?)null)
                    .SetProperty(m => m.ParkedReason, (string?)null)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now), unit);
            if (retried == 1)
            {
                db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.ParkedEmailRetried, $"“{email.Subject}” to {email.To}",
                    email.ParkedReason, "Waiting to be sent again", now));
                await db.SaveChangesAsync(unit);
            }

            return retried;
        }, cancellationToken);

        // Retried by someone else at the same moment is the same result for this administrator: it is queued again.
        return new ParkedEmailRetry.Queued(email.Subject, email.To);
    }
}

/// <summary>How a retry of a parked email ended.</summary>
public abstract record ParkedEmailRetry
{
    private ParkedEmailRetry()
    {
    }

    /// <summary>No parked email with this id (never parked, already sent or already retried): a 404.</summary>
    public sealed record NotFound : ParkedEmailRetry;

    /// <summary>The email waits to be sent again.</summary>
    public sealed record Queued(string Subject, string To) : ParkedEmailRetry;
}
