using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Messages;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Availability;

[Authorize(Policy = Policies.Mentor)]
public sealed class AvailabilityController(PortalDbContext db, TimeProvider time) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [HttpGet("/mentor/availability")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var form = new AvailabilityForm { Capacity = mentor.Capacity, Status = mentor.Status, PausedUntil = mentor.PausedUntil };
        return View(await ViewModelAsync(mentor, form, cancellationToken));
    }

    [HttpPost("/mentor/availability")]
    public async Task<IActionResult> Index(AvailabilityForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(form.Status))
        {
            ModelState.AddModelError(nameof(form.Status), "Choose whether you are accepting new mentees.");
        }

        // Both rules are checked (no short-circuit), so the mentor sees every problem at once.
        if (ModelState.IsValid
            && ModelState.TryApply(nameof(form.Capacity), () => mentor.SetCapacity(form.Capacity))
                & ModelState.TryApply(nameof(form.PausedUntil), () => mentor.SetAvailability(form.Status, form.PausedUntil, Today)))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = "Your availability has been saved.";
                return Redirect("/mentor/availability");
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, "A request was answered at the same moment. Check your numbers and save again.");
            }
        }

        db.ChangeTracker.Clear();
        mentor = (await FindMentorAsync(cancellationToken))!;
        return View(await ViewModelAsync(mentor, form, cancellationToken));
    }

    [HttpGet("/mentor/profile")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        ViewData[SharedPhoneNumber.Field] = await SharedPhoneNumber.ReadAsync(db, User.Id(), cancellationToken);
        return View(MentorProfileForm.From(mentor));
    }

    [HttpPost("/mentor/profile")]
    public async Task<IActionResult> Profile(MentorProfileForm form, [FromForm(Name = SharedPhoneNumber.Field)] string? phoneNumber,
        CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        if (form.MeetingModes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.MeetingModes), "Choose at least one way you can meet.");
        }

        ViewData[SharedPhoneNumber.Field] = phoneNumber;
        if (ModelState.IsValid && ModelState.TryApply(string.Empty, () => mentor.UpdateProfile(form.ToProfile()))
            && await SharedPhoneNumber.TryApplyAsync(db, ModelState, User.Id(), phoneNumber, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = "Your profile has been saved.";
                return Redirect("/mentor/profile");
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, "Your record changed at the same moment. Please save again.");
            }
        }

        return View(form);
    }

    private Task<Mentor?> FindMentorAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.Mentors.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    private async Task<AvailabilityViewModel> ViewModelAsync(Mentor mentor, AvailabilityForm form, CancellationToken cancellationToken)
    {
        var pending = await db.ContactRequests.CountAsync(r => r.MentorId == mentor.Id && r.Status == ContactRequestStatus.Pending, cancellationToken);
        return new AvailabilityViewModel(form, mentor.ActiveMenteeCount, pending);
    }
}
