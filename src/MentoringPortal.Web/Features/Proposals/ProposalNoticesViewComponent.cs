using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Proposals;

/// <summary>A match waiting for the mentor's answer, by programme, as its applicant is told (without the mentor's name).</summary>
public sealed record MatchAwaitingAnswer(string Programme, DateTime AnswerBy);

/// <summary>What /me says about the scheme's proposals: to an applicant, that their match waits for the mentor's answer; to a mentor, how many wait for theirs.</summary>
public sealed record ProposalNoticesViewModel(IReadOnlyList<MatchAwaitingAnswer> Awaiting, int ToAnswer);

/// <summary>
/// The notices on /me about mentor proposals (_ProposalNotices.cshtml). The applicant is not told the
/// mentor's name until the mentor accepts: a mentor who declines is never known to them.
/// </summary>
public sealed class ProposalNoticesViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.Id();
        var awaiting = await db.MentorProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Waiting && p.Application!.Mentee!.UserId == userId)
            .OrderBy(p => p.AnswerBy)
            .Select(p => new MatchAwaitingAnswer(p.Application!.Programme!.Name, p.AnswerBy))
            .ToListAsync(HttpContext.RequestAborted);
        var toAnswer = await db.MentorProposals.AsNoTracking()
            .CountAsync(p => p.Status == ProposalStatus.Waiting && p.Mentor!.UserId == userId, HttpContext.RequestAborted);
        return awaiting.Count == 0 && toAnswer == 0
            ? Content(string.Empty)
            : View("/Features/Proposals/_ProposalNotices.cshtml", new ProposalNoticesViewModel(awaiting, toAnswer));
    }
}
