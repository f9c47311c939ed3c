using MentoringPortal.Domain.Records;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>
/// Where an appraiser checks a mentoring record's code, without signing in. A code that is not a
/// code gets the same answer as one that matches nothing, and lookups are rate-limited, so the page
/// does not help anyone guess.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebExtensions.FormsRateLimit)]
public sealed class VerifyController(PortalDbContext db) : Controller
{
    [HttpGet("/verify")]
    public async Task<IActionResult> Verify(string? code, CancellationToken cancellationToken) =>
        View(code is null ? new VerifyViewModel(null, false, null) : await LookUpAsync(code, cancellationToken));

    [HttpGet("/verify/{code}")]
    public async Task<IActionResult> VerifyCode(string code, CancellationToken cancellationToken) =>
        View("Verify", await LookUpAsync(code, cancellationToken));

    private async Task<VerifyViewModel> LookUpAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = VerificationCode.Normalise(code);
        var found = normalised is null
            ? null
            : await db.IssuedRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Code == normalised, cancellationToken);
        return new VerifyViewModel(code, true, found is null
            ? null
            : new VerifiedRecord(VerificationCode.Grouped(found.Code), found.MentorName, found.PeriodLabel, found.Pairings,
                found.MeetingsHeld, found.Hours, UkTime.DescribeMoment(found.IssuedAt)));
    }
}
