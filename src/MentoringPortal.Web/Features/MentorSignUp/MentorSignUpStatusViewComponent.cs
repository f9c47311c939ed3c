using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentorSignUp;

/// <summary>On /me: an invitation to mentor, or where the person's sign-up stands. Nothing once they are an approved mentor.</summary>
public sealed class MentorSignUpStatusViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        var userId = UserClaimsPrincipal.Id();
        var approval = await db.Mentors.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => (MentorApproval?)m.Approval).SingleOrDefaultAsync(HttpContext.RequestAborted);
        return approval == MentorApproval.Approved
            ? Content(string.Empty)
            : View("~/Features/MentorSignUp/_SignUpStatus.cshtml",
                new MentorSignUpStatusViewModel(approval, UserClaimsPrincipal.IsInRole(Roles.Mentee)));
    }
}
