using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentorSignUp;

/// <summary>Any signed-in person offers to mentor; the offer waits for the scheme's approval.</summary>
[Authorize]
public sealed class MentorSignUpController(
    PortalDbContext db,
    PortalEmails emails,
    TimeProvider time) : Controller
{
    private const string Path = "/mentor/sign-up";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        switch (mentor?.Approval)
        {
            case MentorApproval.Approved:
                return Redirect("/mentor/availability");
            case MentorApproval.Waiting:
                return View("Waiting", Waiting(mentor));
            case MentorApproval.Declined:
                return View(await ViewModelAsync(MentorSignUpForm.From(mentor), mentor.DeclineMessage, cancellationToken));
            default:
                var userId = User.Id();
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
                return View(await ViewModelAsync(new MentorSignUpForm { DisplayName = name }, null, cancellationToken));
        }
    }

    [HttpPost(Path)]
    public async Task<IActionResult> Index(MentorSignUpForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        if (mentor?.Approval == MentorApproval.Approved)
        {
            return Redirect("/mentor/availability");
        }

        if (mentor?.Approval == MentorApproval.Waiting)
        {
            // A second click of the same form: the first one already sent it.
            return Redirect(Path);
        }

        if (form.MeetingModes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.MeetingModes), "Choose at least one way you can meet.");
        }

        var chosen = await db.Programmes.Where(p => form.ProgrammeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(form.ProgrammeIds), "Choose at least one programme you would like to mentor in.");
        }

        var userId = User.Id();
        if (ModelState.IsValid && ModelState.TryApply(string.Empty, () =>
            {
                if (mentor is null)
                {
                    db.Mentors.Add(Mentor.SignUp(userId, form.ToProfile(), form.Capacity, form.TrainingDeclared, chosen, Now));
                }
                else
                {
                    mentor.Resubmit(form.ToProfile(), form.Capacity, form.TrainingDeclared, chosen, Now);
                }
            }))
        {
            await TellAdministratorsAsync(form.DisplayName, chosen, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
            {
                // Sent twice at the same moment: the first one counts.
                TempData["Problem"] = "Your offer to mentor had already been sent. Here is what the scheme has.";
                return Redirect(Path);
            }

            TempData["Success"] = "Thank you. Your offer to mentor has been sent. It now waits for the scheme's approval, and we will email you when they have decided.";
            return Redirect(Path);
        }

        return View(await ViewModelAsync(form, mentor?.DeclineMessage, cancellationToken));
    }

    private async Task TellAdministratorsAsync(string mentorName, IReadOnlyCollection<Programme> programmes, CancellationToken cancellationToken)
    {
        foreach (var administrator in await db.OfProgrammesAsync([.. programmes.Select(p => p.Id)], cancellationToken))
        {
            emails.MentorSignUpWaiting(administrator, mentorName);
        }
    }

    private Task<Mentor?> FindMentorAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.Mentors.Include(m => m.Programmes).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    private async Task<MentorSignUpViewModel> ViewModelAsync(MentorSignUpForm form, string? declineMessage, CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProgrammeChoice(p.Id, p.Name, p.Summary)).ToListAsync(cancellationToken);
        return new MentorSignUpViewModel(form, programmes, declineMessage);
    }

    private static MentorSignUpWaitingViewModel Waiting(Mentor mentor) => new(
        mentor.SignedUpAt, mentor.DisplayName, mentor.Specialty, mentor.Grade, mentor.Region, mentor.Capacity, mentor.TrainingDeclared,
        mentor.Programmes.Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
}
