using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>Emails the owner of the address a single-use link that links the organisation sign-in waiting in this browser.</summary>
public sealed class SendLinkEmail(
    SignInManager<PortalUser> signIn,
    PortalDbContext db,
    PendingLinks pendingLinks,
    SingleSignOnLinkTokens tokens,
    PortalEmails emails)
{
    /// <summary>The address the link went to, or null when no organisation sign-in is waiting.</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        if (await pendingLinks.FindAsync() is not { User: { Email: { } email } user } pending)
        {
            return null;
        }

        var (login, provider, identity) = (pending.Login, pending.Provider, pending.Identity);
        var link = tokens.Create(user, login.LoginProvider, login.ProviderKey, provider.DisplayName, identity.Name);
        emails.SingleSignOnLink(new Recipient(email, user.DisplayName), provider.DisplayName, identity.Name,
            emails.Link($"/account/sso/link/confirm?token={tokens.Protect(link)}"));
        await db.SaveChangesAsync(cancellationToken);
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return email;
    }
}
