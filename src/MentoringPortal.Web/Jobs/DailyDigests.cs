using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Once per person per UK day, from <see cref="DigestRules.SendFrom"/> UK time, gathers the emails they chose to get
/// in a digest into one email through the outbox. The <see cref="SentDigest"/> row (person, day) is inserted in the
/// same unit as the outbox row and the items' marks, so a second run or a second instance adds nothing: it either
/// finds the row, or its insert collides and its whole unit rolls back.
/// </summary>
public sealed class DailyDigests(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<DailyDigests> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (DigestRules.DueDay(now) is not { } day)
        {
            return 0;
        }

        var userIds = await db.DigestItems.AsNoTracking()
            .Where(i => i.DigestDay == null && !db.SentDigests.Any(d => d.UserId == i.UserId && d.Day == day))
            .Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var userId in userIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => SendOneAsync(userId, day, now, unit), cancellationToken))
                {
                    sent++;
                }
            }
            catch (DbUpdateException ex) when (ex.IsConstraintViolation())
            {
                logger.LogInformation("Another instance sent the digest of {UserId} for {Day} at the same moment.", userId, day);
            }
        }

        db.ChangeTracker.Clear();
        if (sent > 0)
        {
            logger.LogInformation("{Count} daily digests sent for {Day}.", sent, day);
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(string userId, DateOnly day, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.SentDigests.AnyAsync(d => d.UserId == userId && d.Day == day, cancellationToken))
        {
            return false;
        }

        var items = await db.DigestItems.Where(i => i.UserId == userId && i.DigestDay == null).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (items.Count == 0 || person?.Email is null)
        {
            return false;
        }

        foreach (var item in items)
        {
            item.IncludeIn(day);
        }

        db.SentDigests.Add(new SentDigest(userId, day, items.Count, now));
        var lines = items.Select(i => new DigestLine(i.Kind, i.Summary, i.Link, i.CreatedAt));
        emails.DailyDigest(new Recipient(person.Email, person.DisplayName), day, DigestRules.Group(lines));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
