namespace MentoringPortal.Web.Identity;

/// <summary>
/// One signed-in browser. The cookie holds only a random key; the ticket lives here, so a session can be ended on
/// the server (sign out, password change or reset, two-factor change, role or scope change) and a copied cookie
/// stops working at once. The row is found by a hash of the key, so the table alone cannot be used to sign in.
/// </summary>
public sealed class UserSession
{
    public UserSession(string id, string userId, string securityStamp, byte[] ticket, string device, string? ipAddress, DateTime createdAt, DateTime expiresAt)
    {
        Id = id;
        UserId = userId;
        SecurityStamp = securityStamp;
        Ticket = ticket;
        Device = device;
        IpAddress = ipAddress;
        CreatedAt = createdAt;
        LastSeenAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The account's security stamp when the session was signed in; a session whose stamp is out of date has ended.</summary>
    public string SecurityStamp { get; private set; }

    /// <summary>The authentication ticket, serialized and protected with the data-protection keys.</summary>
    public byte[] Ticket { get; private set; }

    /// <summary>"Firefox on Windows": enough for a person to recognise their own devices.</summary>
    public string Device { get; private set; }

    public string? IpAddress { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastSeenAt { get; private set; }

    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTime ExpiresAt { get; private set; }

    public bool IsActive(string currentSecurityStamp, DateTime now) =>
        now < ExpiresAt && string.Equals(SecurityStamp, currentSecurityStamp, StringComparison.Ordinal);

    public void Renew(byte[] ticket, string securityStamp, DateTime now)
    {
        Ticket = ticket;
        SecurityStamp = securityStamp;
        LastSeenAt = now;
    }
}
