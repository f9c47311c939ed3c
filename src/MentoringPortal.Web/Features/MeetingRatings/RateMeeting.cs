using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MeetingRatings;

/// <summary>A member rates a held meeting of their own pairing, or changes the rating they gave it.</summary>
public sealed class RateMeeting(PortalDbContext db, TimeProvider time)
{
    public async Task<MeetingRatingSaving> RunAsync(int pairingId, int meetingId, string userId, int usefulness, string? comment,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => RateAsync(pairingId, meetingId, userId, usefulness, comment, unit), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            return new MeetingRatingSaving.ChangedMeanwhile();
        }
    }

    private async Task<MeetingRatingSaving> RateAsync(int pairingId, int meetingId, string userId, int usefulness, string? comment,
        CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.Include(p => p.Meetings.Where(m => m.Id == meetingId)).WithMember(pairingId, userId)
            .SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return new MeetingRatingSaving.NotFound();
        }

        if (!MeetingRating.CanRate(meeting))
        {
            return new MeetingRatingSaving.NotHeld();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rating = await db.MeetingRatings.SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.RaterUserId == userId, cancellationToken);
        try
        {
            if (rating is null)
            {
                await db.MeetingRatings.AddAsync(MeetingRating.Rate(pairing, meetingId, userId, usefulness, comment, now), cancellationToken);
            }
            else
            {
                rating.Change(usefulness, comment, now);
            }
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MeetingRatingSaving.Refused(rule.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeetingRatingSaving.Saved(rating is null);
    }
}

/// <summary>What rating a meeting came to, for the controller to show.</summary>
public abstract record MeetingRatingSaving
{
    private MeetingRatingSaving()
    {
    }

    /// <summary>No such meeting in a pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : MeetingRatingSaving;

    /// <summary>The meeting has not been held (planned or cancelled), so it cannot be rated; nothing changed.</summary>
    public sealed record NotHeld : MeetingRatingSaving;

    /// <summary>A rule refused the rating (a value outside 1 to 5, a comment too long); nothing changed.</summary>
    public sealed record Refused(string Reason) : MeetingRatingSaving;

    /// <summary>The same member rated in another window at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : MeetingRatingSaving;

    public sealed record Saved(bool First) : MeetingRatingSaving;
}
