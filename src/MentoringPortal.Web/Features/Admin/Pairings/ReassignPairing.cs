using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Pairings;

/// <summary>
/// Moves a mentee to a new mentor: the pairing ends, a new one starts, the mentee and both mentors are
/// emailed and the audit log records the move, in one unit. The new mentor's capacity is held by the
/// database, so a race for the last place is refused, not lost.
/// </summary>
public sealed class ReassignPairing(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<PairingReassignment> RunAsync(int pairingId, int mentorId, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => ReassignAsync(pairingId, mentorId, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            var newMentor = await db.Mentors.Where(m => m.Id == mentorId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
            return new PairingReassignment.ChangedMeanwhile(newMentor);
        }
    }

    private async Task<PairingReassignment> ReassignAsync(int pairingId, int mentorId, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var pairing = await scope.Pairings(db).ReadyToEnd()
            .Include(m => m.Mentee).ThenInclude(x => x!.Goals)
            .Include(m => m.Mentee).ThenInclude(x => x!.Pairings)
            .Include(m => m.Mentee).ThenInclude(x => x!.Applications)
            .SingleOrDefaultAsync(m => m.Id == pairingId, cancellationToken);
        var newMentor = pairing is null
            ? null
            : await db.Mentors.Include(m => m.Programmes)
                .SingleOrDefaultAsync(m => m.Id == mentorId && m.Programmes.Any(p => p.Id == pairing.ProgrammeId), cancellationToken);
        if (pairing is null || newMentor is null)
        {
            return new PairingReassignment.NotFound();
        }

        var programme = await db.Programmes.SingleAsync(p => p.Id == pairing.ProgrammeId, cancellationToken);
        var oldMentor = pairing.Mentor!;
        var mentee = pairing.Mentee!;
        var now = time.GetUtcNow().UtcDateTime;
        Reassignment reassignment;
        try
        {
            reassignment = pairing.ReassignTo(newMentor, programme, administratorUserId, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new PairingReassignment.Refused(rule.Message, newMentor.DisplayName);
        }

        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.PairingReassigned,
            $"{mentee.DisplayName}: {oldMentor.DisplayName} → {newMentor.DisplayName}", oldMentor.DisplayName, newMentor.DisplayName, now,
            programme.Id));

        // Added now, not found at the save, so the emails saved with it can link to the new pairing.
        var started = reassignment.Started;
        await db.Pairings.AddAsync(started, cancellationToken);
        var addresses = await db.EmailsAsync([mentee.UserId, newMentor.UserId, oldMentor.UserId], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } toMentee)
        {
            emails.ReassignedMenteeNewMentor(toMentee, newMentor.DisplayName, started.Id);
        }

        if (addresses.For(newMentor.UserId, newMentor.DisplayName) is { } toNewMentor)
        {
            emails.ReassignedNewMentee(toNewMentor, mentee.DisplayName, programme.Name, started.Id);
        }

        if (addresses.For(oldMentor.UserId, oldMentor.DisplayName) is { } toOldMentor)
        {
            emails.ReassignedPairingEnded(toOldMentor, mentee.DisplayName);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PairingReassignment.Reassigned(mentee.DisplayName, newMentor.DisplayName, started.Id);
    }
}

/// <summary>What moving a mentee to a new mentor came to, for the controller to show.</summary>
public abstract record PairingReassignment
{
    private PairingReassignment()
    {
    }

    /// <summary>No such pairing within the administrator's programmes, or the mentor is not in its programme: a 404.</summary>
    public sealed record NotFound : PairingReassignment;

    /// <summary>A rule of the scheme refused the move (the pairing has ended, the mentor is full…); nothing changed.</summary>
    public sealed record Refused(string Reason, string NewMentorName) : PairingReassignment;

    /// <summary>The new mentor's last place was taken, or the pairing changed, at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile(string NewMentorName) : PairingReassignment;

    public sealed record Reassigned(string MenteeName, string NewMentorName, int StartedPairingId) : PairingReassignment;
}
