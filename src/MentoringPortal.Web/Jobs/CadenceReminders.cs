using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Reminds both members of a pairing that has not held a meeting within its programme's cadence
/// (the domain's <see cref="Pairing.IsOverdue(DateTime, int)"/>: a meeting planned later does not count). One reminder per overdue spell: the time it was sent is saved on the pairing with the
/// outbox rows, and the pairing's concurrency token stops a second instance sending it again.
/// </summary>
public sealed class CadenceReminders(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<CadenceReminders> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cadences = await db.Programmes.ToDictionaryAsync(p => p.Id, p => p.MeetingCadenceWeeks, cancellationToken);
        var shortest = cadences.Count == 0 ? 0 : cadences.Values.Min();
        var startedBefore = now.AddDays(-7 * shortest);

        // Only pairings old enough to be overdue, and not held a meeting within the shortest cadence, are loaded.
        var candidateIds = await db.Pairings
            .Where(m => m.Status == PairingStatus.Active && m.StartedAt < startedBefore
                && !m.Meetings.Any(x => x.Status == Domain.Meetings.MeetingStatus.Held && x.StartsAt >= startedBefore))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in candidateIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => RemindOneAsync(id, now, cadences, unit), cancellationToken))
                {
                    sent++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance reminded them, or a member changed the pairing, at the same moment.
                logger.LogInformation("Pairing {PairingId} changed while being reminded; left as it is.", id);
            }
        }

        db.ChangeTracker.Clear();
        if (sent > 0)
        {
            logger.LogInformation("{Count} overdue pairings reminded.", sent);
        }

        return sent;
    }

    /// <summary>One pairing's reminders and the time of them on the pairing, in a unit of their own.</summary>
    private async Task<bool> RemindOneAsync(int pairingId, DateTime now, Dictionary<int, int> cadences, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.Include(m => m.Meetings).Include(m => m.Mentor).Include(m => m.Mentee)
            .AsSplitQuery()
            .SingleAsync(m => m.Id == pairingId, cancellationToken);
        var cadence = cadences[pairing.ProgrammeId];
        if (!pairing.NeedsCadenceReminder(now, cadence))
        {
            return false;
        }

        pairing.RecordCadenceReminder(now);
        var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
        if (mentee is not null)
        {
            emails.MeetingOverdue(mentee, pairing.Mentor!.DisplayName, cadence, pairing.Id);
        }

        if (mentor is not null)
        {
            emails.MeetingOverdue(mentor, pairing.Mentee!.DisplayName, cadence, pairing.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
