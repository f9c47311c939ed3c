using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Resources;

/// <summary>
/// Each programme's guidance pages, written in Markdown by administrators and readable by the
/// programme's mentees and mentors (and administrators). Anyone else gets a 404.
/// </summary>
[Authorize]
public sealed class ResourcesController(PortalDbContext db, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/resources")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ResourcesViewModel(await ListAsync(ReadableProgrammes(), cancellationToken)));

    [HttpGet("/programmes/{slug}/resources")]
    public async Task<IActionResult> Programme(string slug, CancellationToken cancellationToken)
    {
        var programmes = await ListAsync(ReadableProgrammes().Where(p => p.Slug == slug), cancellationToken);
        return programmes.Count == 0 ? NotFound() : View(programmes[0]);
    }

    [HttpGet("/programmes/{slug}/resources/{page}")]
    public async Task<IActionResult> Page(string slug, string page, CancellationToken cancellationToken)
    {
        var programme = await ReadableProgrammes().AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Name }).SingleOrDefaultAsync(cancellationToken);
        var found = programme is null
            ? null
            : await db.ResourcePages.AsNoTracking().Where(r => r.ProgrammeId == programme.Id && r.Slug == page)
                .Select(r => new { r.Title, r.BodyMarkdown, r.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (programme is null || found is null)
        {
            return NotFound();
        }

        var others = await Links(db.ResourcePages.Where(r => r.ProgrammeId == programme.Id && r.Slug != page)).ToListAsync(cancellationToken);
        return View(new ResourcePageViewModel(programme.Slug, programme.Name, found.Title, found.BodyMarkdown, found.UpdatedAt, others));
    }

    [HttpGet("/admin/resources")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Admin(CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return View(new ResourcesViewModel(await ListAsync(scope.Programmes(db), cancellationToken)));
    }

    [HttpGet("/admin/resources/new")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> New([FromQuery(Name = "programme")] string? programmeSlug, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programme = await scope.Programmes(db).AsNoTracking().SingleOrDefaultAsync(p => p.Slug == programmeSlug, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        var next = await db.ResourcePages.Where(r => r.ProgrammeId == programme.Id).Select(r => (int?)r.SortOrder).MaxAsync(cancellationToken);
        return View("Edit", new ResourceEditViewModel(null, programme.Slug, programme.Name,
            new ResourcePageForm { SortOrder = next is { } last ? last + 10 : 10 }));
    }

    [HttpPost("/admin/resources/new")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> New([FromQuery(Name = "programme")] string? programmeSlug, ResourcePageForm form, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programme = await scope.Programmes(db).SingleOrDefaultAsync(p => p.Slug == programmeSlug, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        ReplaceBindingError(nameof(form.SortOrder), "Enter a number for the page's place in the list.");
        if (ModelState.IsValid
            && await db.ResourcePages.AnyAsync(r => r.ProgrammeId == programme.Id && r.Slug == form.Slug, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Slug), $"{programme.Name} already has a page at this address. Choose another.");
        }

        ResourcePage? page = null;
        if (ModelState.IsValid
            && ModelState.TryApply(string.Empty, () => page = new ResourcePage(programme, form.Slug!, form.Title!, form.Body!, form.SortOrder!.Value, Now)))
        {
            db.ResourcePages.Add(page!);
            db.AuditEntries.Add(new AuditEntry(User.Id(), AuditActions.ResourcePageCreated, $"{programme.Slug}/{page!.Slug}", null, page.Title, Now, programme.Id));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"The page “{page.Title}” has been created.";
                return Redirect("/admin/resources");
            }
            catch (DbUpdateException exception) when (exception.IsConstraintViolation())
            {
                ModelState.AddModelError(nameof(form.Slug), $"{programme.Name} already has a page at this address. Choose another.");
            }
        }

        return View("Edit", new ResourceEditViewModel(null, programme.Slug, programme.Name, form));
    }

    [HttpGet("/admin/resources/{id:int}/edit")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var page = await db.ResourcePages.AsNoTracking().Include(r => r.Programme).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return page is null || !scope.Covers(page.ProgrammeId)
            ? NotFound()
            : View(new ResourceEditViewModel(page.Id, page.Programme!.Slug, page.Programme.Name,
                new ResourcePageForm { Slug = page.Slug, Title = page.Title, Body = page.BodyMarkdown, SortOrder = page.SortOrder }));
    }

    [HttpPost("/admin/resources/{id:int}/edit")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id, ResourcePageForm form, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var page = await db.ResourcePages.Include(r => r.Programme).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (page is null || !scope.Covers(page.ProgrammeId))
        {
            return NotFound();
        }

        // The address and the order are fixed once the page exists: links to it keep working.
        form.Slug = page.Slug;
        form.SortOrder = page.SortOrder;
        ModelState.Remove(nameof(form.Slug));
        ModelState.Remove(nameof(form.SortOrder));

        var before = page.Title;
        if (ModelState.IsValid && ModelState.TryApply(string.Empty, () => page.Edit(form.Title!, form.Body!, Now)))
        {
            db.AuditEntries.Add(new AuditEntry(User.Id(), AuditActions.ResourcePageEdited, $"{page.Programme!.Slug}/{page.Slug}", before, page.Title, Now, page.ProgrammeId));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = $"The page “{page.Title}” has been saved.";
            return Redirect("/admin/resources");
        }

        return View(new ResourceEditViewModel(page.Id, page.Programme!.Slug, page.Programme.Name, form));
    }

    /// <summary>Programmes whose resources the signed-in person may read: all for administrators, else those they belong to.</summary>
    private IQueryable<Programme> ReadableProgrammes()
    {
        if (User.IsInRole(Roles.Administrator))
        {
            return db.Programmes;
        }

        var userId = User.Id();
        return db.Programmes.Where(p =>
            db.Mentees.Any(m => m.UserId == userId && m.Programmes.Any(x => x.Id == p.Id))
            || db.Mentors.Any(m => m.UserId == userId && m.Programmes.Any(x => x.Id == p.Id)));
    }

    private async Task<List<ProgrammeResources>> ListAsync(IQueryable<Programme> programmes, CancellationToken cancellationToken)
    {
        var found = await programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(cancellationToken);
        var ids = found.Select(p => p.Id).ToList();
        var pages = await db.ResourcePages.AsNoTracking().Where(r => ids.Contains(r.ProgrammeId))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Title)
            .Select(r => new { r.ProgrammeId, Link = new ResourceLink(r.Id, r.Slug, r.Title, r.SortOrder, r.UpdatedAt) })
            .ToListAsync(cancellationToken);
        return found.Select(p => new ProgrammeResources(p.Slug, p.Name, pages.Where(r => r.ProgrammeId == p.Id).Select(r => r.Link).ToList())).ToList();
    }

    private static IQueryable<ResourceLink> Links(IQueryable<ResourcePage> pages) => pages.AsNoTracking()
        .OrderBy(r => r.SortOrder).ThenBy(r => r.Title)
        .Select(r => new ResourceLink(r.Id, r.Slug, r.Title, r.SortOrder, r.UpdatedAt));

    private void ReplaceBindingError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
