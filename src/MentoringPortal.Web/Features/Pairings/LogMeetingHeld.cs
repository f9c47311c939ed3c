using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>A member logs a meeting as held, with the agreed actions and their own private note, in one unit.</summary>
public sealed class LogMeetingHeld(PortalDbContext db, TimeProvider time)
{
    public async Task<MeetingHeldLog> RunAsync(int pairingId, int meetingId, string userId, string? agreedActions, string? note,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => LogAsync(pairingId, meetingId, userId, agreedActions, note, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MeetingHeldLog.ChangedMeanwhile();
        }
    }

    private async Task<MeetingHeldLog> LogAsync(int pairingId, int meetingId, string userId, string? agreedActions, string? note,
        CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return new MeetingHeldLog.NotFound();
        }

        if (meeting.NoteBy(userId) is not null && string.IsNullOrWhiteSpace(note))
        {
            return new MeetingHeldLog.NoteRefused("Your note cannot be left empty once written. Change its words instead.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            meeting.LogAsHeld(agreedActions, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingHeldLog.Refused(rule.Message);
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            try
            {
                meeting.WriteNote(userId, note, now);
            }
            catch (DomainRuleException rule)
            {
                db.ChangeTracker.Clear();
                return new MeetingHeldLog.NoteRefused(rule.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingHeldLog.Logged();
    }
}

/// <summary>What logging a meeting as held came to, for the controller to show.</summary>
public abstract record MeetingHeldLog
{
    private MeetingHeldLog()
    {
    }

    /// <summary>No such meeting in a pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingHeldLog;

    /// <summary>A rule refused logging the meeting (not started yet, cancelled, actions too long); nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingHeldLog;

    /// <summary>A rule refused the member's note (emptied, too long); nothing changed.</summary>
    public sealed record NoteRefused(string Reason) : MeetingHeldLog;

    /// <summary>The other member changed the meeting at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingHeldLog;

    public sealed record Logged : MeetingHeldLog;
}
