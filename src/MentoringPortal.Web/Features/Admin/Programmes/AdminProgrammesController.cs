using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Programmes;

/// <summary>
/// Programmes and their settings, including the matching weights. Administrators see and edit the
/// programmes in their scope; only administrators of every programme create programmes. Programmes
/// are never deleted, because they hold the history of their pairings; closing one means no longer
/// taking applications.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminProgrammesController(PortalDbContext db) : Controller
{
    [HttpGet("/admin/programmes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var rows = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProgrammeRow(p.Id, p.Name, p.MatchingMode, p.OpenForApplications, p.MeetingCadenceWeeks, p.EvaluationPointMonths,
                p.TrainingValidityMonths,
                db.Mentors.Count(m => m.Programmes.Any(x => x.Id == p.Id)),
                db.Mentees.Count(m => m.Programmes.Any(x => x.Id == p.Id)),
                db.Pairings.Count(m => m.ProgrammeId == p.Id && m.Status == PairingStatus.Active)))
            .ToListAsync(cancellationToken);
        return View(new ProgrammesViewModel(rows, scope.AllProgrammes));
    }

    [HttpGet("/admin/programmes/new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return scope.AllProgrammes ? View("Edit", new ProgrammeEditViewModel(null, null, null, ProgrammeForm.NewWithDefaults())) : NotFound();
    }

    [HttpPost("/admin/programmes/new")]
    public async Task<IActionResult> New(ProgrammeForm form, [FromServices] CreateProgramme createProgramme, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        if (!scope.AllProgrammes)
        {
            return NotFound();
        }

        ReplaceNumberBindingErrors();
        var slug = Programme.SlugFor(form.Name ?? string.Empty);
        await CheckNameAsync(form, slug, cancellationToken);
        if (ModelState.IsValid && FollowsTheRules(form, slug))
        {
            // The form passed every rule; the unit builds its own programme, since a retried unit starts again from nothing.
            if (await createProgramme.RunAsync(() => NewProgramme(form, slug), User.Id(), cancellationToken) is ProgrammeCreation.Created saved)
            {
                TempData["Success"] = $"The programme “{saved.Name}” has been created.";
                return Redirect("/admin/programmes");
            }

            ModelState.AddModelError(nameof(form.Name), NameTaken(slug));
        }

        return View("Edit", new ProgrammeEditViewModel(null, null, null, form));
    }

    private async Task CheckNameAsync(ProgrammeForm form, string slug, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && slug.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Name), "Use some letters or digits in the name, so the programme has a web address.");
        }

        if (ModelState.IsValid && await db.Programmes.AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Name), NameTaken(slug));
        }
    }

    /// <summary>Tries the form's settings on a programme that is never saved, each rule's message beside its field.</summary>
    private bool FollowsTheRules(ProgrammeForm form, string slug)
    {
        Programme? programme = null;
        return ModelState.TryApply(string.Empty, () => programme = new Programme(form.Name!, slug, form.Summary!, form.MatchingMode!.Value))
            && ModelState.TryApply(string.Empty, () => programme!.Update(form.Name!, form.Summary!, form.MatchingMode!.Value,
                form.MeetingCadenceWeeks!.Value, form.EvaluationPointMonths!.Value, form.OpenForApplications, form.TrainingValidityMonths))
            && ModelState.TryApply(nameof(form.ProposalAnswerDays), () => programme!.SetProposalAnswerDays(form.ProposalAnswerDays!.Value))
            && ModelState.TryApply(ProgrammeForm.WeightsKey, () => programme!.SetWeights(form.ToWeights()))
            && ModelState.TryApply(nameof(form.MinimumMatchScore), () => programme!.SetMinimumMatchScore(form.MinimumMatchScore!.Value));
    }

    private static Programme NewProgramme(ProgrammeForm form, string slug)
    {
        var programme = new Programme(form.Name!, slug, form.Summary!, form.MatchingMode!.Value);
        programme.Update(form.Name!, form.Summary!, form.MatchingMode!.Value, form.MeetingCadenceWeeks!.Value, form.EvaluationPointMonths!.Value,
            form.OpenForApplications, form.TrainingValidityMonths);
        programme.SetProposalAnswerDays(form.ProposalAnswerDays!.Value);
        programme.SetWeights(form.ToWeights());
        programme.SetMinimumMatchScore(form.MinimumMatchScore!.Value);
        return programme;
    }

    [HttpGet("/admin/programmes/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programme = await scope.Programmes(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return programme is null ? NotFound() : View(new ProgrammeEditViewModel(programme.Id, programme.Slug, programme.Name, ProgrammeForm.From(programme)));
    }

    [HttpPost("/admin/programmes/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProgrammeForm form, [FromServices] EditProgramme editProgramme,
        CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        ReplaceNumberBindingErrors();
        if (ModelState.IsValid)
        {
            switch (await editProgramme.RunAsync(id, form, scope, User.Id(), cancellationToken))
            {
                case ProgrammeEdit.Saved saved:
                    TempData["Success"] = $"The programme “{saved.Name}” has been saved.";
                    return Redirect("/admin/programmes");
                case ProgrammeEdit.Refused refused:
                    ModelState.AddModelError(refused.Setting switch
                    {
                        ProgrammeSetting.Weights => ProgrammeForm.WeightsKey,
                        ProgrammeSetting.MinimumMatchScore => nameof(form.MinimumMatchScore),
                        ProgrammeSetting.ProposalAnswerDays => nameof(form.ProposalAnswerDays),
                        _ => string.Empty,
                    }, refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var programme = await scope.Programmes(db).AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Slug, p.Name }).SingleOrDefaultAsync(cancellationToken);
        return programme is null ? NotFound() : View(new ProgrammeEditViewModel(programme.Id, programme.Slug, programme.Name, form));
    }

    private static string NameTaken(string slug) =>
        $"A programme with this name already exists (its web address would be “{slug}”). Choose a different name.";

    private void ReplaceNumberBindingErrors()
    {
        foreach (var (key, message) in ProgrammeForm.NumberFields)
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid
                && entry.AttemptedValue is { Length: > 0 } attempted && !int.TryParse(attempted, out _))
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        }
    }
}
