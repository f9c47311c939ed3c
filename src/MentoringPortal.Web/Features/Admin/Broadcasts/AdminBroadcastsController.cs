using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Email.Templates;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Broadcasts;

/// <summary>
/// An administrator writes to the members of a programme they administer: write, preview with the exact count,
/// confirm. The message is "scheme news", so each person's email settings decide how it reaches them.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminBroadcastsController(PortalDbContext db) : Controller
{
    [HttpGet("/admin/programmes/{id:int}/messages")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        if (await ProgrammeAsync(id, cancellationToken) is not { } programme)
        {
            return NotFound();
        }

        var sent = await db.Broadcasts.AsNoTracking().Where(b => b.ProgrammeId == id).OrderByDescending(b => b.SentAt)
            .Select(b => new BroadcastRow(b.SentAt, db.Users.Where(u => u.Id == b.SentByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former administrator",
                b.Audience, b.Subject, b.RecipientCount))
            .ToListAsync(cancellationToken);
        return View(new BroadcastsViewModel(programme, sent));
    }

    [HttpGet("/admin/programmes/{id:int}/messages/new")]
    public async Task<IActionResult> New(int id, CancellationToken cancellationToken) =>
        await ProgrammeAsync(id, cancellationToken) is { } programme
            ? View(new BroadcastFormViewModel(programme, new BroadcastForm { Audience = BroadcastAudience.Everyone }))
            : NotFound();

    /// <summary>"Change the message" from the preview: the form again, as it was.</summary>
    [HttpPost("/admin/programmes/{id:int}/messages/new")]
    public async Task<IActionResult> New(int id, BroadcastForm form, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ProgrammeAsync(id, cancellationToken) is { } programme ? View(new BroadcastFormViewModel(programme, form)) : NotFound();
    }

    [HttpPost("/admin/programmes/{id:int}/messages/preview")]
    public async Task<IActionResult> Preview(int id, BroadcastForm form, [FromServices] EmailRenderer renderer, CancellationToken cancellationToken)
    {
        if (await ProgrammeAsync(id, cancellationToken) is not { } programme)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("New", new BroadcastFormViewModel(programme, form));
        }

        form.PreviewId = Guid.NewGuid();
        var email = renderer.Render("(each person's name)", new BroadcastModel(programme.Name, form.Subject!, form.Body!));
        var count = await BroadcastAudiences.CountAsync(db, id, form.Audience!.Value, cancellationToken);
        return View(new BroadcastPreviewViewModel(programme, form, email.Subject, email.Text, count));
    }

    [HttpPost("/admin/programmes/{id:int}/messages/send")]
    public async Task<IActionResult> Send(int id, BroadcastForm form, [FromServices] SendBroadcast sendBroadcast, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        if (!scope.Covers(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || form.PreviewId is null)
        {
            return BadRequest();
        }

        switch (await sendBroadcast.RunAsync(id, scope, User.Id(), form.PreviewId.Value, form.Audience!.Value, form.Subject!, form.Body!,
            cancellationToken))
        {
            case BroadcastSending.Sent sent:
                TempData["Success"] = $"Your message “{form.Subject}” has been sent to {BroadcastText.People(sent.RecipientCount)}.";
                break;
            case BroadcastSending.AlreadySent:
                TempData["Success"] = $"Your message “{form.Subject}” had already been sent; it was not sent again.";
                break;
            default:
                return NotFound();
        }

        return Redirect($"/admin/programmes/{id}/messages");
    }

    private async Task<BroadcastProgramme?> ProgrammeAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await scope.Programmes(db).AsNoTracking().Where(p => p.Id == id).Select(p => new BroadcastProgramme(p.Id, p.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
