using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.Surveys;

/// <summary>
/// On /me: "Surveys waiting for you" (Features/Surveys/_Waiting.cshtml), and on a pairing page the
/// link to that pairing's survey (Features/Surveys/_PairingSurveys.cshtml). Nothing when none waits.
/// </summary>
public sealed class SurveysWaitingViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? pairingId = null)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        var waiting = await WaitingSurveys.ForAsync(db, UserClaimsPrincipal.Id(), pairingId, HttpContext.RequestAborted);
        return waiting.Count == 0
            ? Content(string.Empty)
            : View(pairingId is null ? "~/Features/Surveys/_Waiting.cshtml" : "~/Features/Surveys/_PairingSurveys.cshtml", waiting);
    }
}
