using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>A member cancels a planned meeting: it is cancelled and both members are emailed a calendar cancellation, in one unit.</summary>
public sealed class CancelMeeting(PortalDbContext db, PortalEmails emails, TimeProvider time, IOptions<EmailOptions> emailOptions)
{
    public async Task<MeetingCancellation> RunAsync(int pairingId, int meetingId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => CancelAsync(pairingId, meetingId, userId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MeetingCancellation.ChangedMeanwhile();
        }
    }

    private async Task<MeetingCancellation> CancelAsync(int pairingId, int meetingId, string userId, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return new MeetingCancellation.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            meeting.Cancel(now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingCancellation.Refused(rule.Message);
        }

        // Both members: each calendar holds the meeting, and each needs the cancellation to drop it.
        var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
        var when = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
        var path = MeetingParts.PairingPath(pairingId);
        foreach (var (memberId, name, otherName) in MeetingParts.Members(pairing))
        {
            if (recipients.For(memberId, name) is { } to)
            {
                emails.MeetingCancelled(to, otherName, MeetingParts.IsUser(memberId, userId), when, path,
                    MeetingParts.Invitation(meeting, emailOptions.Value, to, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingCancellation.Cancelled(MeetingParts.OtherName(pairing, userId));
    }
}

/// <summary>What cancelling a meeting came to, for the controller to show.</summary>
public abstract record MeetingCancellation
{
    private MeetingCancellation()
    {
    }

    /// <summary>No such meeting in a pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingCancellation;

    /// <summary>The meeting was already held or cancelled; nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingCancellation;

    /// <summary>The other member changed the meeting at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingCancellation;

    public sealed record Cancelled(string OtherName) : MeetingCancellation;
}
