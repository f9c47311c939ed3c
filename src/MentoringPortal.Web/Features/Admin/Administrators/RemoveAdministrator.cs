using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Administrators;

/// <summary>
/// Ends someone's administrator role: the role, their programme rows, the audit row and a new
/// security stamp that ends their sessions, in one unit. Their account stays otherwise.
/// </summary>
public sealed class RemoveAdministrator(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task<AdministratorChange> RunAsync(AdministratorRow administrator, string administratorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => RemoveAsync(administrator, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.ChangedMeanwhile();
        }
    }

    private async Task<AdministratorChange> RemoveAsync(AdministratorRow administrator, string administratorUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(administrator.UserId);
        if (user is null)
        {
            return new AdministratorChange.NotFound();
        }

        user.AdministersEveryProgramme = false;
        db.ProgrammeAdministrators.RemoveRange(await db.ProgrammeAdministrators.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken));
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.AdministratorRemoved, administrator.Email,
            administrator.Scope, "No longer an administrator", time.GetUtcNow().UtcDateTime));
        var removed = await users.RemoveFromRoleAsync(user, Roles.Administrator);
        if (!removed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.AlreadyRemoved();
        }

        await db.SaveChangesAsync(cancellationToken);
        // Ends every session they have: their very next request is signed out.
        await users.UpdateSecurityStampAsync(user);
        return new AdministratorChange.Saved("No longer an administrator");
    }
}
