using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.PairingChanges;

/// <summary>
/// A member asks the scheme, in confidence, for a change: the request is recorded, the programme's
/// administrators are told one waits and the member gets a receipt, in one unit. The other member is not told.
/// </summary>
public sealed class AskForPairingChange(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public Task<ChangeAsked> RunAsync(int pairingId, string userId, string reason, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => AskAsync(pairingId, userId, reason, unit), cancellationToken);

    private async Task<ChangeAsked> AskAsync(int pairingId, string userId, string reason, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.ActiveForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new ChangeAsked.NotFound();
        }

        try
        {
            pairing.AskForChange(userId, reason, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new ChangeAsked.Refused(rule.Message);
        }

        var programme = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        foreach (var administrator in await db.OfProgrammesAsync([pairing.ProgrammeId], cancellationToken))
        {
            emails.ChangeRequestWaiting(administrator, programme);
        }

        var requester = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        emails.ChangeRequestReceived(new Recipient(requester.Email!, requester.DisplayName));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeAsked.Asked();
    }
}

/// <summary>What a member's request for a change came to, for the controller to show.</summary>
public abstract record ChangeAsked
{
    private ChangeAsked()
    {
    }

    /// <summary>No active pairing with this id of which the user is a member: a 404.</summary>
    public sealed record NotFound : ChangeAsked;

    /// <summary>A rule of the scheme refused it (a request is already open…); nothing changed.</summary>
    public sealed record Refused(string Reason) : ChangeAsked;

    public sealed record Asked : ChangeAsked;
}
