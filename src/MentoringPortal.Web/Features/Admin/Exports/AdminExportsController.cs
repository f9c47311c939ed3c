using CsvHelper.Configuration.Attributes;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Exports;

/// <summary>One member of a programme in the people export: one line per person, role and programme.</summary>
public sealed record PersonCsvRow(
    [property: Name("name")] string Name,
    [property: Name("email")] string? Email,
    [property: Name("role")] string Role,
    [property: Name("programme")] string Programme,
    [property: Name("joined")] string Joined);

/// <summary>One pairing in the pairings export, with its meeting counts (facts only, never notes).</summary>
public sealed record PairingCsvRow(
    [property: Name("pairing")] int Pairing,
    [property: Name("programme")] string Programme,
    [property: Name("mentor")] string Mentor,
    [property: Name("mentee")] string Mentee,
    [property: Name("status")] string Status,
    [property: Name("started")] string Started,
    [property: Name("ended")] string? Ended,
    [property: Name("meetings_held")] int MeetingsHeld,
    [property: Name("meetings_planned")] int MeetingsPlanned,
    [property: Name("last_held")] string? LastHeld);

/// <summary>CSV downloads of the members and pairings of the administrator's programmes (the audit log's is on its own page).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminExportsController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/admin/export/people.csv")]
    public async Task<IActionResult> People(CancellationToken cancellationToken)
    {
        var ids = await ProgrammeIdsAsync(cancellationToken);
        var mentors = await (from m in db.Mentors.AsNoTracking()
                             from p in m.Programmes
                             where ids.Contains(p.Id)
                             select new { m.DisplayName, Email = db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), Role = "Mentor", Programme = p.Name, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var mentees = await (from m in db.Mentees.AsNoTracking()
                             from p in m.Programmes
                             where ids.Contains(p.Id)
                             select new { m.DisplayName, Email = db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), Role = "Mentee", Programme = p.Name, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var rows = mentors.Concat(mentees)
            .OrderBy(r => r.Programme, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new PersonCsvRow(r.DisplayName, r.Email, r.Role, r.Programme, IsoDate(r.CreatedAt)));
        return Csv(rows, "people");
    }

    [HttpGet("/admin/export/pairings.csv")]
    public async Task<IActionResult> Pairings(CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var pairings = await scope.Pairings(db).AsNoTracking().OrderBy(p => p.StartedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                Programme = db.Programmes.Where(g => g.Id == p.ProgrammeId).Select(g => g.Name).First(),
                Mentor = p.Mentor!.DisplayName,
                Mentee = p.Mentee!.DisplayName,
                p.Status,
                p.StartedAt,
                p.EndedAt,
                Held = p.Meetings.Count(m => m.Status == MeetingStatus.Held),
                Planned = p.Meetings.Count(m => m.Status == MeetingStatus.Planned),
                LastHeld = p.Meetings.Where(m => m.Status == MeetingStatus.Held).Max(m => (DateTime?)m.StartsAt),
            })
            .ToListAsync(cancellationToken);
        return Csv(pairings.Select(p => new PairingCsvRow(p.Id, p.Programme, p.Mentor, p.Mentee, p.Status.ToString(), IsoDate(p.StartedAt),
            p.EndedAt is { } ended ? IsoDate(ended) : null, p.Held, p.Planned, p.LastHeld is { } last ? IsoDate(last) : null)), "pairings");
    }

    private async Task<List<int>> ProgrammeIdsAsync(CancellationToken cancellationToken) =>
        await (await AdminScope.ForAsync(db, User, cancellationToken)).Programmes(db).Select(p => p.Id).ToListAsync(cancellationToken);

    private FileContentResult Csv<T>(IEnumerable<T> rows, string what) =>
        File(SafeCsv.Write(rows), SafeCsv.ContentType, SafeCsv.FileName(what, time.GetUtcNow().UtcDateTime));

    /// <summary>Dates as the UK calendar has them, written the one way every spreadsheet reads.</summary>
    private static string IsoDate(DateTime utc) => MentoringPortal.Web.Features.Pairings.UkTime.Today(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
