using MentoringPortal.Domain.Privacy;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using MentoringPortal.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.DataRights;

/// <summary>A signed-in person downloads their data, or asks for their account to be deleted (and may change their mind).</summary>
[Authorize]
[Route("me")]
public sealed class DataRightsController(PortalDbContext db, UserManager<PortalUser> users, PortalEmails emails,
    DataExportChannel exports, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("data")]
    public async Task<IActionResult> Data(CancellationToken cancellationToken) => View(await LatestExportAsync(cancellationToken));

    [HttpPost("data")]
    public async Task<IActionResult> RequestData(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        // A second click while one is being built adds nothing.
        if (!await db.DataExports.AnyAsync(e => e.UserId == userId && e.Status == DataExportStatus.Queued, cancellationToken))
        {
            var export = new DataExport(userId, Now);
            db.DataExports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            exports.Enqueue(export.Id);
        }

        TempData["Success"] = "We are putting your data together. We will email you when it is ready, usually within a few minutes.";
        return Redirect("/me/data");
    }

    [HttpGet("data/{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var now = Now;
        var file = await db.DataExports.AsNoTracking()
            .Where(e => e.Id == id && e.UserId == userId && e.Status == DataExportStatus.Ready && e.Content != null && e.ExpiresAt > now)
            .Select(e => new { e.Content, e.ReadyAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // Personal data: no copy stays in a browser's or a proxy's cache.
        Response.Headers.CacheControl = "no-store";
        return File(file.Content!, "application/zip", $"my-mentoring-data-{file.ReadyAt:yyyy-MM-dd}.zip");
    }

    [HttpGet("delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken) =>
        View(new DeleteAccountViewModel(await PendingErasureAsync(cancellationToken) is { } pending ? pending.DueAt : null, new DeleteAccountForm()));

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(DeleteAccountForm form, CancellationToken cancellationToken)
    {
        var pending = await PendingErasureAsync(cancellationToken);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        // Already asked (a second click, or a second tab): nothing more to do.
        if (pending is not null)
        {
            return Redirect("/me/delete");
        }

        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.Password!))
        {
            ModelState.AddModelError(nameof(form.Password), "That password is not right. Enter the password you sign in with.");
        }

        ErasureRequest? request = null;
        if (!ModelState.IsValid
            || !ModelState.TryApply(nameof(form.Password), () => request = ErasureRequest.Ask(user.Id, alreadyPending: false, Now)))
        {
            return View(new DeleteAccountViewModel(null, new DeleteAccountForm()));
        }

        db.ErasureRequests.Add(request!);
        emails.DeletionRequested(new Recipient(user.Email!, user.DisplayName), request!.DueAt);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Your account will be deleted on {request.DueAt:d MMMM yyyy}. We have emailed you; you can cancel until then.";
        return Redirect("/me/delete");
    }

    [HttpPost("delete/cancel")]
    public async Task<IActionResult> CancelDeletion(CancellationToken cancellationToken)
    {
        var pending = await PendingErasureAsync(cancellationToken);
        var user = await users.GetUserAsync(User);
        if (pending is null || user is null)
        {
            TempData["Problem"] = "There is no deletion to cancel.";
            return Redirect("/me/delete");
        }

        pending.Cancel(Now);
        emails.DeletionCancelled(new Recipient(user.Email!, user.DisplayName));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "The deletion is cancelled. Your account stays as it is.";
        return Redirect("/me/delete");
    }

    private Task<ErasureRequest?> PendingErasureAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.ErasureRequests
            .Where(r => r.UserId == userId && r.CancelledAt == null && r.CompletedAt == null)
            .OrderByDescending(r => r.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<DataExportViewModel> LatestExportAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var now = Now;
        return await db.DataExports.AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => new DataExportViewModel(e.Id, e.Status, e.RequestedAt, e.ExpiresAt,
                e.Status == DataExportStatus.Ready && e.Content != null && e.ExpiresAt > now))
            .FirstOrDefaultAsync(cancellationToken)
            ?? new DataExportViewModel(null, null, null, null, Available: false);
    }
}
