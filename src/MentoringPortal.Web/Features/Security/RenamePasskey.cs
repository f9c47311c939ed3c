using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member renames one of their passkeys: the new name and the audit entry, in one unit. Returns the account, for the
/// session to be refreshed; null when the member has no such passkey.
/// </summary>
public sealed class RenamePasskey(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<PortalUser?> RunAsync(string userId, byte[] credentialId, string name, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => RenameAsync(userId, credentialId, name, unit), cancellationToken);

    private async Task<PortalUser?> RenameAsync(string userId, byte[] credentialId, string name, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        var passkey = user is null ? null : await users.GetPasskeyAsync(user, credentialId);
        if (user is null || passkey is null)
        {
            return null;
        }

        passkey.Name = name;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        events.Record(user, AuditActions.PasskeyRenamed, name);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
