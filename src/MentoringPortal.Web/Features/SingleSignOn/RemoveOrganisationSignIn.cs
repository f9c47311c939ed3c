using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>Removes one of the person's own organisation sign-ins, unless it is their only way to sign in.</summary>
public sealed class RemoveOrganisationSignIn(UserManager<PortalUser> users, PortalDbContext db, SingleSignOnProviders providers, SecurityEvents events)
{
    public Task<SignInRemoval> RunAsync(string userId, string loginProvider, string providerKey, CancellationToken cancellationToken) =>
        db.InOneUnitAsync<SignInRemoval>(async _ =>
        {
            var user = await users.FindByIdAsync(userId);
            var logins = user is null ? [] : await users.GetLoginsAsync(user);
            var login = logins.FirstOrDefault(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey);
            if (user is null || login is null)
            {
                return new SignInRemoval.NotFound();
            }

            var name = providers.DisplayNameOf(login.LoginProvider, login.ProviderDisplayName);
            if (logins.Count == 1 && !await users.HasPasswordAsync(user) && (await users.GetPasskeysAsync(user)).Count == 0)
            {
                return new SignInRemoval.OnlyWayIn(name);
            }

            var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
            if (!removed.Succeeded)
            {
                return new SignInRemoval.NotFound();
            }

            events.Record(user, AuditActions.OrganisationSignInRemoved, name);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInRemoval.Removed(user, name);
        }, cancellationToken);
}

public abstract record SignInRemoval
{
    private SignInRemoval()
    {
    }

    public sealed record Removed(PortalUser User, string Name) : SignInRemoval;

    public sealed record OnlyWayIn(string Name) : SignInRemoval;

    public sealed record NotFound : SignInRemoval;
}
