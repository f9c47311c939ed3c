using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Administrators;

/// <summary>
/// Changes which programmes an administrator may act in: their programme rows, the audit row and,
/// when the scope changed for someone else, a new security stamp, in one unit.
/// </summary>
public sealed class ChangeAdministratorScope(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task<AdministratorChange> RunAsync(AdministratorRow administrator, IReadOnlyList<ProgrammeChoice> limitedTo, bool everyProgramme,
        string administratorUserId, CancellationToken cancellationToken)
    {
        var after = ScopeText.For(everyProgramme, limitedTo.Select(p => p.Name).ToList());
        try
        {
            return await db.InOneUnitAsync(unit => ChangeAsync(administrator, limitedTo, everyProgramme, after, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AdministratorChange.ChangedMeanwhile();
        }
        catch (DbUpdateException exception) when (exception.IsConstraintViolation())
        {
            // Saved twice at once: the other save already made the same change.
            db.ChangeTracker.Clear();
            return new AdministratorChange.Saved(after);
        }
    }

    private async Task<AdministratorChange> ChangeAsync(AdministratorRow administrator, IReadOnlyList<ProgrammeChoice> limitedTo, bool everyProgramme,
        string after, string administratorUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(administrator.UserId);
        if (user is null)
        {
            return new AdministratorChange.NotFound();
        }

        var rows = await db.ProgrammeAdministrators.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken);
        var chosenIds = limitedTo.Select(p => p.Id).ToHashSet();
        user.AdministersEveryProgramme = everyProgramme;
        db.ProgrammeAdministrators.RemoveRange(rows.Where(r => !chosenIds.Contains(r.ProgrammeId)));
        db.ProgrammeAdministrators.AddRange(chosenIds.Where(id => !rows.Exists(r => r.ProgrammeId == id)).Select(id => new ProgrammeAdministrator(user.Id, id)));
        var changed = !string.Equals(administrator.Scope, after, StringComparison.Ordinal);
        if (changed)
        {
            db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.AdministratorChanged, administrator.Email, administrator.Scope, after,
                time.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed && !administrator.IsYou)
        {
            // Their sessions end now: a narrowed administrator must not keep acting with the old scope.
            await users.UpdateSecurityStampAsync(user);
        }

        return new AdministratorChange.Saved(after);
    }
}
