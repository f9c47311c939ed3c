using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Sessions;

/// <summary>A person's own signed-in sessions: which devices, when last seen, and a way to end the others.</summary>
[Authorize]
public sealed class SessionsController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/me/sessions")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var now = time.GetUtcNow().UtcDateTime;
        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        var sessions = await EndSession.ActiveSessions(db, userId, now).AsNoTracking()
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt })
            .ToListAsync(cancellationToken);
        return View(new SessionsViewModel(sessions.ConvertAll(s => new SessionRow(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Id == current))));
    }

    [HttpPost("/me/sessions/{id}/end")]
    public async Task<IActionResult> End(string id, [FromServices] EndSession endSession, CancellationToken cancellationToken)
    {
        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        if (!await endSession.RunAsync(User.Id(), id, current, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "That session has been signed out.";
        return Redirect("/me/sessions");
    }

    [HttpPost("/me/sessions/end-others")]
    public async Task<IActionResult> EndOthers([FromServices] EndOtherSessions endOthers, CancellationToken cancellationToken)
    {
        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        if (await endOthers.RunAsync(User.Id(), current, cancellationToken) is not { } ended)
        {
            return NotFound();
        }

        TempData["Success"] = ended switch
        {
            0 => "You were not signed in anywhere else.",
            1 => "You have been signed out of 1 other session.",
            _ => $"You have been signed out of {ended} other sessions.",
        };
        return Redirect("/me/sessions");
    }
}
