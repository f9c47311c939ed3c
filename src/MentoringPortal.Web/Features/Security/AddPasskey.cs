using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member adds a passkey their browser has just created (and the portal has checked): the passkey and the audit entry,
/// in one unit. Returns the account, for the session to be renewed; null when Identity refused the passkey.
/// </summary>
public sealed class AddPasskey(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<PortalUser?> RunAsync(string userId, UserPasskeyInfo passkey, string name, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => AddAsync(userId, passkey, name, unit), cancellationToken);

    private async Task<PortalUser?> AddAsync(string userId, UserPasskeyInfo passkey, string name, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in person's account no longer exists.");
        passkey.Name = name;
        if (!(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            return null;
        }

        events.Record(user, AuditActions.PasskeyAdded, name);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
