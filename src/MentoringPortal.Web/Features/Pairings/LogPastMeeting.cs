using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// A member records a meeting that already happened: it is saved as held, with the shared agreed actions and
/// the member's own private note, and the other member is emailed that it was recorded (never the note), in one unit.
/// </summary>
public sealed class LogPastMeeting(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<PastMeetingLog> RunAsync(int pairingId, string userId, PastMeeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => LogAsync(pairingId, userId, meeting, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new PastMeetingLog.ChangedMeanwhile();
        }
    }

    private async Task<PastMeetingLog> LogAsync(int pairingId, string userId, PastMeeting past, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new PastMeetingLog.NotFound();
        }

        if (pairing.Meetings.Any(m => m.WasHeld && m.StartsAt == past.StartsAt))
        {
            // A double-clicked (or resent) form: this meeting is already recorded, and the other member told.
            return new PastMeetingLog.Logged();
        }

        var now = time.GetUtcNow().UtcDateTime;
        Meeting meeting;
        try
        {
            meeting = pairing.LogPastMeeting(past.StartsAt, past.DurationMinutes, past.Mode, past.AgreedActions, now);
            if (!string.IsNullOrWhiteSpace(past.Note))
            {
                meeting.WriteNote(userId, past.Note, now);
            }
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new PastMeetingLog.Refused(rule.Message);
        }

        await db.Meetings.AddAsync(meeting, cancellationToken);
        var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
        foreach (var (memberId, name, otherName) in MeetingParts.Members(pairing))
        {
            if (!MeetingParts.IsUser(memberId, userId) && recipients.For(memberId, name) is { } to)
            {
                emails.MeetingRecorded(to, otherName, UkTime.Describe(meeting.StartsAt, meeting.EndsAt), meeting.Mode.Describe(),
                    MeetingParts.PairingPath(pairingId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PastMeetingLog.Logged();
    }
}

/// <summary>A meeting that already happened, as a member describes it.</summary>
public sealed record PastMeeting(DateTime StartsAt, int DurationMinutes, MeetingModes Mode, string? AgreedActions, string? Note);

/// <summary>What logging a past meeting came to, for the controller to show.</summary>
public abstract record PastMeetingLog
{
    private PastMeetingLog()
    {
    }

    /// <summary>No pairing with this id of which the user is a member: a 404.</summary>
    public sealed record NotFound : PastMeetingLog;

    /// <summary>A rule refused it (in the future, before the pairing started, the pairing has ended…); nothing changed.</summary>
    public sealed record Refused(string Reason) : PastMeetingLog;

    /// <summary>The pairing changed at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : PastMeetingLog;

    /// <summary>The meeting is recorded as held and the other member emailed, now or by an earlier click of the same form.</summary>
    public sealed record Logged : PastMeetingLog;
}
