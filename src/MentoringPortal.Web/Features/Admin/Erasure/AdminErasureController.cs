using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.DataRights;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Erasure;

/// <summary>
/// An administrator carries out an erasure request from someone who cannot sign in: find the
/// account, check it, confirm, erase at once. Only people in the administrator's programmes.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/erasure")]
public sealed class AdminErasureController(PortalDbContext db) : Controller
{
    private const string NotFoundInScope = "There is no member with that email address in your programmes.";

    [HttpGet("")]
    public IActionResult Index() => View(new AdminErasureViewModel(new AdminErasureForm(), null));

    [HttpPost("")]
    public async Task<IActionResult> Index(AdminErasureForm form, [FromServices] EraseAccount eraseAccount, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(new AdminErasureViewModel(form, null));
        }

        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var (candidate, programmeId) = await FindAsync(scope, form.Email!, cancellationToken);
        if (candidate is null)
        {
            ModelState.AddModelError(nameof(form.Email), NotFoundInScope);
            return View(new AdminErasureViewModel(form, null));
        }

        if (candidate.Roles.Contains(Roles.Administrator) || candidate.UserId == User.Id())
        {
            ModelState.AddModelError(nameof(form.Email), "This is an administrator's account. Remove them as an administrator first.");
            return View(new AdminErasureViewModel(form, null));
        }

        if (!form.Confirmed)
        {
            return View(new AdminErasureViewModel(form, candidate));
        }

        await eraseAccount.RunAsync(candidate.UserId, User.Id(), programmeId, cancellationToken);
        TempData["Success"] = "The account has been erased. The person has been emailed, and the erasure is in the audit log.";
        return Redirect("/admin/erasure");
    }

    private async Task<(ErasureCandidate? Candidate, int? ProgrammeId)> FindAsync(AdminScope scope, string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            return (null, null);
        }

        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => db.Mentees.Any(m => m.UserId == user.Id && m.Programmes.Any(x => x.Id == p.Id))
                || db.Mentors.Any(m => m.UserId == user.Id && m.Programmes.Any(x => x.Id == p.Id)))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var inScope = programmes.Where(p => scope.Covers(p.Id)).ToList();
        if (!scope.AllProgrammes && inScope.Count == 0)
        {
            return (null, null);
        }

        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var pendingDueAt = await db.ErasureRequests.Where(r => r.UserId == user.Id && r.CancelledAt == null && r.CompletedAt == null)
            .Select(r => (DateTime?)r.DueAt).FirstOrDefaultAsync(cancellationToken);
        return (new ErasureCandidate(user.Id, user.Email!, user.DisplayName, roles, programmes.ConvertAll(p => p.Name), user.CreatedAt,
            user.LastSignedInAt, pendingDueAt), inScope.Select(p => (int?)p.Id).FirstOrDefault());
    }
}
