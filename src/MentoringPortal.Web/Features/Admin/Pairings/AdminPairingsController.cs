using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Pairings;

/// <summary>The administrator's pairings: the list, one pairing's facts, moving a mentee to a new mentor, and ending a pairing.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminPairingsController(PortalDbContext db, MatchSuggestions suggestions, TimeProvider time)
    : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/pairings")]
    public async Task<IActionResult> Index(PairingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programmes = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProgrammeOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        if (query.Programme is { } chosen && !programmes.Exists(p => p.Id == chosen))
        {
            query.Programme = null;
        }

        if (!ModelState.IsValid)
        {
            query.Q = null;
        }

        var pairings = scope.Pairings(db);
        if (query.Programme is { } programmeId)
        {
            pairings = pairings.Where(m => m.ProgrammeId == programmeId);
        }

        // Only an active pairing can be overdue, so the overdue filter implies active ones.
        pairings = query.Status switch
        {
            _ when query.Overdue => pairings.Where(m => m.Status == PairingStatus.Active),
            PairingStatusFilter.Active => pairings.Where(m => m.Status == PairingStatus.Active),
            PairingStatusFilter.Ended => pairings.Where(m => m.Status == PairingStatus.Ended),
            _ => pairings,
        };

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            pairings = AdminPairingFacts.WithNameLike(db, pairings, query.Q.Trim());
        }

        var (rows, total, page, pageCount) = await PageAsync(pairings.OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id), query,
            cancellationToken);
        query.Page = page;
        return View(new PairingsListViewModel(query, programmes, rows, total, new Pagination(page, pageCount, query.UrlFor, "Pages of pairings")));
    }

    [HttpGet("/admin/pairings/{id:int}")]
    public async Task<IActionResult> Pairing(int id, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(id, cancellationToken);
        return detail is null ? NotFound() : View(detail);
    }

    [HttpGet("/admin/pairings/{id:int}/reassign")]
    public async Task<IActionResult> Reassign(int id, bool all, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (!detail.IsActive)
        {
            TempData["Problem"] = "This pairing has ended, so there is no one to move to a new mentor.";
            return Redirect(PairingPath(id));
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == detail.ProgrammeId, cancellationToken);
        var mentee = await db.Mentees.AsNoTracking().AsSplitQuery()
            .Include(m => m.Goals).Include(m => m.Pairings).Include(m => m.Applications)
            .SingleAsync(m => m.Id == detail.MenteeId, cancellationToken);
        var ranking = await suggestions.RankAsync(programme, mentee.MatchingNeeds(programme.Id, excludePastMentors: true), cancellationToken);
        var shown = all ? ranking.Suggestions : ranking.Suggestions.Take(SuggestionsViewModel.Shown).ToList();
        return View(new ReassignViewModel(detail, new SuggestionsViewModel(shown, ranking.Exclusions.Count, programme.Weights,
            mentorId => $"{PairingPath(id)}/reassign/{mentorId}", null,
            !all && ranking.Suggestions.Count > SuggestionsViewModel.Shown ? $"{PairingPath(id)}/reassign?all=true" : null)));
    }

    [HttpGet("/admin/pairings/{id:int}/reassign/{mentorId:int}")]
    public async Task<IActionResult> ConfirmReassign(int id, int mentorId, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        var newMentor = await MentorNameAsync(detail.ProgrammeId, mentorId, cancellationToken);
        if (newMentor is null)
        {
            return NotFound();
        }

        if (!detail.IsActive)
        {
            TempData["Problem"] = "This pairing has ended, so there is no one to move to a new mentor.";
            return Redirect(PairingPath(id));
        }

        return View(new ConfirmReassignViewModel(detail, mentorId, newMentor));
    }

    [HttpPost("/admin/pairings/{id:int}/reassign/{mentorId:int}")]
    public async Task<IActionResult> Reassigned(int id, int mentorId, [FromServices] ReassignPairing reassignPairing,
        CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        string newMentor;
        switch (await reassignPairing.RunAsync(id, mentorId, scope, User.Id(), cancellationToken))
        {
            case PairingReassignment.Reassigned reassigned:
                TempData["Success"] = $"{reassigned.MenteeName} is now paired with {reassigned.NewMentorName}. All three have been emailed.";
                return Redirect(PairingPath(reassigned.StartedPairingId));
            case PairingReassignment.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                newMentor = refused.NewMentorName;
                break;
            case PairingReassignment.ChangedMeanwhile changed:
                ModelState.AddModelError(string.Empty, $"Nothing has changed: at the same moment {changed.NewMentorName}'s last place was taken, or this pairing was changed by someone else. Check the pairing below and choose again.");
                newMentor = changed.NewMentorName;
                break;
            default:
                return NotFound();
        }

        var detail = await DetailAsync(id, cancellationToken);
        return detail is null ? NotFound() : View(nameof(ConfirmReassign), new ConfirmReassignViewModel(detail, mentorId, newMentor));
    }

    [HttpGet("/admin/pairings/{id:int}/end")]
    public async Task<IActionResult> End(int id, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (!detail.IsActive)
        {
            TempData["Problem"] = "This pairing has already ended.";
            return Redirect(PairingPath(id));
        }

        return View(new EndByAdministratorViewModel(detail, new EndByAdministratorForm()));
    }

    [HttpPost("/admin/pairings/{id:int}/end")]
    public async Task<IActionResult> End(int id, EndByAdministratorForm form, [FromServices] EndPairingByAdministrator endPairing,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var scope = await AdminScope.ForAsync(db, User, cancellationToken);
            switch (await endPairing.RunAsync(id, form.Message, scope, User.Id(), cancellationToken))
            {
                case AdministratorEnding.Ended:
                    TempData["Success"] = "The pairing has ended. Both members have been emailed.";
                    return Redirect(PairingPath(id));
                case AdministratorEnding.Refused refused:
                    ModelState.AddModelError(nameof(form.Message), refused.Reason);
                    break;
                case AdministratorEnding.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, "Nothing has changed: the pairing was changed at the same moment (perhaps a member ended it). Check it below.");
                    break;
                default:
                    return NotFound();
            }
        }

        var detail = await DetailAsync(id, cancellationToken);
        return detail is null ? NotFound() : View(new EndByAdministratorViewModel(detail, form));
    }

    private async Task<(IReadOnlyList<PairingRow> Rows, int Total, int Page, int PageCount)> PageAsync(IOrderedQueryable<Pairing> ordered,
        PairingsQuery query, CancellationToken cancellationToken)
    {
        if (query.Overdue)
        {
            // The overdue rule lives in the domain (Pairing.IsOverdue), so it runs on the projected facts and paging follows it.
            var overdue = (await AdminPairingFacts.RowsAsync(db, ordered, Now, cancellationToken)).Where(r => r.Overdue).ToList();
            var overduePages = Pagination.PageCountFor(overdue.Count, PairingsQuery.PageSize);
            var overduePage = Pagination.Clamp(query.Page, overduePages);
            return (overdue.Skip((overduePage - 1) * PairingsQuery.PageSize).Take(PairingsQuery.PageSize).ToList(), overdue.Count, overduePage,
                overduePages);
        }

        var total = await ordered.CountAsync(cancellationToken);
        var pageCount = Pagination.PageCountFor(total, PairingsQuery.PageSize);
        var page = Pagination.Clamp(query.Page, pageCount);
        var rows = await AdminPairingFacts.RowsAsync(db, ordered.Skip((page - 1) * PairingsQuery.PageSize).Take(PairingsQuery.PageSize),
            Now, cancellationToken);
        return (rows, total, page, pageCount);
    }

    private static string PairingPath(int id) => $"/admin/pairings/{id}";

    private async Task<PairingDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await AdminPairingFacts.DetailAsync(db, scope.Pairings(db), id, Now, cancellationToken);
    }

    private Task<string?> MentorNameAsync(int programmeId, int mentorId, CancellationToken cancellationToken) =>
        db.Mentors.Where(m => m.Id == mentorId && m.Programmes.Any(p => p.Id == programmeId))
            .Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
