namespace MentoringPortal.Web.Features.Admin.Administrators;

/// <summary>How adding, changing or removing an administrator ended.</summary>
public abstract record AdministratorChange
{
    private AdministratorChange()
    {
    }

    /// <summary>The account is gone: a 404.</summary>
    public sealed record NotFound : AdministratorChange;

    /// <summary>They became an administrator at the same moment (another save); nothing of this one was kept.</summary>
    public sealed record AlreadyAdministrator : AdministratorChange;

    /// <summary>They stopped being an administrator at the same moment (another save); nothing of this one was kept.</summary>
    public sealed record AlreadyRemoved : AdministratorChange;

    /// <summary>Their account changed at the same moment; nothing was saved.</summary>
    public sealed record ChangedMeanwhile : AdministratorChange;

    /// <summary>Saved; <paramref name="Scope"/> is what they now administer, in words.</summary>
    public sealed record Saved(string Scope) : AdministratorChange;
}
