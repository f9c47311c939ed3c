using MentoringPortal.Domain.Privacy;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.DataRights;
using MentoringPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// The periodic side of people's rights: erases accounts whose waiting period is over, warns
/// owners of unused accounts (and lets the warning lapse if they sign in), and removes expired
/// download files.
/// </summary>
public sealed class DataRightsHousekeeping(PortalDbContext db, AccountEraser eraser, PortalEmails emails, TimeProvider time,
    IOptions<PortalOptions> options)
{
    private const int BatchSize = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await EraseDueAsync(cancellationToken);
        await WarnUnusedAsync(cancellationToken);
        await DiscardExpiredExportsAsync(cancellationToken);
    }

    public async Task EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueIds = await db.ErasureRequests.AsNoTracking()
            .Where(r => r.CancelledAt == null && r.CompletedAt == null && r.DueAt <= now)
            .OrderBy(r => r.DueAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var id in dueIds)
        {
            await db.InOneUnitAsync(unit => EraseOrLapseAsync(id, now, unit), cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>One due erasure carried out, or let lapse because the person signed in since, in a unit of its own.</summary>
    private async Task<bool> EraseOrLapseAsync(int requestId, DateTime now, CancellationToken cancellationToken)
    {
        var request = await db.ErasureRequests.SingleAsync(r => r.Id == requestId, cancellationToken);
        var lastSignedInAt = await db.Users.Where(u => u.Id == request.UserId).Select(u => u.LastSignedInAt).FirstOrDefaultAsync(cancellationToken);
        if (request.ShouldEraseNow(now, lastSignedInAt))
        {
            await eraser.EraseAsync(request, auditProgrammeId: null, cancellationToken);
            return true;
        }

        if (request.IsPending)
        {
            request.Cancel(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return false;
    }

    public async Task WarnUnusedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var years = options.Value.UnusedAccountYears;
        var unusedSince = now.AddYears(-years);
        var pending = db.ErasureRequests.Where(r => r.CancelledAt == null && r.CompletedAt == null);
        var unused = await db.Users
            .Where(u => (u.LastSignedInAt ?? u.CreatedAt) <= unusedSince && !pending.Any(r => r.UserId == u.Id))
            .OrderBy(u => u.Id).Take(BatchSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedAt, u.LastSignedInAt })
            .ToListAsync(cancellationToken);
        foreach (var user in unused.Where(u => Retention.IsUnused(u.CreatedAt, u.LastSignedInAt, now, years)))
        {
            var warning = ErasureRequest.ForInactivity(user.Id, now);
            db.ErasureRequests.Add(warning);
            if (!string.IsNullOrEmpty(user.Email))
            {
                emails.UnusedAccountWarning(new Recipient(user.Email, user.DisplayName), years, warning.DueAt);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<int> DiscardExpiredExportsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.DataExports.Where(e => e.Content != null && e.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Content, (byte[]?)null), cancellationToken);
    }
}
