using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Applications;

/// <summary>
/// The signed-in mentee's applications and the programmes they could apply to, on /me
/// (Features/Shared/Components/Applications/Default.cshtml). Nothing for people who are not mentees.
/// </summary>
public sealed class ApplicationsViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.Id();
        var menteeId = await db.Mentees.AsNoTracking().Where(m => m.UserId == userId).Select(m => (int?)m.Id)
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (menteeId is not { } id)
        {
            return Content(string.Empty);
        }

        var applications = await db.MenteeApplications.AsNoTracking()
            .Where(a => a.MenteeId == id)
            .OrderByDescending(a => a.SubmittedAt)
            .Take(20)
            .Select(a => new MyApplication(a.Id, a.Programme!.Name, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionMessage,
                a.Pairing == null ? null : a.Pairing.Mentor!.DisplayName, a.PairingId,
                a.Proposals.Where(p => p.Status == ProposalStatus.Waiting).Select(p => (DateTime?)p.AnswerBy).FirstOrDefault()))
            .ToListAsync(HttpContext.RequestAborted);

        var canApplyTo = await db.Programmes.AsNoTracking()
            .Where(p => p.MatchingMode == MatchingMode.SchemeMatches && p.OpenForApplications)
            .Where(p => !db.MenteeApplications.Any(a => a.MenteeId == id && a.ProgrammeId == p.Id && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Proposed)))
            .Where(p => !db.Pairings.Any(m => m.MenteeId == id && m.ProgrammeId == p.Id && m.Status == PairingStatus.Active))
            .OrderBy(p => p.Name)
            .Select(p => new OpenProgramme(p.Slug, p.Name))
            .ToListAsync(HttpContext.RequestAborted);

        return applications.Count == 0 && canApplyTo.Count == 0
            ? Content(string.Empty)
            : View(new ApplicationsStatusViewModel(applications, canApplyTo));
    }
}
