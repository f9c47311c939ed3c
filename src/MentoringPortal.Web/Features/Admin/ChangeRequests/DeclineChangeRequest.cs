using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.ChangeRequests;

/// <summary>
/// The scheme declines a confidential change request: it closes, the person who asked is emailed the
/// administrator's message and the audit log records who declined whose request, in one unit.
/// </summary>
public sealed class DeclineChangeRequest(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<ChangeRequestDecline> RunAsync(int requestId, string message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => DeclineAsync(requestId, message, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ChangeRequestDecline.ChangedMeanwhile();
        }
    }

    private async Task<ChangeRequestDecline> DeclineAsync(int requestId, string message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var pairings = scope.Pairings(db);
        var request = await db.ChangeRequests.WithPairingAndMembers()
            .SingleOrDefaultAsync(c => c.Id == requestId && pairings.Any(m => m.Id == c.PairingId), cancellationToken);
        if (request is null)
        {
            return new ChangeRequestDecline.NotFound();
        }

        var pairing = request.Pairing!;
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            pairing.DeclineChange(request, message, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new ChangeRequestDecline.Refused(rule.Message);
        }

        var (requesterName, otherName) = request.RequestedByMentee
            ? (pairing.Mentee!.DisplayName, pairing.Mentor!.DisplayName)
            : (pairing.Mentor!.DisplayName, pairing.Mentee!.DisplayName);
        var addresses = await db.EmailsAsync([request.RequestedByUserId], cancellationToken);
        if (addresses.For(request.RequestedByUserId, requesterName) is { } requester)
        {
            emails.ChangeRequestDeclined(requester, otherName, request.Response!);
        }

        // The reason and the message stay out of the log: it records only who declined whose request, and when.
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.ChangeRequestDeclined,
            $"Request from {(request.RequestedByMentee ? "the mentee" : "the mentor")}, {pairing.Mentee!.DisplayName} with {pairing.Mentor!.DisplayName}",
            "Open", "Declined", now, pairing.ProgrammeId));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeRequestDecline.Declined(requesterName, otherName);
    }
}

/// <summary>What declining a change request came to, for the controller to show.</summary>
public abstract record ChangeRequestDecline
{
    private ChangeRequestDecline()
    {
    }

    /// <summary>No such request on a pairing within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : ChangeRequestDecline;

    /// <summary>A rule of the scheme refused it (the request was already dealt with, the message is too long…); nothing changed.</summary>
    public sealed record Refused(string Reason) : ChangeRequestDecline;

    /// <summary>The pairing changed at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : ChangeRequestDecline;

    public sealed record Declined(string RequesterName, string OtherName) : ChangeRequestDecline;
}
