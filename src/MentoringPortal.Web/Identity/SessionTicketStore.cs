using System.Security.Claims;
using System.Security.Cryptography;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Identity;

/// <summary>
/// Keeps sign-in tickets in the database (<see cref="UserSession"/>), so that sessions end on the server. A session
/// is valid only while its row exists, its absolute lifetime has not run out and the account's security stamp is the
/// one it was signed in with: anything that changes the stamp (password change or reset, two-factor change, a role
/// or scope change) ends every session of that account at its very next request.
/// </summary>
public sealed class SessionTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<SignInSessionOptions> sessionOptions,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time) : ITicketStore
{
    /// <summary>Where the current request's session id is kept, for the sessions page to mark "this device".</summary>
    public const string CurrentSessionItem = "portal.session-id";

    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("MentoringPortal.Identity.SessionTicket");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The id a session row is stored under: a hash of the key in the cookie.</summary>
    public static string IdFor(string key) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var userId = UserId(ticket);
        var stamp = SecurityStamp(ticket);
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // Signing in is a good moment to forget this account's sessions that have ended.
        await db.UserSessions.Where(s => s.UserId == userId && (s.ExpiresAt <= now || s.SecurityStamp != stamp))
            .ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSession(IdFor(key), userId, stamp, Protect(ticket),
            DeviceDescription.From(httpContext?.Request.Headers.UserAgent.ToString()),
            httpContext?.Connection.RemoteIpAddress?.ToString(), now,
            now.AddHours(sessionOptions.Value.AbsoluteLifetimeHours)));
        await db.SaveChangesAsync(cancellationToken);
        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = IdFor(key);
        }

        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdFor(key);
        var ticketBytes = Protect(ticket);
        var stamp = SecurityStamp(ticket);
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, ticketBytes)
            .SetProperty(x => x.SecurityStamp, stamp)
            .SetProperty(x => x.LastSeenAt, now), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdFor(key);
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var found = await db.UserSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { Session = s, CurrentStamp = db.Users.Where(u => u.Id == s.UserId).Select(u => u.SecurityStamp).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.CurrentStamp is null || !found.Session.IsActive(found.CurrentStamp, now))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - found.Session.LastSeenAt >= LastSeenPrecision)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = id;
        }

        return Unprotect(found.Session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdFor(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes the rows of sessions that have ended on their own (lifetime run out, stamp changed), for the housekeeping job.</summary>
    public async Task<int> ForgetEndedSessionsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.UserSessions
            .Where(s => s.ExpiresAt <= now || !db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // Keys rotated out or replaced: the session cannot be read, so it has ended.
            return null;
        }
    }

    private string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
        ?? throw new InvalidOperationException("A session needs a user id claim.");

    private string SecurityStamp(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) ?? string.Empty;
}
