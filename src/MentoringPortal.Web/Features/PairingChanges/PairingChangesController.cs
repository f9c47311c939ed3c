using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.PairingChanges;

/// <summary>A member ends their pairing, or asks the scheme in confidence for a change.</summary>
[Authorize]
[Route("pairings/{id:int}")]
public sealed class PairingChangesController(PortalDbContext db) : Controller
{
    [HttpGet("end")]
    public async Task<IActionResult> End(int id, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(new EndPairingViewModel(await HeaderAsync(pairing, cancellationToken), new EndPairingForm()));
    }

    [HttpPost("end")]
    public async Task<IActionResult> End(int id, EndPairingForm form, [FromServices] EndPairing endPairing, CancellationToken cancellationToken)
    {
        if (form.Reason is { } chosen && !EndReasonText.ForMembers.Contains(chosen))
        {
            ModelState.AddModelError(nameof(form.Reason), "Choose why the pairing is ending.");
        }

        if (ModelState.IsValid)
        {
            switch (await endPairing.RunAsync(id, User.Id(), form.Reason!.Value, form.Note, cancellationToken))
            {
                case MemberEnding.Ended:
                    TempData["Success"] = "The pairing has ended. You have both been emailed.";
                    return Redirect("/me");
                case MemberEnding.ChangedMeanwhile:
                    TempData["Problem"] = "The pairing changed at the same moment (perhaps the other member ended it). Please check it again.";
                    return Redirect("/me");
                case MemberEnding.Refused refused:
                    ModelState.AddModelError(nameof(form.Note), refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(new EndPairingViewModel(await HeaderAsync(pairing, cancellationToken), form));
    }

    [HttpGet("change")]
    public async Task<IActionResult> Change(int id, CancellationToken cancellationToken)
    {
        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(await ChangeViewModelAsync(pairing, new ChangeRequestForm(), cancellationToken));
    }

    [HttpPost("change")]
    public async Task<IActionResult> Change(int id, ChangeRequestForm form, [FromServices] AskForPairingChange askForChange,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await askForChange.RunAsync(id, User.Id(), form.Reason!, cancellationToken))
            {
                case ChangeAsked.Asked:
                    TempData["Success"] = "Your request has been sent to the scheme, in confidence. The other member has not been told.";
                    return Redirect("/me");
                case ChangeAsked.Refused refused:
                    ModelState.AddModelError(nameof(form.Reason), refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var pairing = await FindActiveAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(await ChangeViewModelAsync(pairing, form, cancellationToken));
    }

    /// <summary>The pairing, if it is active and the signed-in person is one of its two members; otherwise null (a 404).</summary>
    private async Task<Pairing?> FindActiveAsync(int id, CancellationToken cancellationToken)
    {
        return await db.Pairings.ActiveForMember(id, User.Id()).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<PairingHeader> HeaderAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        var isMentee = string.Equals(pairing.Mentee!.UserId, User.Id(), StringComparison.Ordinal);
        var programme = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        return new PairingHeader(pairing.Id, isMentee ? pairing.Mentor!.DisplayName : pairing.Mentee.DisplayName, programme, pairing.StartedAt, isMentee);
    }

    private async Task<ChangeRequestViewModel> ChangeViewModelAsync(Pairing pairing, ChangeRequestForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var asked = pairing.ChangeRequests.Where(c => c.IsOpen && string.Equals(c.RequestedByUserId, userId, StringComparison.Ordinal))
            .Select(c => (DateTime?)c.CreatedAt).FirstOrDefault();
        return new ChangeRequestViewModel(await HeaderAsync(pairing, cancellationToken), form, asked);
    }
}
