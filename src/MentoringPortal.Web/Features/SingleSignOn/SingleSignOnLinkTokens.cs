using System.Security.Cryptography;
using System.Text.Json;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>What an emailed link carries: whose account, which organisation sign-in to link to it, and until when.</summary>
public sealed record LinkRequest(string UserId, string SecurityStamp, string LoginProvider, string ProviderKey, string ProviderName,
    string IdentityName, DateTimeOffset ExpiresAt);

/// <summary>
/// The single-use, expiring link that proves a person owns the address before their organisation sign-in is linked.
/// The link is encrypted and signed with the portal's data-protection keys, so it cannot be read or forged; it is
/// single-use because linking makes it pointless (the sign-in is then linked) and removing a link changes the account's
/// security stamp, which the link carries.
/// </summary>
public sealed class SingleSignOnLinkTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private IDataProtector Protector => protection.CreateProtector("MentoringPortal.SingleSignOn.LinkByEmail.v1");

    public LinkRequest Create(PortalUser user, string loginProvider, string providerKey, string providerName, string identityName)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new LinkRequest(user.Id, user.SecurityStamp ?? string.Empty, loginProvider, providerKey, providerName, identityName,
            time.GetUtcNow().Add(Lifetime));
    }

    public string Protect(LinkRequest request) =>
        WebEncoders.Base64UrlEncode(Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>The request in a link, or null when the link is damaged, forged or out of date.</summary>
    public LinkRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4000)
        {
            return null;
        }

        try
        {
            var request = JsonSerializer.Deserialize<LinkRequest>(Protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            return request is not null && request.ExpiresAt > time.GetUtcNow() ? request : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
