using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>The scheme approves mentors and keeps their training records and capacity. Facts only, never mentoring content.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/mentors")]
public sealed class AdminMentorsController(PortalDbContext db, TimeProvider time) : Controller
{
    public const int PageSize = 25;

    private const string ChangedMeanwhile = "This mentor's record changed at the same moment (perhaps they edited it themselves). Please check it and try again.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? training, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = new AdminMentorsQuery(status, training, q?.Trim(), page);
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var today = Today;
        var mentors = Filtered(scope.Mentors(db).AsNoTracking(), query, today);
        var total = await mentors.CountAsync(cancellationToken);
        var pageCount = Pagination.PageCountFor(total, PageSize);
        var current = Pagination.Clamp(page, pageCount);
        var rows = await mentors
            .OrderBy(m => m.Approval == MentorApproval.Waiting ? 0 : 1).ThenBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                Programmes = m.Programmes.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                m.Approval,
                m.IsApproved,
                m.TrainingCompletedOn,
                m.TrainingExpiresOn,
                m.ActiveMenteeCount,
                m.Capacity,
            })
            .ToListAsync(cancellationToken);
        var list = rows.Select(m => new AdminMentorRow(m.Id, m.DisplayName, m.Programmes, m.Approval,
            TrainingText.Describe(m.TrainingCompletedOn, m.TrainingExpiresOn, today), m.ActiveMenteeCount, m.Capacity,
            m.IsApproved && m.TrainingCompletedOn != null && (m.TrainingExpiresOn == null || m.TrainingExpiresOn >= today))).ToList();
        return View(new AdminMentorsViewModel(query, list, total, current, pageCount));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var trainingForm = new RecordTrainingForm();
        return View(await DetailsViewModelAsync(mentor, trainingForm, new CapacityForm { Capacity = mentor.Capacity }, cancellationToken));
    }

    [HttpGet("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null ? NotFound() : View(await DecisionViewModelAsync(mentor, new DeclineForm(), cancellationToken));
    }

    [HttpPost("{id:int}/approve")]
    [ActionName(nameof(Approve))]
    public async Task<IActionResult> ApproveConfirmed(int id, [FromServices] ApproveMentor approveMentor, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        switch (await approveMentor.RunAsync(id, scope, User.Id(), cancellationToken))
        {
            case MentorChange.Changed approved:
                TempData["Success"] = $"{approved.MentorName} has been approved as a mentor{(approved.Emailed ? " and emailed." : ".")}";
                return Redirect($"/admin/mentors/{id}");
            case MentorChange.ChangedMeanwhile:
                return ChangedMeanwhileRedirect(id);
            case MentorChange.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                var mentor = await FindAsync(id, cancellationToken);
                return mentor is null ? NotFound() : View(nameof(Approve), await DecisionViewModelAsync(mentor, new DeclineForm(), cancellationToken));
            default:
                return NotFound();
        }
    }

    [HttpGet("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null ? NotFound() : View(await DecisionViewModelAsync(mentor, new DeclineForm(), cancellationToken));
    }

    [HttpPost("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineForm form, [FromServices] DeclineMentorApplication declineApplication,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var scope = await AdminScope.ForAsync(db, User, cancellationToken);
            switch (await declineApplication.RunAsync(id, form.Message!, scope, User.Id(), cancellationToken))
            {
                case MentorChange.Changed declined:
                    TempData["Success"] = $"{declined.MentorName}'s sign-up has been declined and your message sent.";
                    return Redirect($"/admin/mentors/{id}");
                case MentorChange.ChangedMeanwhile:
                    return ChangedMeanwhileRedirect(id);
                case MentorChange.Refused refused:
                    ModelState.AddModelError(nameof(form.Message), refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null ? NotFound() : View(await DecisionViewModelAsync(mentor, form, cancellationToken));
    }

    [HttpPost("{id:int}/training")]
    public async Task<IActionResult> RecordTraining(int id, [Bind(Prefix = "")] RecordTrainingForm form, [FromServices] RecordMentorTraining recordTraining,
        CancellationToken cancellationToken)
    {
        if (form.CompletedOn is { } completed && form.ExpiresOn <= completed)
        {
            ModelState.AddModelError(nameof(form.ExpiresOn), "The expiry date must be after the date the course was completed.");
        }

        if (ModelState.IsValid)
        {
            var scope = await AdminScope.ForAsync(db, User, cancellationToken);
            var outcome = await recordTraining.RunAsync(id, form.Course!.Trim(), form.IsSchemeCourse, form.CompletedOn!.Value, form.ExpiresOn, scope,
                User.Id(), cancellationToken);
            if (Shown(id, outcome, nameof(form.CompletedOn), changed => $"Training recorded for {changed.MentorName}.") is { } result)
            {
                return result;
            }
        }

        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null
            ? NotFound()
            : View(nameof(Details), await DetailsViewModelAsync(mentor, form, new CapacityForm { Capacity = mentor.Capacity }, cancellationToken));
    }

    [HttpPost("{id:int}/capacity")]
    public async Task<IActionResult> Capacity(int id, [Bind(Prefix = "")] CapacityForm form, [FromServices] SetMentorCapacity setCapacity,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var scope = await AdminScope.ForAsync(db, User, cancellationToken);
            var outcome = await setCapacity.RunAsync(id, form.Capacity, scope, User.Id(), cancellationToken);
            if (Shown(id, outcome, nameof(form.Capacity), changed => $"{changed.MentorName}'s capacity is now {changed.Capacity}.") is { } result)
            {
                return result;
            }
        }

        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null ? NotFound() : View(nameof(Details), await DetailsViewModelAsync(mentor, new RecordTrainingForm(), form, cancellationToken));
    }

    /// <summary>The response to a change on the details page, or null when the page is shown again with the refusal beside the field.</summary>
    private IActionResult? Shown(int id, MentorChange outcome, string field, Func<MentorChange.Changed, string> success)
    {
        switch (outcome)
        {
            case MentorChange.Changed changed:
                TempData["Success"] = success(changed);
                return Redirect($"/admin/mentors/{id}");
            case MentorChange.ChangedMeanwhile:
                return ChangedMeanwhileRedirect(id);
            case MentorChange.Refused refused:
                ModelState.AddModelError(field, refused.Reason);
                return null;
            default:
                return NotFound();
        }
    }

    /// <summary>The mentors the list's filters and search words leave.</summary>
    private static IQueryable<Mentor> Filtered(IQueryable<Mentor> mentors, AdminMentorsQuery query, DateOnly today)
    {
        var soon = today.AddDays(Mentor.TrainingReminderDays);
        if (query.Approval is { } approval)
        {
            mentors = mentors.Where(m => m.Approval == approval);
        }

        mentors = query.Training switch
        {
            "missing" => mentors.Where(m => m.TrainingCompletedOn == null),
            "expired" => mentors.Where(m => m.TrainingExpiresOn < today),
            "expiring" => mentors.Where(m => m.TrainingExpiresOn >= today && m.TrainingExpiresOn <= soon),
            "due" => mentors.Where(m => m.TrainingCompletedOn == null || m.TrainingExpiresOn <= soon),
            _ => mentors,
        };

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var words = query.Q.ToLowerInvariant();
            mentors = mentors.Where(m => m.SearchText.Contains(words));
        }

        return mentors;
    }

    /// <summary>The mentor, if they are in one of the administrator's programmes; otherwise null (a 404).</summary>
    private async Task<Mentor?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await scope.Mentors(db).WithProgrammesAndTraining()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    private RedirectResult ChangedMeanwhileRedirect(int id)
    {
        TempData["Problem"] = ChangedMeanwhile;
        return Redirect($"/admin/mentors/{id}");
    }

    private async Task<MentorDecisionViewModel> DecisionViewModelAsync(Mentor mentor, DeclineForm form, CancellationToken cancellationToken)
    {
        var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
        return new MentorDecisionViewModel(mentor.Id, mentor.DisplayName, addresses.For(mentor.UserId, mentor.DisplayName)?.Email, form);
    }

    private async Task<AdminMentorViewModel> DetailsViewModelAsync(Mentor mentor, RecordTrainingForm trainingForm, CapacityForm capacityForm,
        CancellationToken cancellationToken)
    {
        var today = Today;
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var recorderIds = mentor.Training.Select(t => t.RecordedByUserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var recorders = await db.Users.AsNoTracking()
            .Where(u => recorderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        var training = mentor.Training.OrderByDescending(t => t.CompletedOn).ThenByDescending(t => t.RecordedAt)
            .Select(t => new TrainingRow(t.Course, t.IsSchemeCourse, t.CompletedOn, t.ExpiresOn,
                t.RecordedByUserId is { } by && recorders.TryGetValue(by, out var name) ? name : "The scheme", t.RecordedAt))
            .ToList();
        var mentees = await (from pairing in scope.Pairings(db).AsNoTracking()
                             join programme in db.Programmes on pairing.ProgrammeId equals programme.Id
                             where pairing.MentorId == mentor.Id && pairing.Status == PairingStatus.Active
                             orderby pairing.StartedAt
                             select new ActiveMenteeRow(pairing.Mentee!.DisplayName, programme.Name, pairing.StartedAt))
            .ToListAsync(cancellationToken);
        var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
        return new AdminMentorViewModel(
            mentor,
            addresses.For(mentor.UserId, mentor.DisplayName)?.Email,
            mentor.Programmes.Select(p => p.Name).Order(StringComparer.Ordinal).ToList(),
            TrainingText.Describe(mentor.TrainingCompletedOn, mentor.TrainingExpiresOn, today),
            mentor.IsListed(today),
            mentor.WhyNotMatchable(today),
            training,
            mentees,
            trainingForm,
            capacityForm);
    }
}
