using MentoringPortal.Domain.Records;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>
/// A mentor's record of their mentoring for appraisal: the page, issuing it with a verification code, and its PDF.
/// Only approved mentors have one; anyone else signed in is refused like on every mentor's page.
/// </summary>
[Authorize(Policy = Policies.Mentor)]
public sealed class MentoringRecordController(
    PortalDbContext db, MentorActivityReader reader, IssueMentoringRecord issue, TimeProvider time, IOptions<PortalOptions> portal) : Controller
{
    [HttpGet("/me/mentoring-record")]
    public async Task<IActionResult> Index(string? period, CancellationToken cancellationToken)
    {
        var activity = await reader.ReadAsync(User.Id(), cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(time.GetUtcNow().UtcDateTime);
        var chosen = RecordPeriod.For(period ?? RecordPeriod.Last12Months, today);
        if (chosen is null)
        {
            ModelState.AddModelError("Period", "Choose one of the periods in the list.");
            chosen = RecordPeriod.For(RecordPeriod.Last12Months, today)!;
        }

        return View(new MentoringRecordViewModel(activity, MentoringRecord.Build(chosen, activity.Pairings), null));
    }

    [HttpPost("/me/mentoring-record/issue")]
    public async Task<IActionResult> Issue(IssueRecordForm form, CancellationToken cancellationToken)
    {
        var outcome = await issue.RunAsync(User.Id(), form.Period, cancellationToken);
        return outcome switch
        {
            IssueOutcome.Issued issued when string.Equals(form.Format, "pdf", StringComparison.Ordinal) =>
                await PdfAsync(issued.Code, cancellationToken),
            IssueOutcome.Issued issued => Redirect($"/me/mentoring-record/issued/{VerificationCode.Grouped(issued.Code)}"),
            IssueOutcome.UnknownPeriod => Redirect($"/me/mentoring-record?period={Uri.EscapeDataString(form.Period ?? string.Empty)}"),
            _ => NotFound(),
        };
    }

    [HttpGet("/me/mentoring-record/issued/{code}")]
    public async Task<IActionResult> Issued(string code, CancellationToken cancellationToken)
    {
        var model = await IssuedViewModelAsync(code, cancellationToken);
        return model is null ? NotFound() : View("Index", model);
    }

    [HttpGet("/me/mentoring-record/issued/{code}/pdf")]
    public Task<IActionResult> IssuedPdf(string code, CancellationToken cancellationToken) => PdfAsync(code, cancellationToken);

    private async Task<IActionResult> PdfAsync(string code, CancellationToken cancellationToken)
    {
        var model = await IssuedViewModelAsync(code, cancellationToken);
        return model is null
            ? NotFound()
            : File(MentoringRecordPdf.Render(model), "application/pdf", $"mentoring-record-{model.Issued!.Code}.pdf");
    }

    /// <summary>An issued record of the signed-in mentor's, rebuilt for its period; null for anyone else's code.</summary>
    private async Task<MentoringRecordViewModel?> IssuedViewModelAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = VerificationCode.Normalise(code);
        var activity = normalised is null ? null : await reader.ReadAsync(User.Id(), cancellationToken);
        var issued = activity is null
            ? null
            : await db.IssuedRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Code == normalised && r.MentorId == activity.MentorId, cancellationToken);
        if (issued is null)
        {
            return null;
        }

        var period = new RecordPeriod("issued", issued.PeriodFrom, issued.PeriodTo, issued.PeriodLabel);
        var grouped = VerificationCode.Grouped(issued.Code);
        var info = new IssuedRecordInfo(grouped, $"{portal.Value.BaseUrl.TrimEnd('/')}/verify/{grouped}", UkTime.DescribeMoment(issued.IssuedAt));
        return new MentoringRecordViewModel(activity!, MentoringRecord.Build(period, activity!.Pairings), info);
    }
}
