using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// A member answers "No, it did not happen" to a planned meeting whose time has passed: it is recorded as not
/// held and the other member is emailed, in one unit.
/// </summary>
public sealed class RecordMeetingNotHeld(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<MeetingNotHeld> RunAsync(int pairingId, int meetingId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => RecordAsync(pairingId, meetingId, userId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MeetingNotHeld.ChangedMeanwhile();
        }
    }

    private async Task<MeetingNotHeld> RecordAsync(int pairingId, int meetingId, string userId, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return new MeetingNotHeld.NotFound();
        }

        try
        {
            meeting.RecordNotHeld(time.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingNotHeld.Refused(rule.Message);
        }

        var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
        foreach (var (memberId, name, otherName) in MeetingParts.Members(pairing))
        {
            if (!MeetingParts.IsUser(memberId, userId) && recipients.For(memberId, name) is { } to)
            {
                emails.MeetingDidNotHappen(to, otherName, UkTime.Describe(meeting.StartsAt, meeting.EndsAt), MeetingParts.PairingPath(pairingId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingNotHeld.Recorded(MeetingParts.OtherName(pairing, userId));
    }
}

/// <summary>What answering "it did not happen" came to, for the controller to show.</summary>
public abstract record MeetingNotHeld
{
    private MeetingNotHeld()
    {
    }

    /// <summary>No such meeting in a pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingNotHeld;

    /// <summary>The meeting was already held or cancelled, or its time has not passed; nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingNotHeld;

    /// <summary>The other member changed the meeting at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingNotHeld;

    public sealed record Recorded(string OtherName) : MeetingNotHeld;
}
