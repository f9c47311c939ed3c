using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Applications;

/// <summary>A mentee applies to a programme where the scheme matches them with a mentor, and can withdraw.</summary>
[Authorize(Policy = Policies.Mentee)]
public sealed class ApplicationsController(PortalDbContext db, PortalEmails emails, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/programmes/{slug}/apply")]
    public async Task<IActionResult> Apply(string slug, CancellationToken cancellationToken)
    {
        var programme = await FindProgrammeAsync(slug, cancellationToken);
        var mentee = await FindMenteeAsync(cancellationToken);
        if (programme is null || mentee is null)
        {
            return NotFound();
        }

        return View(ViewModel(programme, mentee, ApplicationForm.For(mentee)));
    }

    [HttpPost("/programmes/{slug}/apply")]
    public async Task<IActionResult> Apply(string slug, ApplicationForm form, CancellationToken cancellationToken)
    {
        var programme = await FindProgrammeAsync(slug, cancellationToken);
        var mentee = await FindMenteeAsync(cancellationToken);
        if (programme is null || mentee is null)
        {
            return NotFound();
        }

        if (WhyNotApply(programme, mentee) is not null)
        {
            return View(ViewModel(programme, mentee, form));
        }

        if (ModelState.IsValid && SaveGoals(mentee, form))
        {
            var goalsKey = mentee.Goals.Any(g => g.Status == GoalStatus.Open) ? string.Empty : nameof(form.ShortTermGoal);
            if (ModelState.TryApply(goalsKey, () => mentee.Apply(programme, form.ToChoices(), Now)))
            {
                TempData["Success"] = await SubmitAsync(programme, mentee, cancellationToken);
                return Redirect("/me");
            }
        }

        return View(ViewModel(programme, mentee, form));
    }

    [HttpGet("/me/applications/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        var application = await FindOwnAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        if (!application.IsOpen)
        {
            TempData["Problem"] = $"Your application to {application.Programme!.Name} has already been dealt with, so it cannot be withdrawn.";
            return Redirect("/me");
        }

        return View(new WithdrawViewModel(application.Id, application.Programme!.Name, application.SubmittedAt));
    }

    [HttpPost("/me/applications/{id:int}/withdraw")]
    public async Task<IActionResult> WithdrawConfirmed(int id, CancellationToken cancellationToken)
    {
        var application = await FindOwnAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        var programme = application.Programme!.Name;
        if (!ModelState.TryApply(string.Empty, () => application.Withdraw(Now)))
        {
            TempData["Problem"] = ModelState[string.Empty]!.Errors[0].ErrorMessage;
            return Redirect("/me");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = $"Your application to {programme} has been withdrawn. You can apply again whenever you are ready.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Problem"] = $"The scheme dealt with your application to {programme} at the same moment. See its state below.";
        }

        return Redirect("/me");
    }

    /// <summary>Writes the goals from the form with the same rule as the profile page; a blank box leaves a finished goal alone.</summary>
    /// <summary>Saves the application, its goals and the mentee's copy by email together; the words to show them.</summary>
    private async Task<string> SubmitAsync(Programme programme, Mentee mentee, CancellationToken cancellationToken)
    {
        var to = await db.Users.Where(u => u.Id == mentee.UserId && u.Email != null)
            .Select(u => new Recipient(u.Email!, mentee.DisplayName)).SingleOrDefaultAsync(cancellationToken);
        if (to is not null)
        {
            emails.ApplicationReceived(to, programme.Name);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return $"Thank you: your application to {programme.Name} has been received and is waiting to be matched. "
                + "We have emailed you a copy and will email you again when you have a mentor.";
        }
        catch (DbUpdateException ex) when (ex.IsConstraintViolation())
        {
            // The same form submitted twice at once: the first one was saved.
            return $"Your application to {programme.Name} is already waiting to be matched.";
        }
    }

    private bool SaveGoals(Mentee mentee, ApplicationForm form)
    {
        var now = Now;
        foreach (var horizon in ApplicationGoals.Horizons)
        {
            var text = form.GoalFor(horizon);
            if (string.IsNullOrWhiteSpace(text) && ApplicationGoals.Editable(mentee, horizon) is not { Status: GoalStatus.Open })
            {
                continue;
            }

            if (!ModelState.TryApply(ApplicationForm.FieldFor(horizon), () => mentee.SetGoal(horizon, text, now)))
            {
                return false;
            }
        }

        return true;
    }

    private static ApplyViewModel ViewModel(Programme programme, Mentee mentee, ApplicationForm form) =>
        new(programme.Slug, programme.Name, programme.Summary, mentee.Organisation, WhyNotApply(programme, mentee), form);

    /// <summary>What stops the form from being useful before it is filled in; the domain checks again on saving.</summary>
    private static CannotApply? WhyNotApply(Programme programme, Mentee mentee)
    {
        if (!mentee.HasProfile)
        {
            return new CannotApply("Complete your profile before applying: the scheme matches you on your specialty, stage, region and background.",
                "/me/profile", "Complete your profile");
        }

        if (mentee.HasActivePairingIn(programme.Id))
        {
            return new CannotApply($"You already have a mentor in {programme.Name}.", "/me", "See your mentoring");
        }

        return mentee.Applications.Any(a => a.IsOpen && a.ProgrammeId == programme.Id)
            ? new CannotApply($"Your application to {programme.Name} is already waiting to be matched.", "/me", "See your application")
            : null;
    }

    private async Task<Programme?> FindProgrammeAsync(string slug, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return programme is { TakesApplications: true } ? programme : null;
    }

    private Task<Mentee?> FindMenteeAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.Mentees.Include(m => m.Programmes).Include(m => m.Goals)
            .Include(m => m.Pairings.Where(x => x.Status == PairingStatus.Active))
            .Include(m => m.Applications.Where(a => a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Proposed))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    private Task<MenteeApplication?> FindOwnAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.MenteeApplications.Include(a => a.Programme)
            .Include(a => a.Proposals.Where(p => p.Status == ProposalStatus.Waiting)).ThenInclude(p => p.Mentor)
            .SingleOrDefaultAsync(a => a.Id == id && a.Mentee!.UserId == userId, cancellationToken);
    }
}
