using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Account;

/// <summary>
/// Someone sets a new password from a reset link: the password, the lockout lifted and the audit entry, in one unit.
/// A link for an account that no longer exists gets the same answer as a good one.
/// </summary>
public sealed class ResetForgottenPassword(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<PasswordReset> RunAsync(string userId, string code, string password, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => ResetAsync(userId, code, password, unit), cancellationToken);

    private async Task<PasswordReset> ResetAsync(string userId, string code, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new PasswordReset.Done();
        }

        var result = await users.ResetPasswordAsync(user, AccountLinks.Decode(code), password);
        if (!result.Succeeded)
        {
            return new PasswordReset.Refused([.. result.Errors]);
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        // Resetting the password gave the account a new security stamp, which has ended every session it had.
        events.PasswordReset(user);
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordReset.Done();
    }
}

/// <summary>What setting a new password from a reset link came to, for the controller to show.</summary>
public abstract record PasswordReset
{
    private PasswordReset()
    {
    }

    /// <summary>The link or the password was not accepted; nothing changed.</summary>
    public sealed record Refused(IReadOnlyList<IdentityError> Errors) : PasswordReset;

    public sealed record Done : PasswordReset;
}
