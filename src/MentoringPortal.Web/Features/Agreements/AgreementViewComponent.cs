using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Agreements;

/// <summary>The agreement's section on the pairing page (Features/Agreements/_Agreement.cshtml): where it stands, its words, and what to do next.</summary>
public sealed class AgreementViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int pairingId)
    {
        var userId = UserClaimsPrincipal.Id();
        var cancellationToken = HttpContext.RequestAborted;
        var pairing = await db.Pairings.AsNoTracking().Include(p => p.Meetings).WithMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return Content(string.Empty);
        }

        var agreement = await db.MentoringAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.PairingId == pairingId, cancellationToken);
        return View("~/Features/Agreements/_Agreement.cshtml", AgreementViewModel.From(pairing, agreement, userId));
    }
}
