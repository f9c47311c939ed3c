using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>A mentor paused until a date is accepting again on that date.</summary>
public sealed class PauseEnding(PortalDbContext db, TimeProvider time)
{
    public async Task<int> ResumeDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var due = await db.Mentors
            .Where(m => m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today)
            .ToListAsync(cancellationToken);
        var resumed = due.Count(m => m.ResumeIfPauseEnded(today));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A mentor changed their own status at the same moment; their choice stands.
            return 0;
        }

        return resumed;
    }
}
