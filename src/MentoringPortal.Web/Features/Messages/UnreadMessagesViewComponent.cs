using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>On /me: "2 unread messages from Dr X" for each pairing with messages waiting (Features/Messages/_Unread.cshtml). Nothing when none wait.</summary>
public sealed class UnreadMessagesViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        var userId = UserClaimsPrincipal.Id();
        var cancellationToken = HttpContext.RequestAborted;
        var counts = await db.PairingMessages.AsNoTracking()
            .Where(m => m.RecipientUserId == userId && m.ReadAt == null)
            .GroupBy(m => m.PairingId)
            .Select(g => new { PairingId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return Content(string.Empty);
        }

        var ids = counts.Select(c => c.PairingId).ToList();
        var senders = await db.Pairings.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (p.Mentor!.UserId == userId || p.Mentee!.UserId == userId))
            .Select(p => new { p.Id, From = p.Mentor!.UserId == userId ? p.Mentee!.DisplayName : p.Mentor.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => p.From, cancellationToken);
        var unread = counts.Where(c => senders.ContainsKey(c.PairingId))
            .Select(c => new UnreadMessages(c.PairingId, senders[c.PairingId], c.Count))
            .OrderBy(u => u.FromName, StringComparer.CurrentCulture)
            .ToList();
        return unread.Count == 0 ? Content(string.Empty) : View("~/Features/Messages/_Unread.cshtml", unread);
    }
}
