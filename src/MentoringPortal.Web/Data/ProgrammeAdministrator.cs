namespace MentoringPortal.Web.Data;

/// <summary>
/// Lets an administrator act in one programme (a row per programme). An administrator with no rows
/// administers nothing unless their account says they administer every programme; see <c>Features/Admin/AdminScope</c>.
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
