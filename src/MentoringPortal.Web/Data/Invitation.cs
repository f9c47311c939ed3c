using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MentoringPortal.Web.Data;

/// <summary>
/// A link that lets someone the scheme added choose their first password. Only a hash of the token is stored, so the
/// database alone cannot be used to accept an invitation; the row says whether the link expired or was used, so the
/// page can say which (see docs/decisions/ADR-019-people-in-bulk.md).
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private Invitation()
    {
        UserId = TokenHash = string.Empty;
    }

    private Invitation(Guid id, string userId, string tokenHash, int? programmeId, DateTime now)
    {
        Id = id;
        UserId = userId;
        TokenHash = tokenHash;
        ProgrammeId = programmeId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string TokenHash { get; private set; }

    public int? ProgrammeId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>A new invitation, and the token for its link (never stored).</summary>
    public static (Invitation Invitation, string Token) Create(string userId, int? programmeId, DateTime now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (new Invitation(Guid.NewGuid(), userId, Hash(token), programmeId, now), token);
    }

    public string PathWith(string token) => $"/account/invitation?id={Id:N}&token={token}";

    public bool Matches(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public bool HasExpired(DateTime now) => now >= ExpiresAt;

    public void Use(DateTime now) => UsedAt = now;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
