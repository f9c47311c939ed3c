using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>The portal-wide rule "administrators sign in with their organisation", as the sign-in pages apply it.</summary>
public sealed class SignInPolicies(PortalDbContext db, SingleSignOnProviders providers, UserManager<PortalUser> users)
{
    public async Task<bool> AdministratorsUseSingleSignOnAsync(CancellationToken cancellationToken) =>
        await db.SignInPolicies.AsNoTracking().AnyAsync(p => p.Id == SignInPolicy.TheRow && p.AdministratorsUseSingleSignOn, cancellationToken);

    /// <summary>
    /// True when this person may not sign in with a password or passkey. Only asked after the password or passkey proved
    /// right, so nobody learns who is an administrator. With no provider configured the rule cannot apply, so that removing
    /// the configuration never locks every administrator out.
    /// </summary>
    public async Task<bool> RefusesLocalSignInAsync(PortalUser user, CancellationToken cancellationToken) =>
        providers.Any
        && await users.IsInRoleAsync(user, Roles.Administrator)
        && await AdministratorsUseSingleSignOnAsync(cancellationToken);

    public string RefusalMessage =>
        $"Administrators sign in with their organisation account: use “Sign in with {string.Join("” or “", providers.All.Select(p => p.DisplayName))}” on the sign-in page.";
}
