using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Administrators;

/// <summary>
/// Makes an existing account an administrator: the role, the programmes they may act in, the audit
/// row and a new security stamp, in one unit. Identity's user store saves this same context, so its
/// saves are inside the unit's transaction.
/// </summary>
public sealed class AddAdministrator(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task<AdministratorChange> RunAsync(string userId, IReadOnlyList<ProgrammeChoice> limitedTo, bool everyProgramme,
        string administratorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => AddAsync(userId, limitedTo, everyProgramme, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.ChangedMeanwhile();
        }
        catch (DbUpdateException exception) when (exception.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.AlreadyAdministrator();
        }
    }

    private async Task<AdministratorChange> AddAsync(string userId, IReadOnlyList<ProgrammeChoice> limitedTo, bool everyProgramme,
        string administratorUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new AdministratorChange.NotFound();
        }

        var added = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!added.Succeeded)
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.AlreadyAdministrator();
        }

        user.AdministersEveryProgramme = everyProgramme;
        db.ProgrammeAdministrators.AddRange(limitedTo.Select(p => new ProgrammeAdministrator(user.Id, p.Id)));
        var scope = ScopeText.For(everyProgramme, limitedTo.Select(p => p.Name).ToList());
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.AdministratorAdded, user.Email!, null, scope,
            time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        // A new security stamp ends the person's sessions, so their next sign-in carries the new role.
        await users.UpdateSecurityStampAsync(user);
        return new AdministratorChange.Saved(scope);
    }
}
