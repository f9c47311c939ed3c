using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Applications;

/// <summary>An applicant proposed to a mentor who has not answered yet, as the administrators see it.</summary>
public sealed record WaitingProposalRow(int ApplicationId, string Applicant, string Mentor, string Programme, DateTime ProposedAt, DateTime AnswerBy);

/// <summary>
/// The proposals waiting for a mentor's answer in the administrator's programmes, soonest deadline first: on the
/// admin home and the applications queue (_ProposalsWaiting.cshtml).
/// </summary>
public sealed class ProposalsWaitingViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var scope = await AdminScope.ForAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        var rows = await db.MentorProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Waiting)
            .Where(p => scope.AllProgrammes || scope.ProgrammeIds.Contains(p.ProgrammeId))
            .OrderBy(p => p.AnswerBy).ThenBy(p => p.Id)
            .Select(p => new WaitingProposalRow(p.ApplicationId, p.Application!.Mentee!.DisplayName, p.Mentor!.DisplayName,
                p.Application.Programme!.Name, p.ProposedAt, p.AnswerBy))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Admin/Applications/_ProposalsWaiting.cshtml", rows);
    }
}
