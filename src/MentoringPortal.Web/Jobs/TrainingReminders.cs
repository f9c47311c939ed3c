using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Tells approved mentors, <see cref="Mentor.TrainingReminderDays"/> days ahead, that their mentor
/// training is about to expire. Once per expiry date: the date is saved on the mentor with the
/// outbox row, and the mentor's concurrency token stops a second instance sending it again.
/// </summary>
public sealed class TrainingReminders(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<TrainingReminders> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var until = today.AddDays(Mentor.TrainingReminderDays);
        var candidateIds = await db.Mentors
            .Where(m => m.IsApproved && m.UserId != null && m.TrainingExpiresOn != null
                && m.TrainingExpiresOn >= today && m.TrainingExpiresOn <= until
                && (m.TrainingReminderSentFor == null || m.TrainingReminderSentFor != m.TrainingExpiresOn))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in candidateIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => RemindOneAsync(id, today, unit), cancellationToken))
                {
                    sent++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance reminded them, or the mentor's record changed, at the same moment.
                logger.LogInformation("Mentor {MentorId} changed while being reminded of training; left as it is.", id);
            }
        }

        db.ChangeTracker.Clear();
        if (sent > 0)
        {
            logger.LogInformation("{Count} mentors reminded that their training expires soon.", sent);
        }

        return sent;
    }

    /// <summary>One mentor's reminder and the note of it on the mentor, in a unit of their own.</summary>
    private async Task<bool> RemindOneAsync(int mentorId, DateOnly today, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.SingleAsync(m => m.Id == mentorId, cancellationToken);
        if (!mentor.NeedsTrainingReminder(today))
        {
            return false;
        }

        var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
        mentor.RecordTrainingReminder();
        if (addresses.For(mentor.UserId, mentor.DisplayName) is { } recipient)
        {
            emails.TrainingExpiring(recipient, mentor.TrainingExpiresOn!.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
