using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>
/// Links an organisation sign-in to the account with the same (provider-verified) address once the person gives that
/// account's password and, when the account has two-factor sign-in, a code from its authenticator or a recovery code: a
/// linked sign-in may later count as the second factor, so linking one asks for everything signing in would. Wrong
/// passwords and codes count towards lockout like the sign-in pages do. Then it signs them in.
/// </summary>
public sealed class LinkWithPassword(
    UserManager<PortalUser> users,
    PortalDbContext db,
    PendingLinks pendingLinks,
    SingleSignOnSession session,
    SecurityEvents events)
{
    public async Task<PasswordLinkOutcome> RunAsync(string password, string? code, CancellationToken cancellationToken)
    {
        if (await pendingLinks.FindAsync() is not { } pending)
        {
            return new PasswordLinkOutcome.NoPendingSignIn();
        }

        var outcome = await db.InOneUnitAsync(_ => LinkAsync(pending, password, code, cancellationToken), cancellationToken);
        if (outcome is not PasswordLinkOutcome.Linked linked)
        {
            return outcome;
        }

        return linked with { Result = await session.SignInAsync(linked.User, pending.Login, linked.ProvedSecondFactor) };
    }

    private async Task<PasswordLinkOutcome> LinkAsync(PendingLink pending, string password, string? code, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(pending.User.Id);
        if (user is null)
        {
            return new PasswordLinkOutcome.NoPendingSignIn();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new PasswordLinkOutcome.LockedOut();
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return await FailedAsync(user, new PasswordLinkOutcome.WrongPassword(), cancellationToken);
        }

        var twoFactor = await users.GetTwoFactorEnabledAsync(user);
        if (twoFactor && string.IsNullOrWhiteSpace(code))
        {
            return new PasswordLinkOutcome.CodeNeeded();
        }

        if (twoFactor && !await SecondFactorProvedAsync(user, code!))
        {
            return await FailedAsync(user, new PasswordLinkOutcome.WrongCode(), cancellationToken);
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.AddLoginAsync(user, new UserLoginInfo(pending.Login.LoginProvider, pending.Login.ProviderKey, pending.Provider.DisplayName));
        var proof = twoFactor ? "proved with the password and a second factor" : "proved with the password";
        events.Record(user, AuditActions.OrganisationSignInLinked, $"{pending.Provider.DisplayName}, {proof}");
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordLinkOutcome.Linked(user, SingleSignOnResult.SignedIn, twoFactor);
    }

    /// <summary>An authenticator code (each is accepted once), or else one of the account's recovery codes (used up).</summary>
    private async Task<bool> SecondFactorProvedAsync(PortalUser user, string code)
    {
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }

        var recoveryCode = code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (!(await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode)).Succeeded)
        {
            return false;
        }

        events.Record(user, AuditActions.RecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} left");
        return true;
    }

    private async Task<PasswordLinkOutcome> FailedAsync(PortalUser user, PasswordLinkOutcome failure, CancellationToken cancellationToken)
    {
        await users.AccessFailedAsync(user);
        events.SignInFailed(user);
        var locked = await users.IsLockedOutAsync(user);
        if (locked)
        {
            events.LockedOut(user);
        }

        await db.SaveChangesAsync(cancellationToken);
        return locked ? new PasswordLinkOutcome.LockedOut() : failure;
    }
}

public abstract record PasswordLinkOutcome
{
    private PasswordLinkOutcome()
    {
    }

    /// <summary>Linked; <c>ProvedSecondFactor</c> when the account's own second factor was given as well as its password.</summary>
    public sealed record Linked(PortalUser User, SingleSignOnResult Result, bool ProvedSecondFactor) : PasswordLinkOutcome;

    public sealed record WrongPassword : PasswordLinkOutcome;

    /// <summary>The password was right, and the account has two-factor sign-in: a code is needed as well.</summary>
    public sealed record CodeNeeded : PasswordLinkOutcome;

    public sealed record WrongCode : PasswordLinkOutcome;

    public sealed record LockedOut : PasswordLinkOutcome;

    /// <summary>The organisation sign-in this page was for has gone (timed out, finished elsewhere, or its address is unverified).</summary>
    public sealed record NoPendingSignIn : PasswordLinkOutcome;
}
