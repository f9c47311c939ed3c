using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Sessions;

/// <summary>A person's own signed-in sessions: which devices, when last seen, and a way to end the others.</summary>
[Authorize]
public sealed class SessionsController(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents securityEvents, TimeProvider time) : Controller
{
    [HttpGet("/me/sessions")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var now = time.GetUtcNow().UtcDateTime;
        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        var sessions = await ActiveSessions(userId, now).AsNoTracking()
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt })
            .ToListAsync(cancellationToken);
        return View(new SessionsViewModel(sessions.ConvertAll(s => new SessionRow(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Id == current))));
    }

    [HttpPost("/me/sessions/{id}/end")]
    public async Task<IActionResult> End(string id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        var ended = await ActiveSessions(user.Id, time.GetUtcNow().UtcDateTime).Where(s => s.Id == id && s.Id != current)
            .ExecuteDeleteAsync(cancellationToken);
        if (ended == 0)
        {
            return NotFound();
        }

        securityEvents.SessionsEnded(user, user.Id, ended, "signed out from the sessions page");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "That session has been signed out.";
        return Redirect("/me/sessions");
    }

    [HttpPost("/me/sessions/end-others")]
    public async Task<IActionResult> EndOthers(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var current = HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string;
        var ended = await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != current).ExecuteDeleteAsync(cancellationToken);
        if (ended > 0)
        {
            securityEvents.SessionsEnded(user, user.Id, ended, "signed out of every other session");
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Success"] = ended switch
        {
            0 => "You were not signed in anywhere else.",
            1 => "You have been signed out of 1 other session.",
            _ => $"You have been signed out of {ended} other sessions.",
        };
        return Redirect("/me/sessions");
    }

    /// <summary>Sessions that still work: not past their absolute end, and signed in with the account's current security stamp.</summary>
    private IQueryable<UserSession> ActiveSessions(string userId, DateTime now) =>
        db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt > now
            && db.Users.Any(u => u.Id == userId && u.SecurityStamp == s.SecurityStamp));
}
