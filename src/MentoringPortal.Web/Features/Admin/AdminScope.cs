using System.Security.Claims;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin;

/// <summary>
/// The programmes an administrator may see and act in: every programme (only when
/// <see cref="PortalUser.AdministersEveryProgramme"/> says so), or only those of their
/// <see cref="ProgrammeAdministrator"/> rows. Read from the database on every request, never from the cookie, so
/// removing or narrowing an administrator takes effect at once; someone who is no longer an administrator has no
/// programmes at all. Anything outside the scope is a 404, as if it did not exist.
/// </summary>
public sealed class AdminScope
{
    private readonly HashSet<int> _programmeIds;

    private AdminScope(bool allProgrammes, IEnumerable<int> programmeIds)
    {
        AllProgrammes = allProgrammes;
        _programmeIds = [.. programmeIds];
    }

    /// <summary>Administers every programme, and so may also create programmes and manage administrators.</summary>
    public bool AllProgrammes { get; }

    public IReadOnlySet<int> ProgrammeIds => _programmeIds;

    public static async Task<AdminScope> ForAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var administrator = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.AdministersEveryProgramme,
                IsAdministrator = db.AdministratorAccounts().Any(a => a.Id == u.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (administrator is not { IsAdministrator: true })
        {
            return new AdminScope(false, []);
        }

        if (administrator.AdministersEveryProgramme)
        {
            return new AdminScope(true, []);
        }

        var limitedTo = await db.ProgrammeAdministrators.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => a.ProgrammeId).ToListAsync(cancellationToken);
        return new AdminScope(false, limitedTo);
    }

    public bool Covers(int programmeId) => AllProgrammes || _programmeIds.Contains(programmeId);

    public IQueryable<Programme> Programmes(PortalDbContext db) =>
        AllProgrammes ? db.Programmes : db.Programmes.Where(p => _programmeIds.Contains(p.Id));

    public IQueryable<Pairing> Pairings(PortalDbContext db) =>
        AllProgrammes ? db.Pairings : db.Pairings.Where(m => _programmeIds.Contains(m.ProgrammeId));

    public IQueryable<MenteeApplication> Applications(PortalDbContext db) =>
        AllProgrammes ? db.MenteeApplications : db.MenteeApplications.Where(a => _programmeIds.Contains(a.ProgrammeId));

    /// <summary>Mentors in at least one of the administrator's programmes.</summary>
    public IQueryable<Mentor> Mentors(PortalDbContext db) =>
        AllProgrammes ? db.Mentors : db.Mentors.Where(m => m.Programmes.Any(p => _programmeIds.Contains(p.Id)));

    /// <summary>Entries about the administrator's programmes; deployment-wide entries only for those who administer every programme.</summary>
    public IQueryable<AuditEntry> AuditEntries(PortalDbContext db) =>
        AllProgrammes ? db.AuditEntries : db.AuditEntries.Where(a => a.ProgrammeId != null && _programmeIds.Contains(a.ProgrammeId.Value));
}
