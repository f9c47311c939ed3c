using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>An organisation sign-in waiting in this browser to be linked to the existing account with the same address.</summary>
public sealed record PendingLink(ExternalLoginInfo Login, SingleSignOnProvider Provider, ExternalSignIn.Identity Identity, PortalUser User);

/// <summary>
/// Finds the organisation sign-in waiting to be linked. Only an address the provider has verified can be linked to an
/// account: otherwise anyone who could make a provider account claiming the address, and who learnt the password, could
/// add a way in that skips the account's own checks.
/// </summary>
public sealed class PendingLinks(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SingleSignOnProviders providers)
{
    public async Task<PendingLink?> FindAsync()
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        return login is not null
            && providers.ByScheme(login.LoginProvider) is { } provider
            && ExternalSignIn.Identity.From(login.Principal) is { } identity
            && identity.IsVerifiedBy(provider)
            && await users.FindByEmailAsync(identity.Email) is { Email: not null } user
                ? new PendingLink(login, provider, identity, user)
                : null;
    }
}
