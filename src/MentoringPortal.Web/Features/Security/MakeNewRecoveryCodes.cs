using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member with two-factor sign-in on replaces their recovery codes: the new codes and the audit entry, in one unit.
/// Returns the codes to show once; null when two-factor sign-in is off.
/// </summary>
public sealed class MakeNewRecoveryCodes(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<IReadOnlyList<string>?> RunAsync(string userId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => MakeAsync(userId, unit), cancellationToken);

    private async Task<IReadOnlyList<string>?> MakeAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not { TwoFactorEnabled: true })
        {
            return null;
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TurnOnAuthenticator.RecoveryCodeCount))?.ToList() ?? [];
        events.Record(user, AuditActions.RecoveryCodesRegenerated);
        await db.SaveChangesAsync(cancellationToken);
        return codes;
    }
}
