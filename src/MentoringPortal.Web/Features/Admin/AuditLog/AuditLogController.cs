using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.Admin.AuditLog;

/// <summary>The audit log: read only, newest first, filtered within the administrator's programmes. There is no way to change it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AuditLogController(PortalDbContext db) : Controller
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, [FromServices] AuditLogSearch search, CancellationToken cancellationToken) =>
        View(await search.PageAsync(query, await AdminScope.ForAsync(db, User, cancellationToken), cancellationToken));

    /// <summary>The entries the same filters show, all of them, as CSV.</summary>
    [HttpGet("/admin/audit.csv")]
    public async Task<IActionResult> Csv([FromQuery] AuditQuery query, [FromServices] AuditLogSearch search, [FromServices] TimeProvider time,
        CancellationToken cancellationToken) =>
        File(SafeCsv.Write(await search.AllAsync(query, await AdminScope.ForAsync(db, User, cancellationToken), cancellationToken)),
            SafeCsv.ContentType, SafeCsv.FileName("audit-log", time.GetUtcNow().UtcDateTime));
}
