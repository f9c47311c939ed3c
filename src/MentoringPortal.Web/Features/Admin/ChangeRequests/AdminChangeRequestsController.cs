using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Pairings;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.ChangeRequests;

/// <summary>The queue of confidential change requests, and declining one with a message to the person who asked.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminChangeRequestsController(PortalDbContext db, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/change-requests")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var pairings = scope.Pairings(db);
        var requests = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.Status == ChangeRequestStatus.Open && pairings.Any(m => m.Id == c.PairingId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.PairingId, c.RequestedByMentee, c.CreatedAt, c.Reason })
            .ToListAsync(cancellationToken);
        var pairingIds = requests.Select(r => r.PairingId).Distinct().ToList();
        var facts = (await AdminPairingFacts.RowsAsync(db, pairings.Where(m => pairingIds.Contains(m.Id)), Now, cancellationToken))
            .ToDictionary(p => p.Id);
        var rows = requests.Where(r => facts.ContainsKey(r.PairingId))
            .Select(r => new ChangeRequestQueueRow(r.Id, facts[r.PairingId], r.RequestedByMentee ? "The mentee" : "The mentor", r.CreatedAt, r.Reason))
            .ToList();
        return View(new ChangeRequestQueueViewModel(rows));
    }

    [HttpGet("/admin/change-requests/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!request.IsOpen)
        {
            TempData["Problem"] = "This request has already been dealt with.";
            return Redirect("/admin/change-requests");
        }

        return View(await ViewModelAsync(request, new DeclineChangeRequestForm(), cancellationToken));
    }

    [HttpPost("/admin/change-requests/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineChangeRequestForm form, [FromServices] DeclineChangeRequest declineRequest,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var scope = await AdminScope.ForAsync(db, User, cancellationToken);
            switch (await declineRequest.RunAsync(id, form.Message!, scope, User.Id(), cancellationToken))
            {
                case ChangeRequestDecline.Declined declined:
                    TempData["Success"] = $"The request has been declined and {declined.RequesterName} has been emailed. {declined.OtherName} has not been told.";
                    return Redirect("/admin/change-requests");
                case ChangeRequestDecline.ChangedMeanwhile:
                    TempData["Problem"] = "Nothing has changed: the pairing changed at the same moment. Check the request again.";
                    return Redirect("/admin/change-requests");
                case ChangeRequestDecline.Refused refused:
                    ModelState.AddModelError(nameof(form.Message), refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var request = await FindAsync(id, cancellationToken);
        return request is null ? NotFound() : View(await ViewModelAsync(request, form, cancellationToken));
    }

    /// <summary>The request, with its pairing and people, when its pairing is within the administrator's programmes.</summary>
    private async Task<ChangeRequest?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var pairings = scope.Pairings(db);
        return await db.ChangeRequests.WithPairingAndMembers()
            .SingleOrDefaultAsync(c => c.Id == id && pairings.Any(m => m.Id == c.PairingId), cancellationToken);
    }

    private async Task<DeclineChangeRequestViewModel> ViewModelAsync(ChangeRequest request, DeclineChangeRequestForm form,
        CancellationToken cancellationToken)
    {
        var pairing = request.Pairing!;
        var programme = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        return new DeclineChangeRequestViewModel(request.Id, pairing.Id, pairing.Mentee!.DisplayName, pairing.Mentor!.DisplayName, programme,
            request.RequestedByMentee ? "the mentee" : "the mentor",
            request.RequestedByMentee ? pairing.Mentee.DisplayName : pairing.Mentor.DisplayName,
            request.CreatedAt, request.Reason, form);
    }
}
