using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// People in bulk: upload a CSV or Excel workbook of mentors or mentees for one programme, check the preview (new, already there, errors),
/// confirm, and follow the import in the background (<see cref="Jobs.PeopleImportRunner"/>). Another programme's batch is a 404.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminImportController(PortalDbContext db, TimeProvider time) : Controller
{
    private const int RecentBatches = 10;

    // Files a little over the 5 MB limit still reach the action, so they get a clear message rather than an error page.
    private const long UploadLimit = 2 * PeopleFiles.MaxFileBytes;

    [HttpGet("/admin/import")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await IndexViewModelAsync(new ImportForm(), cancellationToken));

    [HttpPost("/admin/import")]
    [RequestSizeLimit(UploadLimit + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Upload(ImportForm form, [FromServices] PreviewImport preview, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (form.ProgrammeId is null)
        {
            ModelState.AddModelError(nameof(form.ProgrammeId), "Choose the programme the people join.");
        }

        if (form.Kind is null)
        {
            ModelState.AddModelError(nameof(form.Kind), "Choose whether the file lists mentors or mentees.");
        }

        if (form.File is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(form.File), "Choose a CSV file or an Excel workbook (.xlsx) to upload.");
        }

        if (ModelState.IsValid)
        {
            var file = form.File!;
            var upload = new ImportUpload(form.ProgrammeId!.Value, form.Kind!.Value, Path.GetFileName(file.FileName), file.Length, file.OpenReadStream);
            switch (await preview.RunAsync(upload, await AdminScope.ForAsync(db, User, cancellationToken), User.Id(), cancellationToken))
            {
                case ImportPreview.NotFound:
                    return NotFound();
                case ImportPreview.Refused refused:
                    ModelState.AddModelError(nameof(form.File), refused.Reason);
                    break;
                case ImportPreview.Previewed previewed:
                    return RedirectToAction(nameof(Batch), new { id = previewed.BatchId });
            }
        }

        return View(nameof(Index), await IndexViewModelAsync(form, cancellationToken));
    }

    [HttpGet("/admin/import/template/{kind}.csv")]
    public IActionResult Template(string kind) => kind switch
    {
        "mentors" => File(PeopleCsv.Template(PeopleKind.Mentors), SafeCsv.ContentType, "mentors-template.csv"),
        "mentees" => File(PeopleCsv.Template(PeopleKind.Mentees), SafeCsv.ContentType, "mentees-template.csv"),
        _ => NotFound(),
    };

    [HttpGet("/admin/import/template/{kind}.xlsx")]
    public IActionResult Workbook(string kind) => kind switch
    {
        "mentors" => File(PeopleSpreadsheet.Template(PeopleKind.Mentors), PeopleSpreadsheet.ContentType, "mentors-template.xlsx"),
        "mentees" => File(PeopleSpreadsheet.Template(PeopleKind.Mentees), PeopleSpreadsheet.ContentType, "mentees-template.xlsx"),
        _ => NotFound(),
    };

    [HttpGet("/admin/import/{id:guid}")]
    public async Task<IActionResult> Batch(Guid id, CancellationToken cancellationToken)
    {
        var model = await BatchViewModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>How far an import has got, for the progress page's script (the page itself works without it).</summary>
    [HttpGet("/admin/import/{id:guid}/progress")]
    public async Task<IActionResult> Progress(Guid id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).SingleOrDefaultAsync(cancellationToken);
        return batch is null || !scope.Covers(batch.ProgrammeId)
            ? NotFound()
            : Json(new ImportProgressResponse(batch.Status.ToString(), batch.DoneCount, batch.ToImport, batch.Status == ImportBatchStatus.Finished));
    }

    [HttpPost("/admin/import/{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, [FromServices] ConfirmImport confirm, CancellationToken cancellationToken)
    {
        switch (await confirm.RunAsync(id, await AdminScope.ForAsync(db, User, cancellationToken), User.Id(), cancellationToken))
        {
            case ImportConfirmation.NotFound:
                return NotFound();
            case ImportConfirmation.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                return View(nameof(Batch), await BatchViewModelAsync(id, cancellationToken));
            default:
                return RedirectToAction(nameof(Batch), new { id });
        }
    }

    [HttpGet("/admin/import/{id:guid}/discard")]
    public async Task<IActionResult> Discard(Guid id, CancellationToken cancellationToken)
    {
        var batch = await DiscardImport.OwnBatchAsync(db, id, await AdminScope.ForAsync(db, User, cancellationToken), User.Id(), cancellationToken);
        return batch is null ? NotFound() : View(new DiscardImportViewModel(batch.Id, batch.FileName, batch.WhyNotDiscardable()));
    }

    [HttpPost("/admin/import/{id:guid}/discard")]
    [ActionName(nameof(Discard))]
    public async Task<IActionResult> DiscardConfirmed(Guid id, [FromServices] DiscardImport discard, CancellationToken cancellationToken)
    {
        switch (await discard.RunAsync(id, await AdminScope.ForAsync(db, User, cancellationToken), User.Id(), cancellationToken))
        {
            case ImportDiscarding.Discarded discarded:
                TempData["Success"] = $"The preview of {discarded.FileName} was discarded. Nothing was imported.";
                return Redirect("/admin/import");
            case ImportDiscarding.Refused refused:
                return View(nameof(Discard), new DiscardImportViewModel(id, refused.FileName, refused.Reason));
            default:
                return NotFound();
        }
    }

    private async Task<ImportIndexViewModel> IndexViewModelAsync(ImportForm form, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programmes = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ImportProgrammeOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        var ids = programmes.ConvertAll(p => p.Id);
        var recent = await db.ImportBatches.AsNoTracking().Where(b => ids.Contains(b.ProgrammeId))
            .OrderByDescending(b => b.UploadedAt).Take(RecentBatches)
            .Select(b => new ImportBatchSummary(b.Id, db.Programmes.Where(p => p.Id == b.ProgrammeId).Select(p => p.Name).First(), b.Kind, b.FileName,
                b.UploadedAt, b.Status, b.RowCount))
            .ToListAsync(cancellationToken);
        return new ImportIndexViewModel(programmes, form, recent);
    }

    private async Task<ImportBatchViewModel?> BatchViewModelAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null || !scope.Covers(batch.ProgrammeId))
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == batch.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        Task<List<ImportRowViewModel>> RowsAsync(ImportRowOutcome outcome) =>
            db.ImportRows.AsNoTracking().Where(r => r.BatchId == id && r.Outcome == outcome).OrderBy(r => r.Number).Take(ImportBatchViewModel.RowsShown)
                .Select(r => new ImportRowViewModel(r.Number, r.Name, r.Email, r.Result ?? r.Message)).ToListAsync(cancellationToken);
        var previewing = batch.Status == ImportBatchStatus.Previewed;
        return new ImportBatchViewModel(batch.Id, programme, batch.Kind, batch.FileName, batch.UploadedAt, batch.Status, batch.RowCount, batch.NewCount,
            batch.ExistingCount, batch.ErrorCount, batch.DoneCount, batch.CreatedCount, batch.MergedCount,
            batch.CanBeConfirmed(time.GetUtcNow().UtcDateTime),
            previewing && batch.UploadedByUserId == User.Id(),
            previewing ? await RowsAsync(ImportRowOutcome.New) : [],
            previewing || batch.Status == ImportBatchStatus.Finished ? await RowsAsync(ImportRowOutcome.Existing) : [],
            await RowsAsync(ImportRowOutcome.Error));
    }
}
