using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Broadcasts;

/// <summary>
/// Who in a programme a message goes to: approved mentors, mentees, or both; each account once, only those with an
/// email address.
/// </summary>
public static class BroadcastAudiences
{
    public static IQueryable<string> UserIds(PortalDbContext db, int programmeId, BroadcastAudience audience)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mentors = db.Mentors.Where(m => m.IsApproved && m.UserId != null && m.Programmes.Any(p => p.Id == programmeId)).Select(m => m.UserId!);
        var mentees = db.Mentees.Where(m => m.UserId != null && m.Programmes.Any(p => p.Id == programmeId)).Select(m => m.UserId!);
        var ids = audience switch
        {
            BroadcastAudience.Mentors => mentors,
            BroadcastAudience.Mentees => mentees,
            _ => mentors.Union(mentees),
        };
        return db.Users.Where(u => u.Email != null && ids.Contains(u.Id)).Select(u => u.Id);
    }

    public static Task<int> CountAsync(PortalDbContext db, int programmeId, BroadcastAudience audience, CancellationToken cancellationToken) =>
        UserIds(db, programmeId, audience).CountAsync(cancellationToken);
}

/// <summary>
/// Sends an administrator's message to a programme's members: every recipient's email (at once, digest or not at all,
/// as each chose), the record of the message and the audit entry, in one unit.
/// </summary>
public sealed class SendBroadcast(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<BroadcastSending> RunAsync(int programmeId, AdminScope scope, string administratorUserId, Guid previewId,
        BroadcastAudience audience, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => SendAsync(programmeId, scope, administratorUserId, previewId, audience, subject, body, unit),
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsConstraintViolation())
        {
            // The same preview confirmed twice at the same moment: the other click sent it.
            db.ChangeTracker.Clear();
            return new BroadcastSending.AlreadySent();
        }
    }

    private async Task<BroadcastSending> SendAsync(int programmeId, AdminScope scope, string administratorUserId, Guid previewId,
        BroadcastAudience audience, string subject, string body, CancellationToken unit)
    {
        var programme = await scope.Programmes(db).Where(p => p.Id == programmeId).Select(p => new { p.Id, p.Name })
            .SingleOrDefaultAsync(unit);
        if (programme is null)
        {
            return new BroadcastSending.NotFound();
        }

        if (await db.Broadcasts.AnyAsync(b => b.PreviewId == previewId, unit))
        {
            return new BroadcastSending.AlreadySent();
        }

        var ids = BroadcastAudiences.UserIds(db, programmeId, audience);
        var recipients = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new Recipient(u.Email!, u.DisplayName))
            .ToListAsync(unit);
        await emails.LoadAccountsAsync(recipients.Select(r => r.Email), unit);
        foreach (var recipient in recipients)
        {
            emails.Broadcast(recipient, programme.Name, subject, body);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Broadcasts.Add(new Broadcast(previewId, programme.Id, administratorUserId, audience, subject, body, recipients.Count, now));
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.MessageSentToProgramme, programme.Name, null,
            $"To {BroadcastText.Audience(audience)} ({BroadcastText.People(recipients.Count)}): {subject}", now, programme.Id));
        await db.SaveChangesAsync(unit);
        return new BroadcastSending.Sent(recipients.Count);
    }
}

/// <summary>What sending a message came to, for the controller to show.</summary>
public abstract record BroadcastSending
{
    private BroadcastSending()
    {
    }

    /// <summary>No such programme within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : BroadcastSending;

    /// <summary>This preview was already confirmed (a double click, or the back button): nothing more was sent.</summary>
    public sealed record AlreadySent : BroadcastSending;

    public sealed record Sent(int RecipientCount) : BroadcastSending;
}
