namespace MentoringPortal.Web.Data;

/// <summary>
/// Limits an administrator to one programme (a row per programme). An administrator with no
/// rows administers every programme; see <c>Features/Admin/AdminScope</c>.
/// </summary>
public sealed class ProgrammeAdministrator
{
    public ProgrammeAdministrator(string userId, int programmeId)
    {
        UserId = userId;
        ProgrammeId = programmeId;
    }

    public string UserId { get; private set; }

    public int ProgrammeId { get; private set; }
}
