using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;


/// <summary>Programmes, limited administrators and audit rows for the programme, administrator and audit log tests.</summary>
public static class AdminProgrammesData
{
    /// <summary>A programme of its own, with a name no other test uses.</summary>
    public static Task<TestProgramme> ProgrammeAsync(PortalFactory factory, string prefix = "Programme") => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var name = $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
        var programme = new Programme(name, Programme.SlugFor(name), "A programme for administration tests.", MatchingMode.SchemeMatches);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    public static Task<string> UserIdAsync(PortalFactory factory, string email) =>
        PortalData.QueryAsync(factory, db => UserIdAsync(db, email));

    /// <summary>Audit rows recorded by the portal directly, as other features would (for the log's scope, filters and paging).</summary>
    public static Task AuditEntriesAsync(PortalFactory factory, string? actorEmail, string action, int count, string subjectPrefix,
        int? programmeId, DateTime firstAt) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var actorId = actorEmail is null ? null : await UserIdAsync(db, actorEmail);
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(new AuditEntry(actorId, action, $"{subjectPrefix} {i + 1:D2}", "before", "after", firstAt.AddMinutes(i), programmeId));
        }

        await db.SaveChangesAsync();
    });

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(PortalFactory factory, string action, string subject) =>
        await PortalData.QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.Subject == subject)
            .OrderBy(a => a.Id).ToListAsync());

    private static Task<string> UserIdAsync(PortalDbContext db, string email) =>
        db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
}
