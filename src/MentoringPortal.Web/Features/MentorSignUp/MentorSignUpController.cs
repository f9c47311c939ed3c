using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentorSignUp;

/// <summary>Any signed-in person offers to mentor; the offer waits for the scheme's approval.</summary>
[Authorize]
public sealed class MentorSignUpController(PortalDbContext db) : Controller
{
    private const string Path = "/mentor/sign-up";

    private const string NoProgramme = "Choose at least one programme you would like to mentor in.";

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
    public async Task<IActionResult> Index(MentorSignUpForm form, [FromServices] OfferToMentor offerToMentor, CancellationToken cancellationToken)
    {
        if (form.MeetingModes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.MeetingModes), "Choose at least one way you can meet.");
        }

        if (form.ProgrammeIds.Count == 0)
        {
            ModelState.AddModelError(nameof(form.ProgrammeIds), NoProgramme);
        }

        if (ModelState.IsValid)
        {
            switch (await offerToMentor.RunAsync(User.Id(), form.ToProfile(), form.Capacity, form.TrainingDeclared, [.. form.ProgrammeIds],
                        cancellationToken))
            {
                case MentorOffer.Sent:
                    TempData["Success"] = "Thank you. Your offer to mentor has been sent. It now waits for the scheme's approval, and we will email you when they have decided.";
                    return Redirect(Path);
                case MentorOffer.SentMeanwhile:
                    TempData["Problem"] = "Your offer to mentor had already been sent. Here is what the scheme has.";
                    return Redirect(Path);
                case MentorOffer.AlreadyApproved:
                    return Redirect("/mentor/availability");
                case MentorOffer.AlreadySent:
                    return Redirect(Path);
                case MentorOffer.NoProgramme:
                    ModelState.AddModelError(nameof(form.ProgrammeIds), NoProgramme);
                    break;
                case MentorOffer.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
            }
        }

        return await FormAgainAsync(form, cancellationToken);
    }

    /// <summary>The form again with its errors, unless the offer was made or approved meanwhile.</summary>
    private async Task<IActionResult> FormAgainAsync(MentorSignUpForm form, CancellationToken cancellationToken)
    {
        var mentor = await FindMentorAsync(cancellationToken);
        return mentor?.Approval switch
        {
            MentorApproval.Approved => Redirect("/mentor/availability"),
            MentorApproval.Waiting => Redirect(Path),
            _ => View(await ViewModelAsync(form, mentor?.DeclineMessage, cancellationToken)),
        };
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
