using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.TwoFactor;

/// <summary>
/// A wrong recovery code at sign-in: counted towards lockout (Identity does not count them; the portal does, like wrong
/// authenticator codes) and recorded in the audit log, in one unit. Returns whether the account is now locked.
/// </summary>
public sealed class RecordRecoveryCodeFailure(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<bool> RunAsync(string userId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => RecordAsync(userId, unit), cancellationToken);

    private async Task<bool> RecordAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account signing in no longer exists.");
        await users.AccessFailedAsync(user);
        events.Record(user, AuditActions.SecondFactorFailed, "Recovery code");
        await db.SaveChangesAsync(cancellationToken);
        return await users.IsLockedOutAsync(user);
    }
}
