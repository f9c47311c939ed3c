using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MeetingRatings;

/// <summary>
/// "How useful was this meeting?": each member rates a held meeting of their own pairing and sees
/// only their own ratings. Nobody else reads a rating one by one (another member's meeting is a 404);
/// the scheme sees only anonymous aggregates in the evaluation report.
/// </summary>
[Authorize]
public sealed class MeetingRatingsController(PortalDbContext db) : Controller
{
    private const string NotHeldMessage = "Only a meeting that has been held can be rated. Log it as held first.";

    [HttpGet("/pairings/{id:int}/meetings/{meetingId:int}/rating")]
    public async Task<IActionResult> Rate(int id, int meetingId, CancellationToken cancellationToken)
    {
        var (pairing, meeting) = await LoadAsync(id, meetingId, cancellationToken);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        if (!MeetingRating.CanRate(meeting))
        {
            TempData["Problem"] = NotHeldMessage;
            return Redirect(MeetingParts.PairingPath(id));
        }

        var rating = await db.MeetingRatings.AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.RaterUserId == User.Id(),
            cancellationToken);
        var form = new MeetingRatingForm { Usefulness = rating?.Usefulness, Comment = rating?.Comment };
        return View(ViewModel(pairing, meeting, rating is not null, form));
    }

    [HttpPost("/pairings/{id:int}/meetings/{meetingId:int}/rating")]
    public async Task<IActionResult> Rate(int id, int meetingId, MeetingRatingForm form, [FromServices] RateMeeting rateMeeting,
        CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(form.Usefulness), out var entry) && entry.ValidationState == ModelValidationState.Invalid
            || form.Usefulness is not (>= MeetingRating.Lowest and <= MeetingRating.Highest))
        {
            ModelState.Remove(nameof(form.Usefulness));
            ModelState.AddModelError(nameof(form.Usefulness), MeetingRatingForm.UsefulnessMessage);
        }

        if (ModelState.IsValid)
        {
            switch (await rateMeeting.RunAsync(id, meetingId, User.Id(), form.Usefulness!.Value, form.Comment, cancellationToken))
            {
                case MeetingRatingSaving.Saved saved:
                    TempData["Success"] = saved.First ? "Thank you. Your rating has been saved." : "Your rating has been changed.";
                    return Redirect(MeetingParts.PairingPath(id));
                case MeetingRatingSaving.NotHeld:
                    TempData["Problem"] = NotHeldMessage;
                    return Redirect(MeetingParts.PairingPath(id));
                case MeetingRatingSaving.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case MeetingRatingSaving.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, "You rated this meeting in another window at the same moment. Check your rating and save again.");
                    break;
                default:
                    return NotFound();
            }
        }

        var (pairing, meeting) = await LoadAsync(id, meetingId, cancellationToken);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        var rated = await db.MeetingRatings.AnyAsync(r => r.MeetingId == meetingId && r.RaterUserId == User.Id(), cancellationToken);
        return View(ViewModel(pairing, meeting, rated, form));
    }

    [HttpGet("/me/ratings")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var rows = await db.MeetingRatings.AsNoTracking()
            .Where(r => r.RaterUserId == userId)
            .Join(db.Meetings, r => r.MeetingId, m => m.Id, (r, m) => new { Rating = r, Meeting = m, m.Pairing })
            .Join(db.Programmes, x => x.Rating.ProgrammeId, p => p.Id, (x, p) => new
            {
                x.Meeting.PairingId,
                MeetingId = x.Meeting.Id,
                x.Meeting.StartsAt,
                x.Meeting.DurationMinutes,
                OtherName = x.Rating.Rater == SurveyRespondent.Mentee ? x.Pairing!.Mentor!.DisplayName : x.Pairing!.Mentee!.DisplayName,
                Programme = p.Name,
                x.Rating.Usefulness,
                x.Rating.Comment,
                x.Rating.UpdatedAt,
            })
            .OrderByDescending(x => x.StartsAt)
            .ToListAsync(cancellationToken);
        return View(new OwnRatingsViewModel(rows.Select(x => new OwnRatingRow(x.PairingId, x.MeetingId,
            UkTime.Describe(x.StartsAt, x.StartsAt.AddMinutes(x.DurationMinutes)), x.OtherName, x.Programme, x.Usefulness, x.Comment,
            x.UpdatedAt)).ToList()));
    }

    /// <summary>The pairing, for its members only, with the one meeting asked for.</summary>
    private async Task<(Pairing? Pairing, Meeting? Meeting)> LoadAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.AsNoTracking().Include(p => p.Meetings.Where(m => m.Id == meetingId)).WithMember(id, User.Id())
            .SingleOrDefaultAsync(cancellationToken);
        return (pairing, pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId));
    }

    private MeetingRatingViewModel ViewModel(Pairing pairing, Meeting meeting, bool alreadyRated, MeetingRatingForm form) =>
        new(pairing.Id, meeting.Id, MeetingParts.OtherName(pairing, User.Id()), UkTime.Describe(meeting.StartsAt, meeting.EndsAt), alreadyRated, form);
}
