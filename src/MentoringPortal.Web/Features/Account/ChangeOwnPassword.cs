using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Account;

/// <summary>
/// A signed-in member changes their password: the password, the audit entry and the email telling them, in one unit.
/// </summary>
public sealed class ChangeOwnPassword(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events, PortalEmails emails)
{
    public Task<PasswordChange> RunAsync(string userId, string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => ChangeAsync(userId, currentPassword, newPassword, unit), cancellationToken);

    private async Task<PasswordChange> ChangeAsync(string userId, string currentPassword, string newPassword,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new PasswordChange.NoAccount();
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return new PasswordChange.Refused([.. result.Errors]);
        }

        // The new security stamp has ended every other session.
        events.PasswordChanged(user);
        emails.PasswordChanged(new Recipient(user.Email!, user.DisplayName));
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordChange.Changed(user);
    }
}

/// <summary>What changing one's password came to, for the controller to show.</summary>
public abstract record PasswordChange
{
    private PasswordChange()
    {
    }

    public sealed record NoAccount : PasswordChange;

    /// <summary>The current password was wrong or the new one too weak; nothing changed.</summary>
    public sealed record Refused(IReadOnlyList<IdentityError> Errors) : PasswordChange;

    /// <summary>Changed; this session is to carry on with the new security stamp.</summary>
    public sealed record Changed(PortalUser User) : PasswordChange;
}
