using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member removes one of their passkeys: the removal and the audit entry, in one unit. Returns the account and the
/// passkey's name, for the session to be refreshed and the page to say which; null when the member has no such passkey.
/// </summary>
public sealed class RemovePasskey(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<RemovedPasskey?> RunAsync(string userId, byte[] credentialId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => RemoveAsync(userId, credentialId, unit), cancellationToken);

    private async Task<RemovedPasskey?> RemoveAsync(string userId, byte[] credentialId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        var passkey = user is null ? null : await users.GetPasskeyAsync(user, credentialId);
        if (user is null || passkey is null)
        {
            return null;
        }

        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        events.Record(user, AuditActions.PasskeyRemoved, passkey.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new RemovedPasskey(user, passkey.Name);
    }
}

/// <summary>A passkey that was removed, and whose account it was.</summary>
public sealed record RemovedPasskey(PortalUser User, string? Name);
