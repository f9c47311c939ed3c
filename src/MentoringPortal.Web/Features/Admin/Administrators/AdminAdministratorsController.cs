using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Administrators;

/// <summary>
/// Who administers the scheme, and which programmes each may act in. Only administrators of every
/// programme see these pages (anyone else gets a 404). Every change is a role change in the audit
/// log, not tied to a programme.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminAdministratorsController(PortalDbContext db, UserManager<PortalUser> users) : Controller
{
    [HttpGet("/admin/administrators")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        return View(new AdministratorsViewModel(await AdministratorsAsync(null, cancellationToken)));
    }

    [HttpGet("/admin/administrators/new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        return View("Edit", new AdministratorEditViewModel(null, await ProgrammesAsync(cancellationToken),
            new AdministratorForm { Scope = AdministratorForm.EveryProgramme }));
    }

    [HttpPost("/admin/administrators/new")]
    public async Task<IActionResult> New(AdministratorForm form, [FromServices] AddAdministrator addAdministrator, CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        var programmes = await ProgrammesAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            ModelState.AddModelError(nameof(form.Email), "Enter the email address of the person's account.");
        }

        var chosen = CheckProgrammes(form, programmes);
        var user = ModelState.IsValid ? await NewAdministratorAsync(form.Email!.Trim()) : null;
        if (user is not null)
        {
            switch (await addAdministrator.RunAsync(user.Id, chosen, !form.LimitedToSome, User.Id(), cancellationToken))
            {
                case AdministratorChange.Saved added:
                    TempData["Success"] = $"{user.DisplayName} is now an administrator ({added.Scope.ToLowerInvariant()}).";
                    return Redirect("/admin/administrators");
                case AdministratorChange.AlreadyAdministrator:
                    ModelState.AddModelError(nameof(form.Email), AlreadyAdministrator(user.DisplayName));
                    break;
                case AdministratorChange.ChangedMeanwhile:
                    ModelState.AddModelError(nameof(form.Email), ChangedMeanwhile(user.DisplayName));
                    break;
                default:
                    return NotFound();
            }
        }

        return View("Edit", new AdministratorEditViewModel(null, programmes, form));
    }

    /// <summary>The account to make an administrator, or null with the reason beside the email field.</summary>
    private async Task<PortalUser?> NewAdministratorAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            ModelState.AddModelError(nameof(AdministratorForm.Email),
                "No account has this email address. Ask the person to register on the portal first, then add them here.");
            return null;
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator))
        {
            ModelState.AddModelError(nameof(AdministratorForm.Email), AlreadyAdministrator(user.DisplayName));
            return null;
        }

        return user;
    }

    private static string AlreadyAdministrator(string name) =>
        $"{name} is already an administrator. Change their programmes from the list of administrators instead.";

    [HttpGet("/admin/administrators/{userId}/edit")]
    public async Task<IActionResult> Edit(string userId, CancellationToken cancellationToken)
    {
        var administrator = await AdministratorAsync(userId, cancellationToken);
        if (administrator is null)
        {
            return NotFound();
        }

        var programmes = await ProgrammesAsync(cancellationToken);
        var limitedTo = await LimitedToAsync(userId, cancellationToken);
        return View(new AdministratorEditViewModel(administrator, programmes, new AdministratorForm
        {
            Scope = administrator.AllProgrammes ? AdministratorForm.EveryProgramme : AdministratorForm.OnlySome,
            ProgrammeIds = administrator.AllProgrammes ? [] : limitedTo,
        }));
    }

    [HttpPost("/admin/administrators/{userId}/edit")]
    public async Task<IActionResult> Edit(string userId, AdministratorForm form, [FromServices] ChangeAdministratorScope changeAdministratorScope,
        CancellationToken cancellationToken)
    {
        var administrator = await AdministratorAsync(userId, cancellationToken);
        if (administrator is null)
        {
            return NotFound();
        }

        var programmes = await ProgrammesAsync(cancellationToken);
        ModelState.Remove(nameof(form.Email));
        var chosen = CheckProgrammes(form, programmes);
        if (ModelState.IsValid && administrator.AllProgrammes && form.LimitedToSome && await OtherFullAdministratorsAsync(userId, cancellationToken) == 0)
        {
            ModelState.AddModelError(nameof(form.Scope),
                $"{administrator.Name} is the only administrator of every programme. Add another administrator of every programme before limiting them.");
        }

        if (!ModelState.IsValid)
        {
            return View(new AdministratorEditViewModel(administrator, programmes, form));
        }

        switch (await changeAdministratorScope.RunAsync(administrator, chosen, !form.LimitedToSome, User.Id(), cancellationToken))
        {
            case AdministratorChange.Saved saved:
                TempData["Success"] = $"{administrator.Name} now administers: {saved.Scope.ToLowerInvariant()}.";
                return Redirect(administrator.IsYou && form.LimitedToSome ? "/admin" : "/admin/administrators");
            case AdministratorChange.ChangedMeanwhile:
                ModelState.AddModelError(string.Empty, ChangedMeanwhile(administrator.Name));
                return View(new AdministratorEditViewModel(administrator, programmes, form));
            default:
                return NotFound();
        }
    }

    [HttpGet("/admin/administrators/{userId}/remove")]
    public async Task<IActionResult> Remove(string userId, CancellationToken cancellationToken)
    {
        var administrator = await AdministratorAsync(userId, cancellationToken);
        return administrator is null
            ? NotFound()
            : View(new RemoveAdministratorViewModel(administrator, await WhyNotRemovableAsync(administrator, cancellationToken)));
    }

    [HttpPost("/admin/administrators/{userId}/remove")]
    [ActionName("Remove")]
    public async Task<IActionResult> RemoveConfirmed(string userId, [FromServices] RemoveAdministrator removeAdministrator, CancellationToken cancellationToken)
    {
        var administrator = await AdministratorAsync(userId, cancellationToken);
        if (administrator is null)
        {
            return NotFound();
        }

        var cannot = await WhyNotRemovableAsync(administrator, cancellationToken);
        if (cannot is not null)
        {
            return View(new RemoveAdministratorViewModel(administrator, cannot));
        }

        switch (await removeAdministrator.RunAsync(administrator, User.Id(), cancellationToken))
        {
            case AdministratorChange.Saved:
                TempData["Success"] = $"{administrator.Name} is no longer an administrator. Their account stays as it was otherwise.";
                return Redirect("/admin/administrators");
            case AdministratorChange.AlreadyRemoved:
                TempData["Problem"] = $"{administrator.Name} had already been removed as an administrator.";
                return Redirect("/admin/administrators");
            case AdministratorChange.ChangedMeanwhile:
                TempData["Problem"] = ChangedMeanwhile(administrator.Name);
                return Redirect("/admin/administrators");
            default:
                return NotFound();
        }
    }

    private async Task<bool> AdministersEveryProgrammeAsync(CancellationToken cancellationToken) =>
        (await AdminScope.ForAsync(db, User, cancellationToken)).AllProgrammes;

    /// <summary>The administrator with this id, or null when there is none or the signed-in person may not manage administrators.</summary>
    private async Task<AdministratorRow?> AdministratorAsync(string userId, CancellationToken cancellationToken) =>
        await AdministersEveryProgrammeAsync(cancellationToken) ? (await AdministratorsAsync(userId, cancellationToken)).SingleOrDefault() : null;

    private async Task<string?> WhyNotRemovableAsync(AdministratorRow administrator, CancellationToken cancellationToken)
    {
        if (administrator.IsYou)
        {
            return "You cannot remove yourself. Ask another administrator of every programme to do it.";
        }

        return administrator.AllProgrammes && await OtherFullAdministratorsAsync(administrator.UserId, cancellationToken) == 0
            ? $"{administrator.Name} is the only administrator of every programme, and the scheme needs at least one."
            : null;
    }

    private Task<int> OtherFullAdministratorsAsync(string userId, CancellationToken cancellationToken) =>
        db.AdministratorAccounts().CountAsync(u => u.Id != userId && u.AdministersEveryProgramme, cancellationToken);

    private async Task<List<AdministratorRow>> AdministratorsAsync(string? userId, CancellationToken cancellationToken)
    {
        var query = db.AdministratorAccounts().AsNoTracking();
        if (userId is not null)
        {
            query = query.Where(u => u.Id == userId);
        }

        var people = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.AdministersEveryProgramme }).ToListAsync(cancellationToken);
        var ids = people.ConvertAll(p => p.Id);
        var limits = await db.ProgrammeAdministrators.AsNoTracking().Where(a => ids.Contains(a.UserId))
            .Join(db.Programmes, a => a.ProgrammeId, p => p.Id, (a, p) => new { a.UserId, p.Name })
            .ToListAsync(cancellationToken);
        var me = User.Id();
        return people.ConvertAll(p => new AdministratorRow(p.Id, p.DisplayName, p.Email ?? string.Empty, p.AdministersEveryProgramme,
            limits.Where(l => l.UserId == p.Id).Select(l => l.Name).Order(StringComparer.Ordinal).ToList(), p.Id == me));
    }

    private async Task<List<int>> LimitedToAsync(string userId, CancellationToken cancellationToken) =>
        await db.ProgrammeAdministrators.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.ProgrammeId).ToListAsync(cancellationToken);

    private async Task<List<ProgrammeChoice>> ProgrammesAsync(CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProgrammeChoice(p.Id, p.Name)).ToListAsync(cancellationToken);

    /// <summary>The programmes ticked, when the form limits the administrator; none for every programme.</summary>
    private List<ProgrammeChoice> CheckProgrammes(AdministratorForm form, IReadOnlyList<ProgrammeChoice> programmes)
    {
        if (!form.LimitedToSome)
        {
            return [];
        }

        var chosen = programmes.Where(p => form.ProgrammeIds.Contains(p.Id)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(form.ProgrammeIds), "Tick at least one programme, or choose “Every programme”.");
        }

        return chosen;
    }

    private static string ChangedMeanwhile(string name) =>
        $"{name}'s account changed at the same moment, so nothing was saved. Check the details and try again.";
}
