using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>A member plans a meeting: it is saved and both members are emailed a calendar invitation, in one unit.</summary>
public sealed class PlanMeeting(PortalDbContext db, PortalEmails emails, TimeProvider time, IOptions<EmailOptions> emailOptions)
{
    public async Task<MeetingPlanning> RunAsync(int pairingId, string userId, DateTime startsAt, int durationMinutes, MeetingModes mode,
        string? location, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => PlanAsync(pairingId, userId, startsAt, durationMinutes, mode, location, unit), cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException || (exception is DbUpdateException update && update.IsConstraintViolation()))
        {
            db.ChangeTracker.Clear();

            // Two clicks at once: the other request planned this very meeting, so there is nothing left to do.
            return await db.Meetings.AnyAsync(m => m.PairingId == pairingId && m.StartsAt == startsAt && m.Status == MeetingStatus.Planned, cancellationToken)
                ? new MeetingPlanning.Planned()
                : new MeetingPlanning.ChangedMeanwhile();
        }
    }

    private async Task<MeetingPlanning> PlanAsync(int pairingId, string userId, DateTime startsAt, int durationMinutes, MeetingModes mode,
        string? location, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMeetingsForMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new MeetingPlanning.NotFound();
        }

        if (pairing.Meetings.Any(m => m.IsPlanned && m.StartsAt == startsAt))
        {
            // A double-clicked (or resent) form: this meeting is already planned, and both have been emailed.
            return new MeetingPlanning.Planned();
        }

        Meeting meeting;
        try
        {
            meeting = pairing.PlanMeeting(startsAt, durationMinutes, mode, location);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingPlanning.Refused(rule.Message);
        }

        // Added now, not found at the save, so its id (the calendar file's UID) is known to the emails saved with it.
        await db.Meetings.AddAsync(meeting, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
        var when = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
        var path = MeetingParts.PairingPath(pairingId);
        foreach (var (memberId, name, otherName) in MeetingParts.Members(pairing))
        {
            if (recipients.For(memberId, name) is { } to)
            {
                emails.MeetingPlanned(to, otherName, when, MeetingParts.Where(meeting), meeting.IsInitial, path,
                    MeetingParts.Invitation(meeting, emailOptions.Value, to, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingPlanning.Planned();
    }
}

/// <summary>What planning a meeting came to, for the controller to show.</summary>
public abstract record MeetingPlanning
{
    private MeetingPlanning()
    {
    }

    /// <summary>No pairing with this id of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingPlanning;

    /// <summary>A rule of the scheme refused it (the pairing has ended…); nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingPlanning;

    /// <summary>The pairing changed at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingPlanning;

    /// <summary>The meeting is planned and both members emailed, now or by an earlier click of the same form.</summary>
    public sealed record Planned : MeetingPlanning;
}
