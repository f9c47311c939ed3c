using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// An honest record of meetings that are over: logging a meeting that already happened, and answering "Did this
/// meeting happen?" with no. For the pairing's two members only; anyone else gets 404.
/// </summary>
[Authorize]
[Route("pairings/{id:int}/meetings")]
public sealed class PastMeetingsController(PortalDbContext db, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("past")]
    public async Task<IActionResult> LogPast(int id, CancellationToken cancellationToken)
    {
        var pairing = await MineAsync(id, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        return pairing.IsActive ? View(PastViewModel(pairing, new PastMeetingForm())) : Problem(id, "This pairing has ended, so no more meetings can be logged.");
    }

    [HttpPost("past")]
    public async Task<IActionResult> LogPast(int id, PastMeetingForm form, [FromServices] LogPastMeeting logPastMeeting,
        CancellationToken cancellationToken)
    {
        var pairing = await MineAsync(id, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        if (ReadPastStart(form, pairing.StartedAt) is { } start && ModelState.IsValid)
        {
            var meeting = new PastMeeting(start, form.DurationMinutes!.Value, form.Mode!.Value, form.AgreedActions, form.Note);
            switch (await logPastMeeting.RunAsync(id, User.Id(), meeting, cancellationToken))
            {
                case PastMeetingLog.Logged:
                    TempData["Success"] = $"The meeting has been recorded as held. {MeetingParts.OtherName(pairing, User.Id())} has been emailed that you recorded it.";
                    return Redirect(MeetingParts.PairingPath(id));
                case PastMeetingLog.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case PastMeetingLog.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, "The pairing changed at the same moment. Check its meetings and try again.");
                    break;
                default:
                    return NotFound();
            }
        }

        return View(PastViewModel(pairing, form));
    }

    [HttpGet("{meetingId:int}/did-not-happen")]
    public async Task<IActionResult> DidNotHappen(int id, int meetingId, CancellationToken cancellationToken)
    {
        var pairing = await MineAsync(id, cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        return meeting.AwaitsAnswer(Now)
            ? View(NotHeldViewModel(pairing, meetingId))
            : Problem(id, "That meeting is not waiting for an answer: it has been logged or cancelled, or its time has not passed yet.");
    }

    [HttpPost("{meetingId:int}/did-not-happen")]
    [ActionName("DidNotHappen")]
    public async Task<IActionResult> DidNotHappenConfirmed(int id, int meetingId, [FromServices] RecordMeetingNotHeld recordNotHeld,
        CancellationToken cancellationToken)
    {
        switch (await recordNotHeld.RunAsync(id, meetingId, User.Id(), cancellationToken))
        {
            case MeetingNotHeld.Recorded recorded:
                TempData["Success"] = $"Recorded: the meeting did not happen. {recorded.OtherName} has been told. Plan your next meeting when you are ready.";
                return Redirect(MeetingParts.PairingPath(id));
            case MeetingNotHeld.Refused refused:
                return Problem(id, refused.Reason);
            case MeetingNotHeld.ChangedMeanwhile:
                return Problem(id, "The other member answered for this meeting at the same moment. Check it below.");
            default:
                return NotFound();
        }
    }

    private Task<Pairing?> MineAsync(int id, CancellationToken cancellationToken) =>
        db.Pairings.WithMeetingsForMember(id, User.Id()).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    /// <summary>Reads the UK date and time as a UTC moment, refusing the future and days before the pairing started beside their fields.</summary>
    private DateTime? ReadPastStart(PastMeetingForm form, DateTime pairingStartedAt)
    {
        if (form.DurationMinutes is { } duration && !MeetingForm.Durations.Contains(duration))
        {
            ModelState.AddModelError(nameof(form.DurationMinutes), "Choose how long the meeting lasted.");
        }

        if (form.Mode is { } mode && !MeetingModesText.Each.Contains(mode))
        {
            ModelState.AddModelError(nameof(form.Mode), "Choose how you met.");
        }

        if (form.Date is not { } date || form.Time is not { } clock)
        {
            return null;
        }

        var now = Now;
        var startedOn = UkTime.Today(pairingStartedAt);
        if (date > UkTime.Today(now))
        {
            ModelState.AddModelError(nameof(form.Date), "The date is in the future. Log a meeting once it has happened, or plan it instead.");
            return null;
        }

        if (date < startedOn)
        {
            ModelState.AddModelError(nameof(form.Date), $"Your pairing started on {UkTime.Date(startedOn)}. Choose that day or a later one.");
            return null;
        }

        var startsAt = UkTime.ToUtc(date, clock);
        if (startsAt is null)
        {
            ModelState.AddModelError(nameof(form.Time), "The clocks go forward at that time, so it does not exist in the UK. Choose another time.");
            return null;
        }

        if (startsAt > now)
        {
            ModelState.AddModelError(nameof(form.Time), "That time is still to come today. Choose the time the meeting started.");
            return null;
        }

        if (startsAt < pairingStartedAt)
        {
            ModelState.AddModelError(nameof(form.Time), $"Your pairing started at {UkTime.Clock(pairingStartedAt)} that day. Choose a later time.");
            return null;
        }

        return startsAt;
    }

    private RedirectResult Problem(int id, string message)
    {
        TempData["Problem"] = message;
        return Redirect(MeetingParts.PairingPath(id));
    }

    private PastMeetingViewModel PastViewModel(Pairing pairing, PastMeetingForm form) =>
        new(pairing.Id, MeetingParts.OtherName(pairing, User.Id()), UkTime.Today(pairing.StartedAt), form);

    private NotHeldViewModel NotHeldViewModel(Pairing pairing, int meetingId)
    {
        var meeting = pairing.MeetingById(meetingId);
        return new(pairing.Id, meetingId, MeetingParts.OtherName(pairing, User.Id()), UkTime.Describe(meeting.StartsAt, meeting.EndsAt),
            meeting.Mode.Describe());
    }
}
