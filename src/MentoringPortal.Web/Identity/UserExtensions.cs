using System.Security.Claims;

namespace MentoringPortal.Web.Identity;

public static class UserExtensions
{
    /// <summary>The signed-in user's id; only call it behind [Authorize].</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
