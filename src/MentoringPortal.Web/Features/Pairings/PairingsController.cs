using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// A pairing's own page and its meetings, for its two members only. Anyone else, administrators
/// included, gets 404: ownership is in every query. Each member reads only their own meeting notes.
/// </summary>
[Authorize]
[Route("pairings/{id:int}")]
public sealed class PairingsController(PortalDbContext db, TimeProvider time, IOptions<EmailOptions> emailOptions) : Controller
{
    private const string PlannedMessage = "Meeting planned. You have both been emailed the details, with a calendar file.";
    private const string NoLongerChangeable = "That meeting can no longer be changed.";
    private const string ChangedAtTheSameMoment = "The other member changed this meeting at the same moment. Check it and save again.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == pairing.ProgrammeId)
            .Select(p => new { p.Name, p.MeetingCadenceWeeks })
            .SingleAsync(cancellationToken);
        var now = Now;
        var viewerIsMentor = IsMentor(pairing, userId);
        var mentee = pairing.Mentee!;
        var mentor = pairing.Mentor!;
        return View(new PairingViewModel(
            pairing.Id,
            viewerIsMentor,
            OtherName(pairing, userId),
            viewerIsMentor ? new MenteeFacts(mentee.Specialty, mentee.Grade, mentee.Region, mentee.Background, mentee.Organisation) : null,
            viewerIsMentor ? null : new MentorFacts(mentor.Specialty, mentor.Grade, mentor.Region, mentor.Background, mentor.Organisation,
                mentor.Expertise, mentor.Bio, mentor.MeetingModes.Describe()),
            programme.Name,
            pairing.StartedAt,
            pairing.IsActive,
            pairing.EndedAt,
            pairing.IsOverdue(now, programme.MeetingCadenceWeeks),
            programme.MeetingCadenceWeeks,
            pairing.MeetingDueBy(programme.MeetingCadenceWeeks),
            MeetingRows(pairing, userId, now)));
    }

    private static List<MeetingRow> MeetingRows(Pairing pairing, string userId, DateTime now)
    {
        var initial = pairing.InitialMeeting;
        return pairing.Meetings.OrderBy(m => m.StartsAt).Select(m => new MeetingRow(
            m.Id,
            UkTime.Describe(m.StartsAt, m.EndsAt),
            m.DurationMinutes,
            m.Mode.Describe(),
            m.Location,
            m == initial,
            m.Status,
            m.AgreedActions,
            m.NoteBy(userId)?.Text,
            CanChange: pairing.IsActive && m.IsPlanned,
            CanLogAsHeld: m.CanBeLoggedAsHeld(now),
            AwaitsAnswer: pairing.IsActive && m.AwaitsAnswer(now),
            DidNotHappen: m.DidNotHappen)).ToList();
    }

    [HttpGet("meetings/new")]
    public async Task<IActionResult> Plan(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        if (!pairing.IsActive)
        {
            return Problem(id, "This pairing has ended, so no more meetings can be planned.");
        }

        var isInitial = pairing.NextMeetingIsInitial;
        var form = new MeetingForm { Mode = isInitial ? MeetingModes.FaceToFace : null };
        return View("Meeting", new MeetingFormViewModel(id, null, OtherName(pairing, userId), isInitial, form));
    }

    [HttpPost("meetings/new")]
    public async Task<IActionResult> Plan(int id, MeetingForm form, [FromServices] PlanMeeting planMeeting, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        if (ReadSchedule(form) is { } start && ModelState.IsValid)
        {
            switch (await planMeeting.RunAsync(id, userId, start, form.DurationMinutes!.Value, form.Mode!.Value, form.Location, cancellationToken))
            {
                case MeetingPlanning.Planned:
                    TempData["Success"] = PlannedMessage;
                    return Redirect(PairingPath(id));
                case MeetingPlanning.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case MeetingPlanning.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, "The pairing changed at the same moment. Check its meetings and try again.");
                    break;
                default:
                    return NotFound();
            }
        }

        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return pairing is null
            ? NotFound()
            : View("Meeting", new MeetingFormViewModel(id, null, OtherName(pairing, userId), pairing.NextMeetingIsInitial, form));
    }

    [HttpGet("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        return meeting.IsPlanned && pairing.IsActive
            ? View("Meeting", new MeetingFormViewModel(id, meetingId, OtherName(pairing, userId), meeting.IsInitial, MeetingForm.From(meeting)))
            : Problem(id, NoLongerChangeable);
    }

    [HttpPost("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int meetingId, MeetingForm form, [FromServices] ChangeMeeting changeMeeting,
        CancellationToken cancellationToken)
    {
        var userId = User.Id();
        if (ReadSchedule(form) is { } start && ModelState.IsValid)
        {
            switch (await changeMeeting.RunAsync(id, meetingId, userId, start, form.DurationMinutes!.Value, form.Mode!.Value, form.Location,
                cancellationToken))
            {
                case MeetingChange.Changed:
                    TempData["Success"] = "Meeting changed. You have both been emailed the new details, with a calendar update.";
                    return Redirect(PairingPath(id));
                case MeetingChange.NoLongerChangeable:
                    return Problem(id, NoLongerChangeable);
                case MeetingChange.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case MeetingChange.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, ChangedAtTheSameMoment);
                    break;
                default:
                    return NotFound();
            }
        }

        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        return meeting.IsPlanned && pairing.IsActive
            ? View("Meeting", new MeetingFormViewModel(id, meetingId, OtherName(pairing, userId), meeting.IsInitial, form))
            : Problem(id, NoLongerChangeable);
    }

    [HttpGet("meetings/{meetingId:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        return meeting.IsPlanned ? View(CancelViewModel(pairing, meeting, userId)) : Problem(id, "That meeting can no longer be cancelled.");
    }

    [HttpPost("meetings/{meetingId:int}/cancel")]
    [ActionName("Cancel")]
    public async Task<IActionResult> CancelConfirmed(int id, int meetingId, [FromServices] CancelMeeting cancelMeeting, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        switch (await cancelMeeting.RunAsync(id, meetingId, userId, cancellationToken))
        {
            case MeetingCancellation.Cancelled cancelled:
                TempData["Success"] = $"Meeting cancelled. {cancelled.OtherName} has been told, and you have both been emailed a calendar cancellation.";
                return Redirect(PairingPath(id));
            case MeetingCancellation.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                break;
            case MeetingCancellation.ChangedMeanwhile:
                ModelState.AddModelError(string.Empty, ChangedAtTheSameMoment);
                break;
            default:
                return NotFound();
        }

        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        return pairing is null || meeting is null ? NotFound() : View("Cancel", CancelViewModel(pairing, meeting, userId));
    }

    [HttpGet("meetings/{meetingId:int}/held")]
    public async Task<IActionResult> Held(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        if (!meeting.CanBeLoggedAsHeld(Now))
        {
            return Problem(id, "A meeting can be logged as held only after it has started, and not once it has been cancelled.");
        }

        var form = new HeldForm { AgreedActions = meeting.AgreedActions, Note = meeting.NoteBy(userId)?.Text };
        return View(HeldViewModel(pairing, meeting, userId, form));
    }

    [HttpPost("meetings/{meetingId:int}/held")]
    public async Task<IActionResult> Held(int id, int meetingId, HeldForm form, [FromServices] LogMeetingHeld logMeetingHeld,
        CancellationToken cancellationToken)
    {
        var userId = User.Id();
        if (ModelState.IsValid)
        {
            switch (await logMeetingHeld.RunAsync(id, meetingId, userId, form.AgreedActions, form.Note, cancellationToken))
            {
                case MeetingHeldLog.Logged:
                    TempData["Success"] = "The meeting has been recorded as held.";
                    return Redirect(PairingPath(id));
                case MeetingHeldLog.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case MeetingHeldLog.NoteRefused refused:
                    ModelState.AddModelError(nameof(form.Note), refused.Reason);
                    break;
                case MeetingHeldLog.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, ChangedAtTheSameMoment);
                    break;
                default:
                    return NotFound();
            }
        }

        var pairing = await Mine(id, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        return pairing is null || meeting is null ? NotFound() : View(HeldViewModel(pairing, meeting, userId, form));
    }

    [HttpGet("meetings/{meetingId:int}.ics")]
    public async Task<IActionResult> Calendar(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.PairingId == id && m.Status != MeetingStatus.Cancelled
                && (m.Pairing!.Mentor!.UserId == userId || m.Pairing.Mentee!.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var calendar = CalendarFile.Download(meeting, emailOptions.Value.GetFromMailbox().Address, Now);
        return File(Encoding.UTF8.GetBytes(calendar.Content), calendar.ContentType + "; charset=utf-8", calendar.FileName);
    }

    /// <summary>The pairing with its people, its meetings and, on each meeting, only the signed-in member's own note.</summary>
    private IQueryable<Pairing> Mine(int id, string userId) => db.Pairings.WithMeetingsForMember(id, userId);

    /// <summary>Reads the UK date and time as a UTC moment, refusing past times and impossible values beside their fields.</summary>
    private DateTime? ReadSchedule(MeetingForm form)
    {
        if (form.DurationMinutes is { } duration && !MeetingForm.Durations.Contains(duration))
        {
            ModelState.AddModelError(nameof(form.DurationMinutes), "Choose how long the meeting lasts.");
        }

        if (form.Mode is { } mode && !MeetingModesText.Each.Contains(mode))
        {
            ModelState.AddModelError(nameof(form.Mode), "Choose how you will meet.");
        }

        if (form.Date is not { } date || form.Time is not { } clock)
        {
            return null;
        }

        var now = Now;
        var today = UkTime.Today(now);
        if (date < today)
        {
            ModelState.AddModelError(nameof(form.Date), "The date is in the past. Choose today or a later date.");
            return null;
        }

        if (date > today.AddYears(2))
        {
            ModelState.AddModelError(nameof(form.Date), "Choose a date within the next two years.");
            return null;
        }

        var startsAt = UkTime.ToUtc(date, clock);
        if (startsAt is null)
        {
            ModelState.AddModelError(nameof(form.Time), "The clocks go forward at that time, so it does not exist in the UK. Choose another time.");
            return null;
        }

        if (startsAt <= now)
        {
            ModelState.AddModelError(nameof(form.Time), "That time has already passed today. Choose a later time.");
            return null;
        }

        return startsAt;
    }

    private RedirectResult Problem(int id, string message)
    {
        TempData["Problem"] = message;
        return Redirect(PairingPath(id));
    }

    private static string PairingPath(int id) => MeetingParts.PairingPath(id);

    private static bool IsMentor(Pairing pairing, string userId) => MeetingParts.IsMentor(pairing, userId);

    private static string OtherName(Pairing pairing, string userId) => MeetingParts.OtherName(pairing, userId);

    private static CancelMeetingViewModel CancelViewModel(Pairing pairing, Meeting meeting, string userId) =>
        new(pairing.Id, meeting.Id, OtherName(pairing, userId), UkTime.Describe(meeting.StartsAt, meeting.EndsAt), meeting.Mode.Describe(),
            meeting.Location, meeting.IsInitial);

    private static HeldViewModel HeldViewModel(Pairing pairing, Meeting meeting, string userId, HeldForm form) =>
        new(pairing.Id, meeting.Id, OtherName(pairing, userId), UkTime.Describe(meeting.StartsAt, meeting.EndsAt), meeting.IsInitial,
            meeting.WasHeld, meeting.NoteBy(userId) is not null, form);
}
