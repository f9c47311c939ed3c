using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Invitations;

/// <summary>
/// Someone the scheme imported chooses their first password from their invitation: the password (checked by the usual
/// rules), and the invitation used up, in one unit. Any other invitation of theirs stops working too.
/// </summary>
public sealed class AcceptInvitation(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public Task<InvitationAnswer> RunAsync(Guid id, string token, string password, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => AcceptAsync(id, token, password, unit), cancellationToken);

    private async Task<InvitationAnswer> AcceptAsync(Guid id, string token, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (state, invitation, user) = await InvitationLinks.LoadAsync(db, id, token, now, cancellationToken);
        if (state is not InvitationState.Open || invitation is null || user is null)
        {
            return new InvitationAnswer.NotOpen(state);
        }

        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            db.ChangeTracker.Clear();
            return new InvitationAnswer.Refused([.. added.Errors.Select(e => e.Description)]);
        }

        await db.Invitations.Where(i => i.UserId == user.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken);
        return new InvitationAnswer.Accepted(user.Email!);
    }
}

/// <summary>
/// Sends a fresh invitation to the address an expired one went to, for someone who still has no password. The answer
/// does not depend on anything but the link itself, which only the invitation's recipient has.
/// </summary>
public sealed class RenewInvitation(PortalDbContext db, Email.PortalEmails emails, TimeProvider time)
{
    public Task<InvitationState> RunAsync(Guid id, string token, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => RenewAsync(id, token, unit), cancellationToken);

    private async Task<InvitationState> RenewAsync(Guid id, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (state, invitation, user) = await InvitationLinks.LoadAsync(db, id, token, now, cancellationToken);
        if (state is not InvitationState.Expired || invitation is null || user?.Email is null)
        {
            return state;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == invitation.ProgrammeId).Select(p => p.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? "the mentoring scheme";
        var asMentor = await db.Mentors.AnyAsync(m => m.UserId == user.Id, cancellationToken);
        var (fresh, freshToken) = Invitation.Create(user.Id, invitation.ProgrammeId, now);
        invitation.Use(now);
        await db.Invitations.AddAsync(fresh, cancellationToken);
        emails.InvitationToJoin(new Email.Recipient(user.Email, user.DisplayName), programme, asMentor, fresh.PathWith(freshToken),
            DateOnly.FromDateTime(fresh.ExpiresAt));
        await db.SaveChangesAsync(cancellationToken);
        return InvitationState.Renewed;
    }
}

public enum InvitationState
{
    /// <summary>The link is incomplete, or not one the portal made.</summary>
    Invalid,
    Open,
    Used,
    Expired,
    Renewed,
}

/// <summary>Reads an invitation link: which invitation, and whether it can still be used.</summary>
public static class InvitationLinks
{
    public static async Task<(InvitationState State, Invitation? Invitation, PortalUser? User)> LoadAsync(PortalDbContext db, Guid id, string? token,
        DateTime now, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null || !invitation.Matches(token))
        {
            return (InvitationState.Invalid, null, null);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken);
        if (user is null)
        {
            return (InvitationState.Invalid, null, null);
        }

        if (invitation.UsedAt is not null || user.PasswordHash is not null)
        {
            return (InvitationState.Used, invitation, user);
        }

        return (invitation.HasExpired(now) ? InvitationState.Expired : InvitationState.Open, invitation, user);
    }
}

/// <summary>What accepting an invitation came to, for the controller to show.</summary>
public abstract record InvitationAnswer
{
    private InvitationAnswer()
    {
    }

    /// <summary>The link cannot be used (invalid, used or expired): the page says which.</summary>
    public sealed record NotOpen(InvitationState State) : InvitationAnswer;

    /// <summary>The password was not accepted; nothing changed.</summary>
    public sealed record Refused(IReadOnlyList<string> Errors) : InvitationAnswer;

    public sealed record Accepted(string Email) : InvitationAnswer;
}
