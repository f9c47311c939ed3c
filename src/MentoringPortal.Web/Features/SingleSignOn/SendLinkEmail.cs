using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>Emails the owner of the address a single-use link that links the organisation sign-in waiting in this browser.</summary>
public sealed class SendLinkEmail(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    PortalDbContext db,
    SingleSignOnProviders providers,
    SingleSignOnLinkTokens tokens,
    PortalEmails emails)
{
    /// <summary>The address the link went to, or null when no organisation sign-in is waiting.</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null || providers.ByScheme(login.LoginProvider) is not { } provider
            || ExternalSignIn.Identity.From(login.Principal) is not { } identity
            || await users.FindByEmailAsync(identity.Email) is not { Email: not null } user)
        {
            return null;
        }

        var link = tokens.Create(user, login.LoginProvider, login.ProviderKey, provider.DisplayName, identity.Name);
        emails.SingleSignOnLink(new Recipient(user.Email, user.DisplayName), provider.DisplayName, identity.Name,
            emails.Link($"/account/sso/link/confirm?token={tokens.Protect(link)}"), newAccount: false);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return user.Email;
    }
}
