using System.Globalization;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.EvaluationReport;

/// <summary>
/// The evaluation report of one programme for a period, on the page and as CSV. It shows numbers
/// and anonymous answers only, never names; small groups are suppressed by <see cref="Domain.Evaluation.EvaluationSummary"/>.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EvaluationReportController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/admin/reports/evaluation")]
    public async Task<IActionResult> Index([FromQuery] EvaluationReportQuery query, CancellationToken cancellationToken)
    {
        var (programmes, chosen, found) = await ChooseAsync(query, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var period = query.ReadPeriod(Today, ModelState);
        if (period is not null)
        {
            query.From = period.From.ToString(EvaluationReportQuery.DateFormat, CultureInfo.InvariantCulture);
            query.To = period.To.ToString(EvaluationReportQuery.DateFormat, CultureInfo.InvariantCulture);
        }

        var report = chosen is null || period is null ? null : await EvaluationReportData.LoadAsync(db, chosen, period, cancellationToken);
        return View(new EvaluationReportViewModel(query, programmes, chosen, report));
    }

    [HttpGet("/admin/reports/evaluation.csv")]
    public async Task<IActionResult> Csv([FromQuery] EvaluationReportQuery query, CancellationToken cancellationToken)
    {
        var (_, chosen, found) = await ChooseAsync(query, cancellationToken);
        if (!found || chosen is null)
        {
            return NotFound();
        }

        var period = query.ReadPeriod(Today, ModelState);
        if (period is null)
        {
            var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                Content = string.Join(Environment.NewLine, problems),
                ContentType = "text/plain; charset=utf-8",
            };
        }

        var report = await EvaluationReportData.LoadAsync(db, chosen, period, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(EvaluationReportCsv.Write(report), "text/csv; charset=utf-8", report.CsvFileName);
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The administrator's programmes and the one asked for (the first by name when none is). A
    /// programme outside their scope, or one that does not exist, is not found.
    /// </summary>
    private async Task<(IReadOnlyList<ReportProgramme> Programmes, ReportProgramme? Chosen, bool Found)> ChooseAsync(
        EvaluationReportQuery query, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programmes = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ReportProgramme(p.Id, p.Slug, p.Name, p.MatchingMode, p.EvaluationPointMonths))
            .ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(query.Programme))
        {
            var first = programmes.FirstOrDefault();
            query.Programme = first?.Slug;
            return (programmes, first, true);
        }

        var chosen = programmes.Find(p => string.Equals(p.Slug, query.Programme.Trim(), StringComparison.Ordinal));
        return (programmes, chosen, chosen is not null);
    }
}
