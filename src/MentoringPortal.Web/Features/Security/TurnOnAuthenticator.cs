using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// A member turns on sign-in with an authenticator app: the code is checked, two-factor is switched on, new recovery
/// codes are made and the audit log records it, in one unit (a wrong code is recorded, and nothing else changes).
/// </summary>
public sealed class TurnOnAuthenticator(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public const int RecoveryCodeCount = 10;

    public Task<AuthenticatorTurnOn> RunAsync(string userId, string code, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => TurnOnAsync(userId, code, unit), cancellationToken);

    private async Task<AuthenticatorTurnOn> TurnOnAsync(string userId, string code, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in person's account no longer exists.");
        if (user.TwoFactorEnabled)
        {
            return new AuthenticatorTurnOn.AlreadyOn();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            events.Record(user, AuditActions.SecondFactorFailed, "While turning on two-factor sign-in");
            await db.SaveChangesAsync(cancellationToken);
            return new AuthenticatorTurnOn.WrongCode(user);
        }

        // Turning it on changes the security stamp, which ends the person's other sessions.
        await users.SetTwoFactorEnabledAsync(user, enabled: true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        events.Record(user, AuditActions.TwoFactorEnabled, "Authenticator app");
        await db.SaveChangesAsync(cancellationToken);
        return new AuthenticatorTurnOn.TurnedOn(user, codes);
    }
}

/// <summary>What turning on the authenticator app came to, for the controller to show.</summary>
public abstract record AuthenticatorTurnOn
{
    private AuthenticatorTurnOn()
    {
    }

    public sealed record AlreadyOn : AuthenticatorTurnOn;

    /// <summary>The code did not match; the failure was recorded and nothing else changed.</summary>
    public sealed record WrongCode(PortalUser User) : AuthenticatorTurnOn;

    /// <summary>On, with the recovery codes to show once; the session is to be renewed with the new security stamp.</summary>
    public sealed record TurnedOn(PortalUser User, IReadOnlyList<string> RecoveryCodes) : AuthenticatorTurnOn;
}
