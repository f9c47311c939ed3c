using System.Text;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace MentoringPortal.Web.Features.Account;

/// <summary>The account emails' links: Identity's tokens, made safe for a query string and read back.</summary>
public static class AccountLinks
{
    public static async Task<string> ConfirmationLinkAsync(UserManager<PortalUser> users, PortalEmails emails, PortalUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        return emails.Link($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
