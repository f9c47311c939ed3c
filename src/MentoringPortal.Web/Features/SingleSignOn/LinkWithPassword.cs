using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>
/// Links an organisation sign-in to the account with the same address once the person gives that account's password,
/// counting a wrong password towards lockout like the sign-in page does, then signs them in.
/// </summary>
public sealed class LinkWithPassword(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    PortalDbContext db,
    SingleSignOnProviders providers,
    SingleSignOnSession session,
    SecurityEvents events)
{
    public async Task<PasswordLinkOutcome> RunAsync(string password, CancellationToken cancellationToken)
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null || providers.ByScheme(login.LoginProvider) is not { } provider
            || ExternalSignIn.Identity.From(login.Principal) is not { } identity)
        {
            return new PasswordLinkOutcome.NoPendingSignIn();
        }

        var outcome = await db.InOneUnitAsync<PasswordLinkOutcome>(async _ =>
        {
            var user = await users.FindByEmailAsync(identity.Email);
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
                await users.AccessFailedAsync(user);
                events.SignInFailed(user);
                var locked = await users.IsLockedOutAsync(user);
                if (locked)
                {
                    events.LockedOut(user);
                }

                await db.SaveChangesAsync(cancellationToken);
                return locked ? new PasswordLinkOutcome.LockedOut() : new PasswordLinkOutcome.WrongPassword();
            }

            await users.ResetAccessFailedCountAsync(user);
            await users.AddLoginAsync(user, new UserLoginInfo(login.LoginProvider, login.ProviderKey, provider.DisplayName));
            events.Record(user, AuditActions.OrganisationSignInLinked, $"{provider.DisplayName}, proved with the password");
            await db.SaveChangesAsync(cancellationToken);
            return new PasswordLinkOutcome.Linked(user, SingleSignOnResult.SignedIn);
        }, cancellationToken);

        return outcome is PasswordLinkOutcome.Linked linked
            ? linked with { Result = await session.SignInAsync(linked.User, login) }
            : outcome;
    }
}

public abstract record PasswordLinkOutcome
{
    private PasswordLinkOutcome()
    {
    }

    public sealed record Linked(PortalUser User, SingleSignOnResult Result) : PasswordLinkOutcome;

    public sealed record WrongPassword : PasswordLinkOutcome;

    public sealed record LockedOut : PasswordLinkOutcome;

    /// <summary>The organisation sign-in this page was for has gone (timed out, or finished elsewhere).</summary>
    public sealed record NoPendingSignIn : PasswordLinkOutcome;
}
