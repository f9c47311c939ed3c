using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>A member moves or changes a planned meeting: it changes and both members are emailed a calendar update, in one unit.</summary>
public sealed class ChangeMeeting(PortalDbContext db, PortalEmails emails, TimeProvider time, IOptions<EmailOptions> emailOptions)
{
    public async Task<MeetingChange> RunAsync(int pairingId, int meetingId, string userId, DateTime startsAt, int durationMinutes,
        MeetingModes mode, string? location, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(
                unit => ChangeAsync(pairingId, meetingId, userId, startsAt, durationMinutes, mode, location, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MeetingChange.ChangedMeanwhile();
        }
    }

    private async Task<MeetingChange> ChangeAsync(int pairingId, int meetingId, string userId, DateTime startsAt, int durationMinutes,
        MeetingModes mode, string? location, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return new MeetingChange.NotFound();
        }

        if (!meeting.IsPlanned || !pairing.IsActive)
        {
            return new MeetingChange.NoLongerChangeable();
        }

        try
        {
            meeting.Reschedule(startsAt, durationMinutes, mode, location);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingChange.Refused(rule.Message);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
        var when = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
        var path = MeetingParts.PairingPath(pairingId);
        foreach (var (memberId, name, otherName) in MeetingParts.Members(pairing))
        {
            if (recipients.For(memberId, name) is { } to)
            {
                emails.MeetingChanged(to, otherName, MeetingParts.IsUser(memberId, userId), when, MeetingParts.Where(meeting), path,
                    MeetingParts.Invitation(meeting, emailOptions.Value, to, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingChange.Changed();
    }
}

/// <summary>What changing a meeting came to, for the controller to show.</summary>
public abstract record MeetingChange
{
    private MeetingChange()
    {
    }

    /// <summary>No such meeting in a pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingChange;

    /// <summary>The meeting was held or cancelled, or the pairing has ended; nothing changed.</summary>
    public sealed record NoLongerChangeable : MeetingChange;

    /// <summary>A rule of the scheme refused the new details; nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingChange;

    /// <summary>The other member changed the meeting at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingChange;

    public sealed record Changed : MeetingChange;
}
