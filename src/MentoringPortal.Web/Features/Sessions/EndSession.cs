using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Sessions;

/// <summary>
/// A person signs out one of their other sessions from the sessions page: the session deleted and the audit entry, in
/// one unit. False when there is no such session that still works (or it is the one in use).
/// </summary>
public sealed class EndSession(PortalDbContext db, UserManager<PortalUser> users, SecurityEvents events, TimeProvider time)
{
    public Task<bool> RunAsync(string userId, string sessionId, string? currentSessionId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => EndAsync(userId, sessionId, currentSessionId, unit), cancellationToken);

    /// <summary>Sessions that still work: not past their absolute end, and signed in with the account's current security stamp.</summary>
    public static IQueryable<UserSession> ActiveSessions(PortalDbContext db, string userId, DateTime now) =>
        db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt > now
            && db.Users.Any(u => u.Id == userId && u.SecurityStamp == s.SecurityStamp));

    private async Task<bool> EndAsync(string userId, string sessionId, string? currentSessionId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || sessionId == currentSessionId)
        {
            return false;
        }

        var ended = await ActiveSessions(db, user.Id, time.GetUtcNow().UtcDateTime).Where(s => s.Id == sessionId)
            .ExecuteDeleteAsync(cancellationToken);
        if (ended == 0)
        {
            return false;
        }

        events.SessionsEnded(user, user.Id, ended, "signed out from the sessions page");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
