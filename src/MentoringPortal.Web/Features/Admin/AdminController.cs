using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.Admin;

/// <summary>The administrator's desk: the load on each programme and the queues that need a person.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminController(PortalDbContext db, AdminDesk desk) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await desk.LoadAsync(await AdminScope.ForAsync(db, User, cancellationToken), cancellationToken));
}
