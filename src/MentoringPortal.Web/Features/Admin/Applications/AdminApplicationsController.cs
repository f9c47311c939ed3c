using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Applications;

/// <summary>The queue of mentees' applications: read one, match it with a suggested mentor, or decline it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminApplicationsController(PortalDbContext db, MatchSuggestions suggestions, PortalEmails emails, TimeProvider time)
    : Controller
{
    private const string RaceMessage =
        "The mentor was just matched with someone else or became full, so this match was not made. Choose another mentor from the suggestions.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/applications")]
    public async Task<IActionResult> Index([FromQuery] ApplicationQueueQuery query, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var applications = scope.Applications(db).AsNoTracking().Where(a => a.Status == query.Status);
        if (query.Programme is { } programmeId)
        {
            applications = applications.Where(a => a.ProgrammeId == programmeId);
        }

        var total = await applications.CountAsync(cancellationToken);
        var pageCount = Pagination.PageCountFor(total, ApplicationQueueViewModel.PageSize);
        var page = Pagination.Clamp(query.Page, pageCount);
        var rows = await applications
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * ApplicationQueueViewModel.PageSize)
            .Take(ApplicationQueueViewModel.PageSize)
            .Select(a => new QueueRow(a.Id, a.Mentee!.DisplayName, a.Programme!.Name, a.SubmittedAt,
                a.Mentee.Goals.Count(g => g.Status == GoalStatus.Open), a.Status))
            .ToListAsync(cancellationToken);
        var programmes = await scope.Programmes(db).AsNoTracking()
            .Where(p => p.MatchingMode == Domain.Programmes.MatchingMode.SchemeMatches || db.MenteeApplications.Any(a => a.ProgrammeId == p.Id))
            .OrderBy(p => p.Name)
            .Select(p => new ProgrammeFilter(p.Id, p.Name))
            .ToListAsync(cancellationToken);
        var cohorts = await scope.Programmes(db).AsNoTracking()
            .Where(p => p.MatchingMode == Domain.Programmes.MatchingMode.SchemeMatches)
            .OrderBy(p => p.Name)
            .Select(p => new CohortLink(p.Slug, p.Name))
            .ToListAsync(cancellationToken);
        query.Page = page;
        return View(new ApplicationQueueViewModel(query, rows, total, programmes, new Pagination(page, pageCount, query.Url, "Pages of applications"),
            cohorts));
    }

    [HttpGet("/admin/applications/{id:int}")]
    public async Task<IActionResult> Application(int id, bool all = false, CancellationToken cancellationToken = default)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        SuggestionsViewModel? suggested = null;
        if (application.IsWaiting)
        {
            var programme = application.Programme!;
            var ranking = await suggestions.RankAsync(programme, application.Needs(), cancellationToken);
            var shown = all ? ranking.Suggestions : ranking.Suggestions.Take(SuggestionsViewModel.Shown).ToList();
            suggested = new SuggestionsViewModel(shown, ranking.Exclusions.Count, programme.Weights,
                mentorId => $"/admin/applications/{id}/match/{mentorId}",
                $"/admin/programmes/{programme.Id}/edit",
                !all && ranking.Suggestions.Count > SuggestionsViewModel.Shown ? $"/admin/applications/{id}?all=true" : null);
        }

        var proposals = application.Proposals.OrderByDescending(p => p.ProposedAt)
            .Select(p => new ProposalLine(p.Mentor!.DisplayName, p.Status, p.ProposedAt, p.AnswerBy, p.AnsweredAt,
                p.DeclineReason is { } reason ? (p.DeclineNote is { } note ? $"{reason.ForMentor()}: {note}" : reason.ForMentor()) : null))
            .ToList();
        return View(new ApplicationViewModel(Facts(application), suggested, proposals));
    }

    [HttpGet("/admin/applications/{id:int}/match/{mentorId:int}")]
    public async Task<IActionResult> Match(int id, int mentorId, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        var model = await MatchViewModelAsync(application, mentorId, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("/admin/applications/{id:int}/match/{mentorId:int}")]
    public async Task<IActionResult> ConfirmMatch(int id, int mentorId, [FromServices] MatchApplicant matchApplicant,
        CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        switch (await matchApplicant.RunAsync(id, mentorId, scope, User.Id(), cancellationToken))
        {
            case ApplicantMatch.Proposed proposed:
                TempData["Success"] = $"{proposed.MenteeName} has been proposed to {proposed.MentorName} in {proposed.ProgrammeName}, who has until "
                    + $"{UkTime.DescribeMoment(proposed.AnswerBy)} to accept. A place is kept for {proposed.MenteeName} meanwhile; both have been emailed.";
                return Redirect("/admin/applications");
            case ApplicantMatch.DealtWithElsewhere:
                TempData["Problem"] = "This application was dealt with by someone else at the same moment. See its state in the queue.";
                return Redirect("/admin/applications");
            case ApplicantMatch.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                return await MatchPageAsync(id, mentorId, cancellationToken);
            case ApplicantMatch.MentorTaken:
                ModelState.AddModelError(string.Empty, RaceMessage);
                return await MatchPageAsync(id, mentorId, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> MatchPageAsync(int id, int mentorId, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        var model = application is null ? null : await MatchViewModelAsync(application, mentorId, cancellationToken);
        return model is null ? NotFound() : View(nameof(Match), model);
    }

    [HttpGet("/admin/applications/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        return application is null ? NotFound() : View(new DeclineApplicationViewModel(Facts(application), new DeclineApplicationForm()));
    }

    [HttpPost("/admin/applications/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineApplicationForm form, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        var now = Now;
        if (ModelState.IsValid && ModelState.TryApply(nameof(form.Message), () => application.Decline(form.Message!, now)))
        {
            var mentee = application.Mentee!;
            var addresses = await db.EmailsAsync([mentee.UserId], cancellationToken);
            if (addresses.For(mentee.UserId, mentee.DisplayName) is { } to)
            {
                emails.ApplicationDeclined(to, application.Programme!.Name, application.DecisionMessage!);
            }

            db.AuditEntries.Add(new AuditEntry(User.Id(), AuditActions.ApplicationDeclined, $"{mentee.DisplayName} ({application.Programme!.Name})",
                ApplicationStatus.Waiting.Describe(), application.DecisionMessage, now, application.ProgrammeId));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"{mentee.DisplayName}'s application has been declined and they have been emailed.";
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Problem"] = "This application was dealt with at the same moment (perhaps withdrawn or matched). See its state in the queue.";
            }

            return Redirect("/admin/applications");
        }

        return View(new DeclineApplicationViewModel(Facts(application), form));
    }

    /// <summary>The application with what matching reads, when it is in the administrator's programmes; otherwise null (a 404).</summary>
    private async Task<MenteeApplication?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await scope.Applications(db)
            .Include(a => a.Programme)
            .ReadyToMatch()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private async Task<MatchViewModel?> MatchViewModelAsync(MenteeApplication application, int mentorId, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == mentorId && m.Programmes.Any(p => p.Id == application.ProgrammeId), cancellationToken);
        if (mentor is null)
        {
            return null;
        }

        var needs = application.Needs();
        var candidate = MatchCandidate.From(mentor, DateOnly.FromDateTime(Now));
        var excluded = MatchScoring.WhyExcluded(needs, candidate);
        var suggestion = excluded is null ? MatchScoring.Score(needs, candidate, application.Programme!.Weights) : null;
        return new MatchViewModel(Facts(application), mentor.Id, mentor.DisplayName, suggestion, excluded);
    }

    private static ApplicantFacts Facts(MenteeApplication application)
    {
        var mentee = application.Mentee!;
        return new ApplicantFacts(application.Id, application.ProgrammeId, application.Programme!.Name, mentee.DisplayName, mentee.Specialty,
            mentee.Grade, mentee.Region, mentee.Background, mentee.Organisation, application.Needs().Goals, application.Statement,
            application.PreferredModes, application.AvoidOwnOrganisation, application.ConflictList, application.SubmittedAt,
            application.Status, application.DecisionMessage);
    }
}
