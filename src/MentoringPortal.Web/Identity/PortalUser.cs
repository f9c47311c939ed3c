using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Identity;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>The last successful sign-in, so accounts unused for the retention period can be found.</summary>
    public DateTime? LastSignedInAt { get; set; }
}
