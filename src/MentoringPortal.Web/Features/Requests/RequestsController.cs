using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Requests;

[Authorize(Policy = Policies.Mentor)]
[Route("mentor/requests")]
public sealed class RequestsController(PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.Id, m.Capacity, m.ActiveMenteeCount })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var pending = await Incoming(mentor.Id).Where(r => r.Status == ContactRequestStatus.Pending)
            .OrderBy(r => r.ExpiresAt)
            .Select(IncomingProjection)
            .ToListAsync(cancellationToken);
        var answered = await db.ContactRequests.AsNoTracking()
            .Where(r => r.MentorId == mentor.Id && r.Status != ContactRequestStatus.Pending)
            .OrderByDescending(r => r.AnsweredAt)
            .Take(20)
            .Select(r => new AnsweredRequest(r.Mentee!.DisplayName, r.Status, r.CreatedAt, r.AnsweredAt))
            .ToListAsync(cancellationToken);
        var proposals = await db.MentorProposals.AsNoTracking()
            .Where(p => p.MentorId == mentor.Id && p.Status == ProposalStatus.Waiting)
            .OrderBy(p => p.AnswerBy)
            .Select(ProposalProjection)
            .ToListAsync(cancellationToken);
        return View(new MentorRequestsViewModel(pending, answered, mentor.Capacity, mentor.ActiveMenteeCount - proposals.Count, proposals));
    }

    [HttpPost("{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, [FromServices] AcceptRequest acceptRequest, CancellationToken cancellationToken)
    {
        switch (await acceptRequest.RunAsync(id, User.Id(), cancellationToken))
        {
            case RequestAnswer.Answered:
                TempData["Success"] = "Request accepted. You have both been emailed the next steps: arrange your first meeting, face to face.";
                return Redirect("/mentor/requests");
            case RequestAnswer.Refused refused:
                TempData["Problem"] = refused.Reason;
                return Redirect("/mentor/requests");
            default:
                return NotFound();
        }
    }

    [HttpGet("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        var request = await FindPendingAsync(id, cancellationToken);
        return request is null ? NotFound() : View(new DeclineViewModel(request, new DeclineForm()));
    }

    [HttpPost("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineForm form, [FromServices] DeclineRequest declineRequest,
        CancellationToken cancellationToken)
    {
        if (form.Reason == DeclineReason.Other && string.IsNullOrWhiteSpace(form.Note))
        {
            ModelState.AddModelError(nameof(form.Note), "Write a short note for the trainee when you choose another reason.");
        }

        if (ModelState.IsValid)
        {
            switch (await declineRequest.RunAsync(id, User.Id(), form.Reason!.Value, form.Note, cancellationToken))
            {
                case RequestAnswer.Answered:
                    TempData["Success"] = "Request declined. The trainee has been told kindly and shown other mentors.";
                    return Redirect("/mentor/requests");
                case RequestAnswer.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var request = await FindPendingAsync(id, cancellationToken);
        return request is null ? NotFound() : View(new DeclineViewModel(request, form));
    }

    [HttpPost("proposals/{id:int}/accept")]
    public async Task<IActionResult> AcceptProposal(int id, [FromServices] AcceptProposal acceptProposal, CancellationToken cancellationToken)
    {
        switch (await acceptProposal.RunAsync(id, User.Id(), cancellationToken))
        {
            case RequestAnswer.Answered:
                TempData["Success"] = "Proposal accepted: your pairing has started. You have both been emailed the next steps: arrange your first meeting, "
                    + "face to face.";
                return Redirect("/mentor/requests");
            case RequestAnswer.Refused refused:
                TempData["Problem"] = refused.Reason;
                return Redirect("/mentor/requests");
            default:
                return NotFound();
        }
    }

    [HttpGet("proposals/{id:int}/decline")]
    public async Task<IActionResult> DeclineProposal(int id, CancellationToken cancellationToken)
    {
        var proposal = await FindWaitingProposalAsync(id, cancellationToken);
        return proposal is null ? NotFound() : View(new DeclineProposalViewModel(proposal, new DeclineProposalForm()));
    }

    [HttpPost("proposals/{id:int}/decline")]
    public async Task<IActionResult> DeclineProposal(int id, DeclineProposalForm form, [FromServices] DeclineProposal declineProposal,
        CancellationToken cancellationToken)
    {
        if (form.Reason == DeclineReason.Other && string.IsNullOrWhiteSpace(form.Note))
        {
            ModelState.AddModelError(nameof(form.Note), "Write a short note for the scheme when you choose another reason.");
        }

        if (ModelState.IsValid)
        {
            switch (await declineProposal.RunAsync(id, User.Id(), form.Reason!.Value, form.Note, cancellationToken))
            {
                case RequestAnswer.Answered:
                    TempData["Success"] = "Proposal declined. The scheme will find the applicant another mentor; they have been told kindly, without your reason.";
                    return Redirect("/mentor/requests");
                case RequestAnswer.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var proposal = await FindWaitingProposalAsync(id, cancellationToken);
        return proposal is null ? NotFound() : View(new DeclineProposalViewModel(proposal, form));
    }

    private async Task<IncomingProposal?> FindWaitingProposalAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return await db.MentorProposals.AsNoTracking()
            .Where(p => p.Id == id && p.Mentor!.UserId == userId && p.Status == ProposalStatus.Waiting)
            .Select(ProposalProjection)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<MentorProposal, IncomingProposal>> ProposalProjection = p =>
        new IncomingProposal(
            p.Id,
            p.Application!.Mentee!.DisplayName,
            p.Application.Programme!.Name,
            p.Application.Mentee.Specialty,
            p.Application.Mentee.Grade,
            p.Application.Mentee.Region,
            p.Application.Mentee.Background,
            p.Application.PreferredModes,
            p.Application.Statement,
            p.ProposedAt,
            p.AnswerBy,
            p.Application.Mentee.Goals.Where(g => g.Status == GoalStatus.Open).Select(g => new GoalLine(g.Horizon, g.Description)).ToList());

    private IQueryable<ContactRequest> Incoming(int mentorId) =>
        db.ContactRequests.AsNoTracking().Where(r => r.MentorId == mentorId);

    private async Task<IncomingRequest?> FindPendingAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return await db.ContactRequests.AsNoTracking()
            .Where(r => r.Id == id && r.Mentor!.UserId == userId && r.Status == ContactRequestStatus.Pending)
            .Select(IncomingProjection)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ContactRequest, IncomingRequest>> IncomingProjection = r =>
        new IncomingRequest(
            r.Id,
            r.Mentee!.DisplayName,
            r.Mentee.Specialty,
            r.Mentee.Grade,
            r.Mentee.Region,
            r.Mentee.Background,
            r.Message,
            r.PreferredMode,
            r.CreatedAt,
            r.ExpiresAt,
            r.Mentee.Goals.Select(g => new GoalLine(g.Horizon, g.Description)).ToList());
}
