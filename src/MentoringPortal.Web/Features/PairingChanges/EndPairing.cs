using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.PairingChanges;

/// <summary>A member ends their pairing: it ends and both members are emailed, in one unit.</summary>
public sealed class EndPairing(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<MemberEnding> RunAsync(int pairingId, string userId, EndReason reason, string? note, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => EndAsync(pairingId, userId, reason, note, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MemberEnding.ChangedMeanwhile();
        }
    }

    private async Task<MemberEnding> EndAsync(int pairingId, string userId, EndReason reason, string? note, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.ActiveForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new MemberEnding.NotFound();
        }

        try
        {
            pairing.End(reason, userId, note, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MemberEnding.Refused(rule.Message);
        }

        var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
        if (mentee is not null)
        {
            emails.PairingEnded(mentee, pairing.Mentor!.DisplayName, reason, toMentee: true);
        }

        if (mentor is not null)
        {
            emails.PairingEnded(mentor, pairing.Mentee!.DisplayName, reason, toMentee: false);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MemberEnding.Ended();
    }
}

/// <summary>What a member's ending of their pairing came to, for the controller to show.</summary>
public abstract record MemberEnding
{
    private MemberEnding()
    {
    }

    /// <summary>No active pairing with this id of which the user is a member: a 404.</summary>
    public sealed record NotFound : MemberEnding;

    /// <summary>A rule of the scheme refused it (the note is too long…); nothing changed.</summary>
    public sealed record Refused(string Reason) : MemberEnding;

    /// <summary>The pairing changed at the same moment (perhaps the other member ended it); nothing changed.</summary>
    public sealed record ChangedMeanwhile : MemberEnding;

    public sealed record Ended : MemberEnding;
}
