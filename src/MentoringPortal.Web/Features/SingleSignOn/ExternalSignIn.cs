using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>
/// The return from an organisation's provider: a linked sign-in opens a session; an address that already has an account
/// must first be proved (never linked on the provider's word); a new address becomes a mentee account. An address the
/// provider has not verified is neither linked nor made into an account: the portal cannot know whose it is.
/// </summary>
public sealed class ExternalSignIn(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    PortalDbContext db,
    SingleSignOnProviders providers,
    SingleSignOnSession session,
    SecurityEvents events,
    TimeProvider time,
    ILogger<ExternalSignIn> logger)
{
    public async Task<ExternalSignInOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null || providers.ByScheme(login.LoginProvider) is not { } provider)
        {
            return new ExternalSignInOutcome.Failed();
        }

        if (await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) is { } linked)
        {
            return new ExternalSignInOutcome.Session(await session.SignInAsync(linked, login));
        }

        if (Identity.From(login.Principal) is not { } identity)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return new ExternalSignInOutcome.NoEmail(provider.DisplayName);
        }

        if (!identity.IsVerifiedBy(provider))
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return new ExternalSignInOutcome.NotVerified(provider.DisplayName);
        }

        if (await users.FindByEmailAsync(identity.Email) is not null)
        {
            return new ExternalSignInOutcome.ProveItIsYou();
        }

        if (await db.InOneUnitAsync(_ => CreateMemberAsync(identity, login, provider, cancellationToken), cancellationToken) is not { } user)
        {
            // Someone registered the address a moment ago: it now has an account, which must be proved.
            return new ExternalSignInOutcome.ProveItIsYou();
        }

        logger.LogInformation("New account {UserId} created by organisation sign-in.", user.Id);
        return new ExternalSignInOutcome.Session(await session.SignInAsync(user, login), NewMember: true);
    }

    private async Task<PortalUser?> CreateMemberAsync(Identity identity, ExternalLoginInfo login, SingleSignOnProvider provider,
        CancellationToken cancellationToken)
    {
        var user = new PortalUser
        {
            UserName = identity.Email,
            Email = identity.Email,
            DisplayName = identity.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return null;
        }

        await users.AddToRoleAsync(user, Roles.Mentee);
        db.Mentees.Add(new Mentee(user.Id, user.DisplayName, user.CreatedAt));
        await users.AddLoginAsync(user, new UserLoginInfo(login.LoginProvider, login.ProviderKey, provider.DisplayName));
        events.Record(user, AuditActions.OrganisationSignInLinked, provider.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Who the provider says the person is, or null without a usable email address.</summary>
    public sealed record Identity(string Email, string Name, bool EmailVerified)
    {
        public static Identity? From(ClaimsPrincipal principal)
        {
            var email = principal.FindFirstValue("email")?.Trim();
            if (email is null || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
            {
                return null;
            }

            var name = principal.FindFirstValue("name")?.Trim();
            name = string.IsNullOrEmpty(name) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : name;
            var verified = string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
            return new Identity(email, name.Length > 100 ? name[..100] : name, verified);
        }

        /// <summary>The provider said the address is verified, or is configured as one that only gives verified addresses.</summary>
        public bool IsVerifiedBy(SingleSignOnProvider provider) => EmailVerified || provider.EmailVerifiedByProvider;
    }
}

/// <summary>What coming back from the provider came to, for the controller to show.</summary>
public abstract record ExternalSignInOutcome
{
    private ExternalSignInOutcome()
    {
    }

    /// <summary>No sign-in came back (it failed, or the provider is no longer configured).</summary>
    public sealed record Failed : ExternalSignInOutcome;

    /// <summary>A linked (or just created) account: what signing it in came to.</summary>
    public sealed record Session(SingleSignOnResult Result, bool NewMember = false) : ExternalSignInOutcome;

    public sealed record NoEmail(string ProviderName) : ExternalSignInOutcome;

    /// <summary>An account already uses the address: its owner must prove it before the sign-in is linked.</summary>
    public sealed record ProveItIsYou : ExternalSignInOutcome;

    /// <summary>The provider did not verify the address, so it is neither linked to an account nor made into one.</summary>
    public sealed record NotVerified(string ProviderName) : ExternalSignInOutcome;
}
