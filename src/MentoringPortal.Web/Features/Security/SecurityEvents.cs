using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// Writes a change to someone's sign-in security to the audit log and to the log, naming who and when;
/// never a code, key or credential. The caller saves the audit entry with its own change.
/// </summary>
public sealed partial class SecurityEvents(PortalDbContext db, TimeProvider time, ILogger<SecurityEvents> logger)
{
    public void Record(PortalUser user, string action, string? detail = null)
    {
        db.AuditEntries.Add(new AuditEntry(user.Id, action, user.Email ?? user.Id, null, detail, time.GetUtcNow().UtcDateTime));
        Log(logger, action, user.Id);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Security event {SecurityAction} for user {UserId}")]
    private static partial void Log(ILogger logger, string securityAction, string userId);
}
