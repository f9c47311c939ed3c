using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>The mentee's choice whether their mentor's record for appraisal may name them (on the pairing page).</summary>
[Authorize(Policy = Policies.Mentee)]
public sealed class RecordConsentController(PortalDbContext db) : Controller
{
    [HttpPost("/pairings/{id:int}/record-consent")]
    public async Task<IActionResult> Save(int id, RecordConsentForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await db.Pairings.WithMember(id, userId).SingleOrDefaultAsync(p => p.Mentee!.UserId == userId, cancellationToken);
        if (pairing is null)
        {
            return NotFound();
        }

        pairing.SetMenteeAgreesToBeNamed(userId, form.AgreesToBeNamed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = form.AgreesToBeNamed
                ? $"{pairing.Mentor!.DisplayName} may now name you in their mentoring record."
                : $"{pairing.Mentor!.DisplayName}'s mentoring record will call you \"Mentee\" with a number, not by your name.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Problem"] = "Your pairing changed at the same moment. Please make your choice again.";
        }

        return Redirect($"/pairings/{id}#record-consent-title");
    }
}
