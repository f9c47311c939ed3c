using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Identity;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Set only for an administrator of every programme. Scope is always stated, never inferred: an
    /// administrator without this flag acts only in the programmes of their <c>ProgrammeAdministrator</c> rows.
    /// </summary>
    public bool AdministersEveryProgramme { get; set; }

    /// <summary>The last successful sign-in, so accounts unused for the retention period can be found.</summary>
    public DateTime? LastSignedInAt { get; set; }
}
