using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Pairings;

/// <summary>
/// The scheme ends a pairing: it ends, both members are emailed with the administrator's message, and
/// the audit log records it, in one unit.
/// </summary>
public sealed class EndPairingByAdministrator(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<AdministratorEnding> RunAsync(int pairingId, string? message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => EndAsync(pairingId, message, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AdministratorEnding.ChangedMeanwhile();
        }
    }

    private async Task<AdministratorEnding> EndAsync(int pairingId, string? message, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var pairing = await scope.Pairings(db).ReadyToEnd().SingleOrDefaultAsync(m => m.Id == pairingId, cancellationToken);
        if (pairing is null)
        {
            return new AdministratorEnding.NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            pairing.End(EndReason.EndedByScheme, administratorUserId, trimmed, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new AdministratorEnding.Refused(rule.Message);
        }

        var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
        if (mentee is not null)
        {
            emails.PairingEndedByScheme(mentee, pairing.Mentor!.DisplayName, trimmed, toMentee: true);
        }

        if (mentor is not null)
        {
            emails.PairingEndedByScheme(mentor, pairing.Mentee!.DisplayName, trimmed, toMentee: false);
        }

        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.PairingEnded,
            $"{pairing.Mentee!.DisplayName} with {pairing.Mentor!.DisplayName}", "Active", EndReason.EndedByScheme.Describe(), now,
            pairing.ProgrammeId));
        await db.SaveChangesAsync(cancellationToken);
        return new AdministratorEnding.Ended();
    }
}

/// <summary>What the scheme's ending of a pairing came to, for the controller to show.</summary>
public abstract record AdministratorEnding
{
    private AdministratorEnding()
    {
    }

    /// <summary>No such pairing within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : AdministratorEnding;

    /// <summary>A rule of the scheme refused it (the pairing has already ended…); nothing changed.</summary>
    public sealed record Refused(string Reason) : AdministratorEnding;

    /// <summary>The pairing changed at the same moment (perhaps a member ended it); nothing changed.</summary>
    public sealed record ChangedMeanwhile : AdministratorEnding;

    public sealed record Ended : AdministratorEnding;
}
