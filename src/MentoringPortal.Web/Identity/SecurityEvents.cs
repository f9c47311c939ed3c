using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Identity;

/// <summary>
/// Records what matters for the security of accounts, in the audit log (who, when, from which address) and in the
/// log as structured events. Never a password, code or token. Rows are added to the caller's DbContext and saved
/// with the change they describe.
/// </summary>
public sealed partial class SecurityEvents(PortalDbContext db, TimeProvider time, IHttpContextAccessor http, ILogger<SecurityEvents> logger)
{
    private string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A change to someone's sign-in security (two-factor, recovery codes, passkeys), with an optional detail in words.</summary>
    public void Record(PortalUser user, string action, string? detail = null)
    {
        db.AuditEntries.Add(new AuditEntry(user.Id, action, user.Email ?? user.Id, null, detail, Now, ipAddress: IpAddress));
        LogRecorded(logger, action, user.Id, IpAddress);
    }

    /// <summary>Logged, not audited: the audit log keeps what changed, and a sign-in changes nothing.</summary>
    public void SignedIn(PortalUser user) => LogSignedIn(logger, user.Id, IpAddress);

    public void SignInFailed(PortalUser user)
    {
        Audit(user.Id, AuditActions.SignInFailed, user);
        LogSignInFailed(logger, user.Id, IpAddress);
    }

    /// <summary>A sign-in attempt for an address that has no account: logged, not audited (there is no account to audit).</summary>
    public void SignInFailedForUnknownAccount() => LogUnknownAccount(logger, IpAddress);

    public void LockedOut(PortalUser user)
    {
        Audit(user.Id, AuditActions.AccountLockedOut, user);
        LogLockedOut(logger, user.Id, IpAddress);
    }

    public void PasswordChanged(PortalUser user)
    {
        Audit(user.Id, AuditActions.PasswordChanged, user);
        LogPasswordChanged(logger, user.Id, IpAddress);
    }

    public void PasswordReset(PortalUser user)
    {
        Audit(user.Id, AuditActions.PasswordReset, user);
        LogPasswordReset(logger, user.Id, IpAddress);
    }

    /// <summary>Sessions ended on purpose: by the person on their sessions page, or by an administrator's change.</summary>
    public void SessionsEnded(PortalUser user, string actorUserId, int count, string why)
    {
        db.AuditEntries.Add(new AuditEntry(actorUserId, AuditActions.SessionsEnded, user.Email ?? user.Id, null,
            $"{count} {(count == 1 ? "session" : "sessions")} ended: {why}", Now, ipAddress: IpAddress));
        LogSessionsEnded(logger, user.Id, count, actorUserId, IpAddress);
    }

    private void Audit(string actorUserId, string action, PortalUser user) =>
        db.AuditEntries.Add(new AuditEntry(actorUserId, action, user.Email ?? user.Id, null, null, Now, ipAddress: IpAddress));

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Security event {SecurityAction} for account {UserId} from {IpAddress}")]
    private static partial void LogRecorded(ILogger logger, string securityAction, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Account {UserId} signed in from {IpAddress}")]
    private static partial void LogSignedIn(ILogger logger, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Sign-in failed for account {UserId} from {IpAddress}")]
    private static partial void LogSignInFailed(ILogger logger, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sign-in failed for an address with no account, from {IpAddress}")]
    private static partial void LogUnknownAccount(ILogger logger, string? ipAddress);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Account {UserId} locked after repeated failed sign-ins, last from {IpAddress}")]
    private static partial void LogLockedOut(ILogger logger, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Password changed for account {UserId} from {IpAddress}")]
    private static partial void LogPasswordChanged(ILogger logger, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Password reset by email link for account {UserId} from {IpAddress}")]
    private static partial void LogPasswordReset(ILogger logger, string userId, string? ipAddress);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "{Count} sessions of account {UserId} ended by {ActorUserId} from {IpAddress}")]
    private static partial void LogSessionsEnded(ILogger logger, string userId, int count, string actorUserId, string? ipAddress);
}
