using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Identity;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
