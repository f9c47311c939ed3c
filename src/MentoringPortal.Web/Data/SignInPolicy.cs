namespace MentoringPortal.Web.Data;

/// <summary>
/// How the portal lets people sign in, portal-wide: one row, changed only by an administrator of every programme (audited).
/// No row means the defaults.
/// </summary>
public sealed class SignInPolicy
{
    public const int TheRow = 1;

    private SignInPolicy()
    {
    }

    public SignInPolicy(DateTime createdAt)
    {
        ChangedAt = createdAt;
    }

    public int Id { get; private set; } = TheRow;

    /// <summary>Administrators must sign in with an organisation's provider: their password and passkeys are refused.</summary>
    public bool AdministratorsUseSingleSignOn { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public string? ChangedByUserId { get; private set; }

    public void RequireSingleSignOnForAdministrators(bool required, string byUserId, DateTime at)
    {
        AdministratorsUseSingleSignOn = required;
        ChangedByUserId = byUserId;
        ChangedAt = at;
    }
}
