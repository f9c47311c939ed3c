using System.Globalization;
using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Shared;
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
public sealed class PairingsController(PortalDbContext db, PortalEmails emails, TimeProvider time, IOptions<EmailOptions> emailOptions) : Controller
{
    private const string PlannedMessage = "Meeting planned. You have both been emailed the details, with a calendar file.";

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
        var meetings = pairing.Meetings.OrderBy(m => m.StartsAt).Select(m => new MeetingRow(
            m.Id,
            UkTime.Describe(m.StartsAt, m.EndsAt),
            m.DurationMinutes,
            m.Mode.Describe(),
            m.Location,
            m.IsInitial,
            m.Status,
            m.AgreedActions,
            m.NoteBy(userId)?.Text,
            CanChange: pairing.IsActive && m.IsPlanned,
            CanLogAsHeld: m.Status != MeetingStatus.Cancelled && m.StartsAt <= now)).ToList();
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
            meetings));
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

        var isInitial = IsFirstMeeting(pairing);
        var form = new MeetingForm { Mode = isInitial ? MeetingModes.FaceToFace : null };
        return View("Meeting", new MeetingFormViewModel(id, null, OtherName(pairing, userId), isInitial, form));
    }

    [HttpPost("meetings/new")]
    public async Task<IActionResult> Plan(int id, MeetingForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        var isInitial = IsFirstMeeting(pairing);
        var startsAt = ReadSchedule(form);
        if (ModelState.IsValid && pairing.Meetings.Any(m => m.IsPlanned && m.StartsAt == startsAt))
        {
            // A double-clicked (or resent) form: this meeting is already planned, and both have been emailed.
            TempData["Success"] = PlannedMessage;
            return Redirect(PairingPath(id));
        }

        Meeting? meeting = null;
        if (ModelState.IsValid && startsAt is { } start
            && ModelState.TryApply(string.Empty, () => meeting = pairing.PlanMeeting(start, form.DurationMinutes!.Value, form.Mode!.Value, form.Location)))
        {
            // The meeting's id is the calendar file's UID, so it is saved first; the emails join it in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
                var when = UkTime.Describe(meeting!.StartsAt, meeting.EndsAt);
                foreach (var (memberId, name, otherName) in Members(pairing))
                {
                    if (recipients.For(memberId, name) is { } to)
                    {
                        emails.MeetingPlanned(to, otherName, when, Where(meeting), meeting.IsInitial, PairingPath(id), Invitation(meeting, to));
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                TempData["Success"] = PlannedMessage;
                return Redirect(PairingPath(id));
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();

                // Two clicks at once: the other request planned this very meeting, so there is nothing left to do.
                if (await db.Meetings.AnyAsync(m => m.MentorshipId == id && m.StartsAt == start && m.Status == MeetingStatus.Planned, cancellationToken))
                {
                    TempData["Success"] = PlannedMessage;
                    return Redirect(PairingPath(id));
                }

                ModelState.AddModelError(string.Empty, "The pairing changed at the same moment. Check its meetings and try again.");
            }
        }

        return View("Meeting", new MeetingFormViewModel(id, null, OtherName(pairing, userId), isInitial, form));
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
            : Problem(id, "That meeting can no longer be changed.");
    }

    [HttpPost("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int meetingId, MeetingForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        if (!meeting.IsPlanned || !pairing.IsActive)
        {
            return Problem(id, "That meeting can no longer be changed.");
        }

        var startsAt = ReadSchedule(form);
        if (ModelState.IsValid && startsAt is { } start
            && ModelState.TryApply(string.Empty, () => meeting.Reschedule(start, form.DurationMinutes!.Value, form.Mode!.Value, form.Location)))
        {
            var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
            var when = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
            foreach (var (memberId, name, otherName) in Members(pairing))
            {
                if (recipients.For(memberId, name) is { } to)
                {
                    emails.MeetingChanged(to, otherName, IsUser(memberId, userId), when, Where(meeting), PairingPath(id), Invitation(meeting, to));
                }
            }

            if (await TrySaveAsync(cancellationToken))
            {
                TempData["Success"] = "Meeting changed. You have both been emailed the new details, with a calendar update.";
                return Redirect(PairingPath(id));
            }
        }

        return View("Meeting", new MeetingFormViewModel(id, meetingId, OtherName(pairing, userId), meeting.IsInitial, form));
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
    public async Task<IActionResult> CancelConfirmed(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        if (ModelState.TryApply(string.Empty, () => meeting.Cancel(Now)))
        {
            // Both members: each calendar holds the meeting, and each needs the cancellation to drop it.
            var recipients = await db.EmailsAsync([pairing.Mentor!.UserId, pairing.Mentee!.UserId], cancellationToken);
            var when = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
            foreach (var (memberId, name, otherName) in Members(pairing))
            {
                if (recipients.For(memberId, name) is { } to)
                {
                    emails.MeetingCancelled(to, otherName, IsUser(memberId, userId), when, PairingPath(id), Invitation(meeting, to));
                }
            }

            if (await TrySaveAsync(cancellationToken))
            {
                TempData["Success"] = $"Meeting cancelled. {OtherName(pairing, userId)} has been told, and you have both been emailed a calendar cancellation.";
                return Redirect(PairingPath(id));
            }
        }

        return View("Cancel", CancelViewModel(pairing, meeting, userId));
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

        if (meeting.Status == MeetingStatus.Cancelled || meeting.StartsAt > Now)
        {
            return Problem(id, "A meeting can be logged as held only after it has started, and not once it has been cancelled.");
        }

        var form = new HeldForm { AgreedActions = meeting.AgreedActions, Note = meeting.NoteBy(userId)?.Text };
        return View(HeldViewModel(pairing, meeting, userId, form));
    }

    [HttpPost("meetings/{meetingId:int}/held")]
    public async Task<IActionResult> Held(int id, int meetingId, HeldForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await Mine(id, userId).SingleOrDefaultAsync(cancellationToken);
        var meeting = pairing?.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (pairing is null || meeting is null)
        {
            return NotFound();
        }

        var existingNote = meeting.NoteBy(userId);
        if (existingNote is not null && string.IsNullOrWhiteSpace(form.Note))
        {
            ModelState.AddModelError(nameof(form.Note), "Your note cannot be left empty once written. Change its words instead.");
        }

        var now = Now;
        if (ModelState.IsValid
            && ModelState.TryApply(string.Empty, () => meeting.LogAsHeld(form.AgreedActions, now))
            && (string.IsNullOrWhiteSpace(form.Note) || ModelState.TryApply(nameof(form.Note), () => meeting.WriteNote(userId, form.Note!, now)))
            && await TrySaveAsync(cancellationToken))
        {
            TempData["Success"] = "The meeting has been recorded as held.";
            return Redirect(PairingPath(id));
        }

        return View(HeldViewModel(pairing, meeting, userId, form));
    }

    [HttpGet("meetings/{meetingId:int}.ics")]
    public async Task<IActionResult> Calendar(int id, int meetingId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.MentorshipId == id && m.Status != MeetingStatus.Cancelled
                && (m.Mentorship!.Mentor!.UserId == userId || m.Mentorship.Mentee!.UserId == userId))
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
    private IQueryable<Mentorship> Mine(int id, string userId) =>
        db.Mentorships
            .Include(m => m.Meetings).ThenInclude(m => m.Notes.Where(n => n.AuthorUserId == userId))
            .WithMember(id, userId);

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

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "The other member changed this meeting at the same moment. Check it and save again.");
            return false;
        }
    }

    private RedirectResult Problem(int id, string message)
    {
        TempData["Problem"] = message;
        return Redirect(PairingPath(id));
    }

    private static string PairingPath(int id) => "/pairings/" + id.ToString(CultureInfo.InvariantCulture);

    private MeetingCalendar Invitation(Meeting meeting, Recipient to) =>
        CalendarFile.Invitation(meeting, emailOptions.Value.GetFromMailbox().Address, to.Email, Now);

    private static bool IsUser(string? memberId, string userId) => string.Equals(memberId, userId, StringComparison.Ordinal);

    private static string Where(Meeting meeting) =>
        meeting.Location is null ? meeting.Mode.Describe() : $"{meeting.Mode.Describe()}, {meeting.Location}";

    private static bool IsFirstMeeting(Mentorship pairing) => !pairing.Meetings.Any(m => m.Status != MeetingStatus.Cancelled);

    private static bool IsMentor(Mentorship pairing, string userId) => string.Equals(pairing.Mentor?.UserId, userId, StringComparison.Ordinal);

    private static string OtherName(Mentorship pairing, string userId) => Other(pairing, userId).Name;

    private static (string? UserId, string Name) Other(Mentorship pairing, string userId) =>
        IsMentor(pairing, userId) ? (pairing.Mentee!.UserId, pairing.Mentee.DisplayName) : (pairing.Mentor!.UserId, pairing.Mentor.DisplayName);

    /// <summary>Each member with their name and the other member's name.</summary>
    private static IEnumerable<(string? UserId, string Name, string OtherName)> Members(Mentorship pairing) =>
    [
        (pairing.Mentor!.UserId, pairing.Mentor.DisplayName, pairing.Mentee!.DisplayName),
        (pairing.Mentee.UserId, pairing.Mentee.DisplayName, pairing.Mentor.DisplayName),
    ];

    private static CancelMeetingViewModel CancelViewModel(Mentorship pairing, Meeting meeting, string userId) =>
        new(pairing.Id, meeting.Id, OtherName(pairing, userId), UkTime.Describe(meeting.StartsAt, meeting.EndsAt), meeting.Mode.Describe(),
            meeting.Location, meeting.IsInitial);

    private static HeldViewModel HeldViewModel(Mentorship pairing, Meeting meeting, string userId, HeldForm form) =>
        new(pairing.Id, meeting.Id, OtherName(pairing, userId), UkTime.Describe(meeting.StartsAt, meeting.EndsAt), meeting.IsInitial,
            meeting.WasHeld, meeting.NoteBy(userId) is not null, form);
}
