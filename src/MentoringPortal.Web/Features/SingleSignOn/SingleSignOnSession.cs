using System.Security.Claims;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Security;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>What signing in a linked organisation sign-in came to.</summary>
public enum SingleSignOnResult
{
    SignedIn,
    RequiresTwoFactor,
    LockedOut,

    /// <summary>The account's email address is not confirmed yet.</summary>
    NotAllowed,
}

/// <summary>
/// Opens a session for an account whose organisation sign-in has been proved, under the same rules as any other sign-in:
/// lockout, a confirmed address, and the portal's own second factor unless the provider did one.
/// </summary>
public sealed class SingleSignOnSession(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    SingleSignOnProviders providers,
    SecurityEvents events,
    PortalDbContext db,
    TimeProvider time)
{
    /// <summary>RFC 8176: the provider says the person used more than one factor.</summary>
    public static bool ProviderDidMultiFactor(ClaimsPrincipal principal, SingleSignOnProvider? provider) =>
        provider?.MultiFactorByProvider == true || principal.HasClaim("amr", "mfa");

    /// <summary>
    /// Signs in; <paramref name="portalSecondFactorGiven"/> when the account's own second factor was given just now (linking
    /// with the password and a code), which makes the session multi-factor whatever the provider said.
    /// </summary>
    /// <param name="user">The account.</param>
    /// <param name="login">The organisation sign-in that came back.</param>
    /// <param name="portalSecondFactorGiven">The account's own second factor was given just now.</param>
    public async Task<SingleSignOnResult> SignInAsync(PortalUser user, ExternalLoginInfo login, bool portalSecondFactorGiven = false)
    {
        var result = portalSecondFactorGiven || ProviderDidMultiFactor(login.Principal, providers.ByScheme(login.LoginProvider))
            ? await SignInAfterSecondFactorAsync(user, login.LoginProvider)
            : await signIn.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: false) switch
            {
                { Succeeded: true } => SingleSignOnResult.SignedIn,
                { RequiresTwoFactor: true } => SingleSignOnResult.RequiresTwoFactor,
                { IsLockedOut: true } => SingleSignOnResult.LockedOut,
                _ => SingleSignOnResult.NotAllowed,
            };

        if (result != SingleSignOnResult.RequiresTwoFactor)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        }

        if (result == SingleSignOnResult.SignedIn)
        {
            events.SignedIn(user);
            await db.RecordSignInAsync(user.Email!, time.GetUtcNow().UtcDateTime);
        }

        return result;
    }

    private async Task<SingleSignOnResult> SignInAfterSecondFactorAsync(PortalUser user, string scheme)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SingleSignOnResult.LockedOut;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return SingleSignOnResult.NotAllowed;
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(SecondFactorSession.AmrClaim, SecondFactorSession.MultiFactor),
            new Claim(ClaimTypes.AuthenticationMethod, scheme),
        ]);
        return SingleSignOnResult.SignedIn;
    }
}
