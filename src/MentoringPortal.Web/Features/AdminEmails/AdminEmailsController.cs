using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin;
using MentoringPortal.Web.Features.Shared;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.AdminEmails;

/// <summary>
/// Emails the outbox gave up on, for administrators of every programme (an email can be about any
/// programme, or none): who it was for, its subject and why, never its body; and retrying one.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminEmailsController(PortalDbContext db, TimeProvider time) : Controller
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
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        if (!await AdministersEveryProgrammeAsync(cancellationToken))
        {
            return NotFound();
        }

        var email = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id && m.ParkedAt != null && m.SentAt == null)
            .Select(m => new { m.To, m.Subject, m.ParkedReason }).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retried = await db.OutboxMessages.Where(m => m.Id == id && m.ParkedAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ParkedAt, (DateTime?)null)
                .SetProperty(m => m.ParkedReason, (string?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (retried == 1)
        {
            db.AuditEntries.Add(new AuditEntry(User.Id(), AuditActions.ParkedEmailRetried, $"“{email.Subject}” to {email.To}",
                email.ParkedReason, "Waiting to be sent again", now));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Success"] = $"The email “{email.Subject}” to {email.To} will be sent again within a minute. If it fails for good again, it comes back to this list.";
        return Redirect("/admin/emails/parked");
    }

    private async Task<bool> AdministersEveryProgrammeAsync(CancellationToken cancellationToken) =>
        (await AdminScope.ForAsync(db, User, cancellationToken)).AllProgrammes;
}
