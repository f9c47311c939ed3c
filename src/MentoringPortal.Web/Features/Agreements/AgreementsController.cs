using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Agreements;

/// <summary>
/// A pairing's mentoring agreement, for its two members only: anyone else, administrators
/// included, gets 404. Either member writes or changes it; each says "I agree" to the same words.
/// </summary>
[Authorize]
[Route("pairings/{id:int}/agreement")]
public sealed class AgreementsController(PortalDbContext db) : Controller
{
    private const string ChangedAtTheSameMoment = "The agreement was changed at the same moment. Read it again, then try once more.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var (pairing, agreement) = await LoadAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(AgreementViewModel.From(pairing, agreement, User.Id()));
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (pairing, agreement) = await LoadAsync(id, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        if (MentoringAgreement.WhyNotWritable(pairing) is { } why)
        {
            TempData["Problem"] = why;
            return Redirect(PortalEmails.AgreementPath(id));
        }

        return View(EditViewModel(pairing, agreement, AgreementForm.From(agreement)));
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int id, AgreementForm form, [FromServices] SaveAgreement saveAgreement, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await saveAgreement.RunAsync(id, User.Id(), form.Terms(), cancellationToken))
            {
                case AgreementSaving.Saved saved:
                    TempData["Success"] = $"Agreement saved. {saved.OtherName} has been emailed to read it. It is agreed once you have both confirmed it.";
                    return Redirect(PortalEmails.AgreementPath(id));
                case AgreementSaving.Unchanged:
                    TempData["Success"] = "Nothing was changed, so the agreement stands as it was.";
                    return Redirect(PortalEmails.AgreementPath(id));
                case AgreementSaving.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                case AgreementSaving.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, ChangedAtTheSameMoment);
                    break;
                default:
                    return NotFound();
            }
        }

        var (pairing, agreement) = await LoadAsync(id, cancellationToken);
        return pairing is null ? NotFound() : View(EditViewModel(pairing, agreement, form));
    }

    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(int id, ConfirmAgreementForm form, [FromServices] ConfirmAgreement confirmAgreement,
        CancellationToken cancellationToken)
    {
        switch (await confirmAgreement.RunAsync(id, User.Id(), form.Revision, cancellationToken))
        {
            case AgreementConfirmation.Confirmed { Agreed: true } confirmed:
                TempData["Success"] = $"Thank you. You have both agreed, and {confirmed.OtherName} has been told.";
                break;
            case AgreementConfirmation.Confirmed confirmed:
                TempData["Success"] = $"Thank you. The agreement is agreed once {confirmed.OtherName} has confirmed it too.";
                break;
            case AgreementConfirmation.Refused refused:
                TempData["Problem"] = refused.Reason;
                break;
            case AgreementConfirmation.ChangedMeanwhile:
                TempData["Problem"] = ChangedAtTheSameMoment;
                break;
            default:
                return NotFound();
        }

        return Redirect(PortalEmails.AgreementPath(id));
    }

    /// <summary>The pairing with its people and meetings, for its members only, and its agreement if written.</summary>
    private async Task<(Pairing? Pairing, MentoringAgreement? Agreement)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.AsNoTracking().Include(p => p.Meetings).WithMember(id, User.Id()).SingleOrDefaultAsync(cancellationToken);
        var agreement = pairing is null
            ? null
            : await db.MentoringAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.PairingId == id, cancellationToken);
        return (pairing, agreement);
    }

    private AgreementEditViewModel EditViewModel(Pairing pairing, MentoringAgreement? agreement, AgreementForm form)
    {
        var page = AgreementViewModel.From(pairing, agreement, User.Id());
        var confirmed = agreement is not null && (agreement.MenteeConfirmedAt is not null || agreement.MentorConfirmedAt is not null);
        return new AgreementEditViewModel(pairing.Id, page.OtherName, page.ViewerIsMentee, agreement is null, confirmed, form);
    }
}
