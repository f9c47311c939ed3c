using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>The mentee's consent to be named in the mentor's record, on the pairing page; nothing for the mentor.</summary>
public sealed class RecordConsentViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int pairingId)
    {
        var userId = UserClaimsPrincipal.Id();
        var consent = await db.Pairings.AsNoTracking()
            .Where(p => p.Id == pairingId && p.Mentee!.UserId == userId)
            .Select(p => new RecordConsentViewModel(p.Id, p.Mentor!.DisplayName, p.MenteeAgreesToBeNamed))
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        return consent is null ? Content(string.Empty) : View("~/Features/MentoringRecords/_RecordConsent.cshtml", consent);
    }
}
