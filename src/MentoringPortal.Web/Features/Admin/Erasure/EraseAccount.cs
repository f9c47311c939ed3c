using MentoringPortal.Domain.Privacy;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.DataRights;

namespace MentoringPortal.Web.Features.Admin.Erasure;

/// <summary>
/// An administrator erases the account of someone who cannot sign in: the erasure request, the erasure itself, its
/// audit entry and the email to the person, in one unit.
/// </summary>
public sealed class EraseAccount(PortalDbContext db, AccountEraser eraser, TimeProvider time)
{
    public Task<bool> RunAsync(string userId, string administratorUserId, int? auditProgrammeId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(async unit =>
        {
            // Built inside the unit, so a retried unit adds a request EF Core has not yet seen.
            var request = ErasureRequest.ByAdministrator(userId, administratorUserId, time.GetUtcNow().UtcDateTime);
            db.ErasureRequests.Add(request);
            await eraser.EraseAsync(request, auditProgrammeId, unit);
            return true;
        }, cancellationToken);
}
