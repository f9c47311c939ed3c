using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member turns off sign-in with an authenticator app: two-factor off, the key reset, the recovery codes void and the
/// audit entry, in one unit. Returns the account when it was on, for the session to be refreshed; null when it was off.
/// </summary>
public sealed class TurnOffAuthenticator(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<PortalUser?> RunAsync(string userId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => TurnOffAsync(userId, unit), cancellationToken);

    private async Task<PortalUser?> TurnOffAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not { TwoFactorEnabled: true })
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, enabled: false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        events.Record(user, AuditActions.TwoFactorDisabled, "Authenticator app");
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
