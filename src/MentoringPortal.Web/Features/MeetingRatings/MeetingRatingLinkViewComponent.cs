using MentoringPortal.Domain.Meetings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MeetingRatings;

/// <summary>On a held meeting's card: "Rate this meeting", or the member's own rating with a link to change it. Nothing for other meetings.</summary>
public sealed class MeetingRatingLinkViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int pairingId, int meetingId)
    {
        var userId = UserClaimsPrincipal.Id();
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.PairingId == pairingId && m.Status == MeetingStatus.Held
                && (m.Pairing!.Mentor!.UserId == userId || m.Pairing.Mentee!.UserId == userId))
            .Select(m => new { Usefulness = db.MeetingRatings.Where(r => r.MeetingId == m.Id && r.RaterUserId == userId).Select(r => (int?)r.Usefulness).FirstOrDefault() })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        return held is null
            ? Content(string.Empty)
            : View("~/Features/MeetingRatings/_RatingLink.cshtml", new MeetingRatingLinkViewModel(pairingId, meetingId, held.Usefulness));
    }
}
