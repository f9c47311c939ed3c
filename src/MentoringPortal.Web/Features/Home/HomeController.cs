using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Home;

public sealed record ProgrammeSummary(string Name, string Summary, bool MenteesChoose, int ListedMentors, string Slug, bool TakesApplications);

public sealed record HomeViewModel(IReadOnlyList<ProgrammeSummary> Programmes);

public sealed class HomeController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var listed = db.Mentors.Where(Mentor.ListedOn(today));
        var programmes = await db.Programmes.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new ProgrammeSummary(p.Name, p.Summary, p.MatchingMode == Domain.Programmes.MatchingMode.MenteeChooses,
                listed.Count(m => m.Programmes.Any(x => x.Id == p.Id)), p.Slug,
                p.MatchingMode == Domain.Programmes.MatchingMode.SchemeMatches && p.OpenForApplications))
            .ToListAsync(cancellationToken);
        return View(new HomeViewModel(programmes));
    }

    [HttpGet("/error/{statusCode:int?}")]
    [HttpPost("/error/{statusCode:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? statusCode)
    {
        // Only error codes: anyone can type /error/2147483647, which is no status at all.
        // Re-executed for a form body the framework refused (a NUL), the route value cannot be bound: the status already set tells.
        var code = statusCode is >= 400 and <= 599 ? statusCode.Value
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? 500
            : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : 404;
        Response.StatusCode = code;
        return View("Error", code);
    }
}
