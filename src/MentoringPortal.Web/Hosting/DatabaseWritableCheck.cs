using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentoringPortal.Web.Hosting;

/// <summary>Ready only when the database takes a committed write (a full disk or a read-only database still answers reads).</summary>
public sealed class DatabaseWritableCheck(PortalDbContext db, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var written = await db.ReadinessProbes.Where(p => p.Id == ReadinessProbe.TheRow)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CheckedAt, now), cancellationToken);
            if (written == 0)
            {
                db.ReadinessProbes.Add(new ReadinessProbe(ReadinessProbe.TheRow, now));
                await db.SaveChangesAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (DbUpdateException exception) when (exception.IsConstraintViolation())
        {
            // Another instance wrote the first row at the same moment: that was a write, so the database takes them.
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written.", exception);
        }
    }
}
