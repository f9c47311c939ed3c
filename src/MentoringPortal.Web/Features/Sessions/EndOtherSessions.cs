using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Sessions;

/// <summary>
/// A person signs out every session but the one in use: the sessions deleted and the audit entry, in one unit.
/// Returns how many were ended; null when the account no longer exists.
/// </summary>
public sealed class EndOtherSessions(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events)
{
    public Task<int?> RunAsync(string userId, string? currentSessionId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => EndAsync(userId, currentSessionId, unit), cancellationToken);

    private async Task<int?> EndAsync(string userId, string? currentSessionId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var ended = await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != currentSessionId).ExecuteDeleteAsync(cancellationToken);
        if (ended > 0)
        {
            events.SessionsEnded(user, user.Id, ended, "signed out of every other session");
            await db.SaveChangesAsync(cancellationToken);
        }

        return ended;
    }
}
