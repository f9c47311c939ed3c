using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Emails;

/// <summary>
/// Emails the outbox gave up on, for administrators of every programme (an email can be about any
/// programme, or none): who it was for, its subject and why, never its body; and retrying one.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminEmailsController(PortalDbContext db) : Controller
{
    [HttpGet("/admin/emails/parked")]
    public async Task<IActionResult> Parked(CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        var emails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ParkedAt != null && m.SentAt == null)
            .OrderByDescending(m => m.ParkedAt).ThenByDescending(m => m.Id)
            .Select(m => new ParkedEmailRow(m.Id, m.To, m.Subject, m.ParkedReason ?? string.Empty, m.ParkedAt!.Value, m.Attempts, m.CreatedAt))
            .ToListAsync(cancellationToken);
        return View(new ParkedEmailsViewModel(emails));
    }

    [HttpPost("/admin/emails/parked/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, [FromServices] RetryParkedEmail retryParkedEmail, CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        if (await retryParkedEmail.RunAsync(id, User.Id(), cancellationToken) is not ParkedEmailRetry.Queued email)
        {
            return NotFound();
        }

        TempData["Success"] = $"The email “{email.Subject}” to {email.To} will be sent again within a minute. If it fails for good again, it comes back to this list.";
        return Redirect("/admin/emails/parked");
    }

    private async Task<bool> AdministersEveryProgrammeAsync(CancellationToken cancellationToken) =>
        (await AdminScope.ForAsync(db, User, cancellationToken)).AllProgrammes;
}
