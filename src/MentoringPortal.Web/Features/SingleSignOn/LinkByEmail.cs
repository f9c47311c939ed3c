using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>
/// Links the organisation sign-in named in an emailed link, which proves the person reads the account's email (so the
/// address counts as confirmed too). It does not sign anyone in: the person then signs in with the organisation, so an
/// email link alone never opens a session.
/// </summary>
public sealed class LinkByEmail(UserManager<PortalUser> users, PortalDbContext db, SingleSignOnLinkTokens tokens, SecurityEvents events)
{
    /// <summary>What the link would do, for the page that asks the person to confirm; null when it no longer works.</summary>
    public async Task<LinkRequest?> PreviewAsync(string? token) =>
        tokens.Read(token) is { } request && await UsableAsync(request) is not null ? request : null;

    public Task<EmailLinkOutcome> RunAsync(string? token, CancellationToken cancellationToken) =>
        db.InOneUnitAsync<EmailLinkOutcome>(async _ =>
        {
            if (tokens.Read(token) is not { } request || await UsableAsync(request) is not { } user)
            {
                return new EmailLinkOutcome.DoesNotWork();
            }

            await users.AddLoginAsync(user, new UserLoginInfo(request.LoginProvider, request.ProviderKey, request.ProviderName));
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }

            events.Record(user, AuditActions.OrganisationSignInLinked, $"{request.ProviderName}, proved by an emailed link");
            await db.SaveChangesAsync(cancellationToken);
            return new EmailLinkOutcome.Linked(request.ProviderName);
        }, cancellationToken);

    /// <summary>The account, if the link is still good for it: same security stamp, and the sign-in not linked yet.</summary>
    private async Task<PortalUser?> UsableAsync(LinkRequest request) =>
        await users.FindByIdAsync(request.UserId) is { } user
        && string.Equals(user.SecurityStamp ?? string.Empty, request.SecurityStamp, StringComparison.Ordinal)
        && await users.FindByLoginAsync(request.LoginProvider, request.ProviderKey) is null
            ? user
            : null;
}

public abstract record EmailLinkOutcome
{
    private EmailLinkOutcome()
    {
    }

    public sealed record Linked(string ProviderName) : EmailLinkOutcome;

    /// <summary>Out of date, already used, damaged, or for an account that has changed since.</summary>
    public sealed record DoesNotWork : EmailLinkOutcome;
}
