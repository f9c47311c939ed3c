using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.SingleSignOn;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Account;

public enum PasswordSignInOutcome
{
    SignedIn,
    RequiresTwoFactor,

    /// <summary>Unknown address, wrong password, or a wrong password for a locked or unconfirmed account: all look the same.</summary>
    WrongEmailOrPassword,

    /// <summary>Only told to someone who gave the right password.</summary>
    LockedOut,

    /// <summary>Only told to someone who gave the right password.</summary>
    EmailNotConfirmed,

    /// <summary>An administrator, while administrators must sign in with their organisation. Only told to someone who gave the right password.</summary>
    SingleSignOnRequired,
}

/// <summary>
/// Signs a person in with their email address and password, without telling anyone who does not know the password
/// whether the account exists, is locked or is unconfirmed: every such attempt gets the same answer after the same
/// work (one password hash), and each failure is recorded.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    SecurityEvents securityEvents,
    PortalDbContext db,
    SignInPolicies policies,
    TimeProvider time)
{
    private static readonly PortalUser Nobody = new();
    private static string? _nobodysHash;

    public async Task<PasswordSignInOutcome> SignInAsync(string email, string password, bool rememberMe, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same hashing work as for a real account, so the time taken does not give the answer away.
            _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            securityEvents.SignInFailedForUnknownAccount();
            return PasswordSignInOutcome.WrongEmailOrPassword;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            if (!await users.IsLockedOutAsync(user))
            {
                await users.AccessFailedAsync(user);
                securityEvents.SignInFailed(user);
                if (await users.IsLockedOutAsync(user))
                {
                    securityEvents.LockedOut(user);
                }
            }
            else
            {
                securityEvents.SignInFailed(user);
            }

            await db.SaveChangesAsync(cancellationToken);
            return PasswordSignInOutcome.WrongEmailOrPassword;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return PasswordSignInOutcome.LockedOut;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return PasswordSignInOutcome.EmailNotConfirmed;
        }

        if (await policies.RefusesLocalSignInAsync(user, cancellationToken))
        {
            return PasswordSignInOutcome.SingleSignOnRequired;
        }

        // The password is known to be right: this signs in, or asks for the second factor.
        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            securityEvents.SignedIn(user);
            await db.RecordSignInAsync(user.Email!, time.GetUtcNow().UtcDateTime);
        }

        return result.Succeeded ? PasswordSignInOutcome.SignedIn
            : result.RequiresTwoFactor ? PasswordSignInOutcome.RequiresTwoFactor
            : result.IsLockedOut ? PasswordSignInOutcome.LockedOut
            : PasswordSignInOutcome.WrongEmailOrPassword;
    }
}
