using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.PairingChanges;

/// <summary>A member ends their pairing, or asks the scheme in confidence for a change.</summary>
[Authorize]
[Route("pairings/{id:int}")]
public sealed class PairingChangesController(PortalDbContext db, PortalEmails emails, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("end")]
    public async Task<IActionResult> End(int id, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(new EndPairingViewModel(await HeaderAsync(pairing, cancellationToken), new EndPairingForm()));
    }

    [HttpPost("end")]
    public async Task<IActionResult> End(int id, EndPairingForm form, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        if (form.Reason is { } chosen && !EndReasonText.ForMembers.Contains(chosen))
        {
            ModelState.AddModelError(nameof(form.Reason), "Choose why the pairing is ending.");
        }

        if (ModelState.IsValid && ModelState.TryApply(nameof(form.Note), () => pairing.End(form.Reason!.Value, User.Id(), form.Note, Now)))
        {
            var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
            if (mentee is not null)
            {
                emails.PairingEnded(mentee, pairing.Mentor!.DisplayName, form.Reason!.Value, toMentee: true);
            }

            if (mentor is not null)
            {
                emails.PairingEnded(mentor, pairing.Mentee!.DisplayName, form.Reason!.Value, toMentee: false);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = "The pairing has ended. You have both been emailed.";
                return Redirect("/me");
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Problem"] = "The pairing changed at the same moment (perhaps the other member ended it). Please check it again.";
                return Redirect("/me");
            }
        }

        return View(new EndPairingViewModel(await HeaderAsync(pairing, cancellationToken), form));
    }

    [HttpGet("change")]
    public async Task<IActionResult> Change(int id, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(await ChangeViewModelAsync(pairing, new ChangeRequestForm(), cancellationToken));
    }

    [HttpPost("change")]
    public async Task<IActionResult> Change(int id, ChangeRequestForm form, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (ModelState.IsValid && ModelState.TryApply(nameof(form.Reason), () => pairing.AskForChange(userId, form.Reason!, Now)))
        {
            var programme = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
            foreach (var administrator in await db.OfProgrammesAsync([pairing.ProgrammeId], cancellationToken))
            {
                emails.ChangeRequestWaiting(administrator, programme);
            }

            var requester = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
            emails.ChangeRequestReceived(new Recipient(requester.Email!, requester.DisplayName));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = "Your request has been sent to the scheme, in confidence. The other member has not been told.";
            return Redirect("/me");
        }

        return View(await ChangeViewModelAsync(pairing, form, cancellationToken));
    }

    /// <summary>The pairing, if it is active and the signed-in person is one of its two members; otherwise null (a 404).</summary>
    private async Task<Mentorship?> FindActiveAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return await db.Mentorships
            .Include(m => m.Meetings)
            .Include(m => m.ChangeRequests.Where(c => c.Status == ChangeRequestStatus.Open))
            .WithMember(id, userId)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Status == MentorshipStatus.Active, cancellationToken);
    }

    private async Task<PairingHeader> HeaderAsync(Mentorship pairing, CancellationToken cancellationToken)
    {
        var isMentee = string.Equals(pairing.Mentee!.UserId, User.Id(), StringComparison.Ordinal);
        var programme = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        return new PairingHeader(pairing.Id, isMentee ? pairing.Mentor!.DisplayName : pairing.Mentee.DisplayName, programme, pairing.StartedAt, isMentee);
    }

    private async Task<ChangeRequestViewModel> ChangeViewModelAsync(Mentorship pairing, ChangeRequestForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var asked = pairing.ChangeRequests.Where(c => c.IsOpen && string.Equals(c.RequestedByUserId, userId, StringComparison.Ordinal))
            .Select(c => (DateTime?)c.CreatedAt).FirstOrDefault();
        return new ChangeRequestViewModel(await HeaderAsync(pairing, cancellationToken), form, asked);
    }
}
