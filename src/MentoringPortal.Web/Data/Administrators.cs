using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>Who is told when something waits for the scheme: only administrators whose scope covers the programme.</summary>
public static class Administrators
{
    /// <summary>Administrators of at least one of <paramref name="programmeIds"/> (an administrator of every programme covers them all), with an address.</summary>
    public static async Task<IReadOnlyList<Recipient>> OfProgrammesAsync(this PortalDbContext db, IReadOnlyCollection<int> programmeIds,
        CancellationToken cancellationToken)
    {
        var ids = programmeIds.Distinct().ToList();
        var people = await AdministratorUsers(db)
            .Where(user => user.AdministersEveryProgramme || db.ProgrammeAdministrators.Any(a => a.UserId == user.Id && ids.Contains(a.ProgrammeId)))
            .OrderBy(user => user.Id)
            .Select(user => new { user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        return people.ConvertAll(p => new Recipient(p.Email!, p.DisplayName));
    }

    /// <summary>Administrators of every programme, with an address (deployment-wide matters).</summary>
    public static async Task<IReadOnlyList<Recipient>> OfEveryProgrammeAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        var people = await AdministratorsOfEveryProgramme(db)
            .OrderBy(user => user.Id)
            .Select(user => new { user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        return people.ConvertAll(p => new Recipient(p.Email!, p.DisplayName));
    }

    /// <summary>Every account in the Administrator role, as the database says now.</summary>
    public static IQueryable<PortalUser> AdministratorAccounts(this PortalDbContext db) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)));

    private static IQueryable<PortalUser> AdministratorUsers(PortalDbContext db) =>
        db.AdministratorAccounts().Where(user => user.Email != null);

    private static IQueryable<PortalUser> AdministratorsOfEveryProgramme(PortalDbContext db) =>
        AdministratorUsers(db).Where(user => user.AdministersEveryProgramme);
}
