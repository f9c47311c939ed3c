using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Admin;
using MentoringPortal.Web.Features.Shared;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.AdminMentors;

/// <summary>The scheme approves mentors and keeps their training records and capacity. Facts only, never mentoring content.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/mentors")]
public sealed class AdminMentorsController(PortalDbContext db, PortalEmails emails, UserManager<PortalUser> users, TimeProvider time) : Controller
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
        var soon = today.AddDays(Mentor.TrainingReminderDays);
        var mentors = scope.Mentors(db).AsNoTracking();
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
    public async Task<IActionResult> ApproveConfirmed(int id, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var before = mentor.Approval.ToString();
        if (!ModelState.TryApply(string.Empty, () => mentor.Approve(Now)))
        {
            return View(nameof(Approve), await DecisionViewModelAsync(mentor, new DeclineForm(), cancellationToken));
        }

        Audit(mentor, AuditActions.MentorApproved, before, MentorApproval.Approved.ToString());
        var user = mentor.UserId is null ? null : await users.FindByIdAsync(mentor.UserId);
        if (user?.Email is { } email)
        {
            emails.MentorApproved(new Recipient(email, mentor.DisplayName), mentor.IsListed(Today));
        }

        try
        {
            if (user is not null && !await users.IsInRoleAsync(user, Roles.Mentor))
            {
                // The user store saves this context: the approval, the role, the email and the audit row in one SaveChanges.
                var added = await users.AddToRoleAsync(user, Roles.Mentor);
                if (!added.Succeeded)
                {
                    return ChangedMeanwhileRedirect(id);
                }

                // A role change ends the person's sessions, like every role change: they sign in again as a mentor.
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhileRedirect(id);
        }

        TempData["Success"] = $"{mentor.DisplayName} has been approved as a mentor{(user?.Email is null ? "." : " and emailed.")}";
        return Redirect($"/admin/mentors/{id}");
    }

    [HttpGet("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        return mentor is null ? NotFound() : View(await DecisionViewModelAsync(mentor, new DeclineForm(), cancellationToken));
    }

    [HttpPost("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && ModelState.TryApply(nameof(form.Message), () => mentor.Decline(form.Message!, Now)))
        {
            Audit(mentor, AuditActions.MentorDeclined, MentorApproval.Waiting.ToString(), MentorApproval.Declined.ToString());
            var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
            if (addresses.For(mentor.UserId, mentor.DisplayName) is { } recipient)
            {
                emails.MentorDeclined(recipient, mentor.DeclineMessage!);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ChangedMeanwhileRedirect(id);
            }

            TempData["Success"] = $"{mentor.DisplayName}'s sign-up has been declined and your message sent.";
            return Redirect($"/admin/mentors/{id}");
        }

        return View(await DecisionViewModelAsync(mentor, form, cancellationToken));
    }

    [HttpPost("{id:int}/training")]
    public async Task<IActionResult> RecordTraining(int id, [Bind(Prefix = "")] RecordTrainingForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        if (form.CompletedOn is { } completed && form.ExpiresOn <= completed)
        {
            ModelState.AddModelError(nameof(form.ExpiresOn), "The expiry date must be after the date the course was completed.");
        }

        DateOnly? expires = null;
        if (ModelState.IsValid && ModelState.TryApply(nameof(form.CompletedOn), () =>
            {
                expires = form.ExpiresOn ?? (form.IsSchemeCourse ? mentor.SchemeCourseExpiry(form.CompletedOn!.Value) : null);
                mentor.RecordTraining(form.Course!.Trim(), form.IsSchemeCourse, form.CompletedOn!.Value, expires, User.Id(), Now);
            }))
        {
            Audit(mentor, AuditActions.TrainingRecorded, null,
                $"{form.Course!.Trim()}, completed {form.CompletedOn:d MMM yyyy}, {(expires is { } e ? $"expires {e:d MMM yyyy}" : "does not expire")}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ChangedMeanwhileRedirect(id);
            }

            TempData["Success"] = $"Training recorded for {mentor.DisplayName}.";
            return Redirect($"/admin/mentors/{id}");
        }

        db.ChangeTracker.Clear();
        mentor = (await FindAsync(id, cancellationToken))!;
        return View(nameof(Details), await DetailsViewModelAsync(mentor, form, new CapacityForm { Capacity = mentor.Capacity }, cancellationToken));
    }

    [HttpPost("{id:int}/capacity")]
    public async Task<IActionResult> Capacity(int id, [Bind(Prefix = "")] CapacityForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindAsync(id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var before = mentor.Capacity;
        if (ModelState.IsValid && ModelState.TryApply(nameof(form.Capacity), () => mentor.SetCapacity(form.Capacity)))
        {
            if (before != mentor.Capacity)
            {
                Audit(mentor, AuditActions.CapacityChanged, before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    mentor.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ChangedMeanwhileRedirect(id);
            }

            TempData["Success"] = $"{mentor.DisplayName}'s capacity is now {mentor.Capacity}.";
            return Redirect($"/admin/mentors/{id}");
        }

        db.ChangeTracker.Clear();
        mentor = (await FindAsync(id, cancellationToken))!;
        return View(nameof(Details), await DetailsViewModelAsync(mentor, new RecordTrainingForm(), form, cancellationToken));
    }

    /// <summary>The mentor, if they are in one of the administrator's programmes; otherwise null (a 404).</summary>
    private async Task<Mentor?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await scope.Mentors(db).Include(m => m.Programmes).Include(m => m.Training)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>One entry for each of the mentor's programmes, so each programme's administrators see it.</summary>
    private void Audit(Mentor mentor, string action, string? before, string? after)
    {
        var subject = $"{mentor.DisplayName} (mentor {mentor.Id})";
        var programmeIds = mentor.Programmes.Count == 0 ? [null] : mentor.Programmes.Select(p => (int?)p.Id).ToList();
        foreach (var programmeId in programmeIds)
        {
            db.AuditEntries.Add(new AuditEntry(User.Id(), action, subject, before, after, Now, programmeId));
        }
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
                             where pairing.MentorId == mentor.Id && pairing.Status == MentorshipStatus.Active
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
