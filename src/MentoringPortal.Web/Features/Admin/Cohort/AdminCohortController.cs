using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using MentoringPortal.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Cohort;

/// <summary>
/// Whole-cohort matching in a programme where the scheme matches: start a run (worked out in the
/// background by <see cref="CohortRunner"/>), read the proposal, pin or drop pairs and run again,
/// and confirm: every pairing starts and both members are emailed, all or nothing.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminCohortController(PortalDbContext db, CohortRunChannel queue, TimeProvider time) : Controller
{
    private const int RecentRuns = 10;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/programmes/{slug}/cohort")]
    public async Task<IActionResult> Index(string slug, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAsync(slug, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(Now);
        var waiting = await db.MenteeApplications.CountAsync(a => a.ProgrammeId == programme.Id && a.Status == ApplicationStatus.Waiting,
            cancellationToken);
        var mentors = await db.Mentors.AsNoTracking().Where(m => m.Programmes.Any(p => p.Id == programme.Id)).ToListAsync(cancellationToken);
        var matchable = mentors.Where(m => m.WhyNotMatchable(today) is null).ToList();
        var runs = await db.CohortRuns.AsNoTracking()
            .Where(r => r.ProgrammeId == programme.Id)
            .OrderByDescending(r => r.StartedAt)
            .Take(RecentRuns)
            .Select(r => new CohortRunRow(r.Id, db.Users.Where(u => u.Id == r.StartedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former administrator",
                r.StartedAt, r.Status))
            .ToListAsync(cancellationToken);
        return View(new CohortViewModel(programme.Id, programme.Slug, programme.Name, waiting, mentors.Count, matchable.Count,
            matchable.Sum(m => m.FreePlaces), programme.Weights, programme.MinimumMatchScore, runs));
    }

    [HttpPost("/admin/programmes/{slug}/cohort")]
    public async Task<IActionResult> Start(string slug, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAsync(slug, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        await FailAbandonedRunsAsync(programme.Id, cancellationToken);

        // A double click (or a second administrator) joins the run already working rather than starting another.
        var noChoices = CohortChoicesDocument.Empty.ToJson();
        var working = await db.CohortRuns.AsNoTracking()
            .Where(r => r.ProgrammeId == programme.Id && (r.Status == CohortRunStatus.Queued || r.Status == CohortRunStatus.Running)
                && r.ChoicesJson == noChoices)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return RunPage(working ?? await QueueAsync(programme.Id, CohortChoicesDocument.Empty, cancellationToken));
    }

    [HttpGet("/admin/cohort-runs/{id:guid}")]
    public async Task<IActionResult> Run(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await RunAsync(id, tracked: false, cancellationToken);
        if (loaded is { Run.IsFinished: false } && loaded.Value.Run.IsAbandoned(Now))
        {
            await FailAbandonedRunsAsync(loaded.Value.Run.ProgrammeId, cancellationToken);
            loaded = await RunAsync(id, tracked: false, cancellationToken);
        }

        return loaded is null ? NotFound() : View(RunViewModel(loaded.Value.Run, loaded.Value.Programme, form: null));
    }

    /// <summary>How far a working run has got, for the progress page's script (the page itself works without it).</summary>
    [HttpGet("/admin/cohort-runs/{id:guid}/progress")]
    public async Task<IActionResult> Progress(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await RunAsync(id, tracked: false, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var run = loaded.Value.Run;
        return Json(new { placed = run.Placed, applicants = run.ApplicantCount, finished = run.IsFinished || run.IsAbandoned(Now) });
    }

    /// <summary>
    /// A run that has worked for far longer than any cohort takes was stopped (the app restarted, or
    /// the database failed mid-run): it is marked failed so the administrator can start again.
    /// </summary>
    private async Task FailAbandonedRunsAsync(int programmeId, CancellationToken cancellationToken)
    {
        var now = Now;
        var working = await db.CohortRuns
            .Where(r => r.ProgrammeId == programmeId && (r.Status == CohortRunStatus.Queued || r.Status == CohortRunStatus.Running))
            .ToListAsync(cancellationToken);
        var abandoned = working.Where(r => r.IsAbandoned(now)).ToList();
        if (abandoned.Count == 0)
        {
            return;
        }

        foreach (var run in abandoned)
        {
            run.Fail("This run stopped before it finished. Nothing was saved; start a new run.", now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The runner (or another page) changed it at the same moment: whatever it did stands.
        }

        db.ChangeTracker.Clear();
    }

    [HttpPost("/admin/cohort-runs/{id:guid}/rerun")]
    public async Task<IActionResult> Rerun(Guid id, CohortChoicesForm form, CancellationToken cancellationToken)
    {
        var loaded = await RunAsync(id, tracked: false, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var (run, programme) = loaded.Value;
        var proposal = CohortProposalDocument.FromJson(run.ProposalJson);
        if (proposal is null)
        {
            return RunPage(run.Id);
        }

        // Only pairs of this proposal can be pinned or dropped; earlier drops stay dropped.
        var proposed = proposal.Pairs.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var pins = form.Pin.Where(proposed.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        var drops = form.Drop.Where(proposed.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        foreach (var both in pins.Intersect(drops, StringComparer.Ordinal))
        {
            var pair = proposed[both];
            ModelState.AddModelError(string.Empty,
                $"{pair.ApplicantName} with {pair.MentorName} is ticked both to pin and to drop. Untick one of them.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Run), RunViewModel(run, programme, form));
        }

        var earlier = CohortChoicesDocument.FromJson(run.ChoicesJson);
        var choices = new CohortChoicesDocument(
            pins.Select(k => CohortChoicesDocument.ParseKey(k)!.Value).ToList(),
            earlier.Dropped.Concat(drops.Select(k => CohortChoicesDocument.ParseKey(k)!.Value)).Distinct().ToList());
        return RunPage(await QueueAsync(programme.Id, choices, cancellationToken));
    }

    [HttpGet("/admin/cohort-runs/{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await RunAsync(id, tracked: false, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var (run, programme) = loaded.Value;
        var proposal = CohortProposalDocument.FromJson(run.ProposalJson);
        if (run.Status != CohortRunStatus.Proposed || proposal is null)
        {
            return RunPage(run.Id);
        }

        return View(new CohortConfirmViewModel(run.Id, programme.Slug, programme.Name, proposal, [], AlreadyConfirmed: false));
    }

    [HttpPost("/admin/cohort-runs/{id:guid}/confirm")]
    public async Task<IActionResult> ConfirmPost(Guid id, [FromServices] ConfirmCohort confirmCohort, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        switch (await confirmCohort.RunAsync(id, scope, User.Id(), cancellationToken))
        {
            case CohortConfirmation.Confirmed confirmed:
                TempData["Success"] = confirmed.Pairings == 1
                    ? "1 mentor has been asked to accept their proposed mentee, with a place kept meanwhile. Both have been emailed."
                    : $"{confirmed.Pairings} mentors have been asked to accept their proposed mentees, with a place kept meanwhile. "
                        + "Each mentor and applicant has been emailed.";
                return RunPage(confirmed.RunId);
            case CohortConfirmation.Refused refused:
                return Refused(refused.Run, refused.Programme, refused.Proposal, refused.Problems, refused.AlreadyConfirmed);
            case CohortConfirmation.NotProposed notProposed:
                return RunPage(notProposed.RunId);
            default:
                return NotFound();
        }
    }

    private ViewResult Refused(CohortRun run, Programme programme, CohortProposalDocument proposal, IReadOnlyList<string> problems,
        bool alreadyConfirmed)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Confirm), new CohortConfirmViewModel(run.Id, programme.Slug, programme.Name, proposal, problems, alreadyConfirmed));
    }

    private async Task<Guid> QueueAsync(int programmeId, CohortChoicesDocument choices, CancellationToken cancellationToken)
    {
        var run = new CohortRun(Guid.NewGuid(), programmeId, User.Id(), choices.ToJson(), Now);
        db.CohortRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(run.Id);
        return run.Id;
    }

    /// <summary>303 See Other: after a POST, the browser GETs the run's page.</summary>
    private StatusCodeResult RunPage(Guid runId)
    {
        Response.Headers.Location = $"/admin/cohort-runs/{runId}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private static CohortRunViewModel RunViewModel(CohortRun run, Programme programme, CohortChoicesForm? form)
    {
        var proposal = CohortProposalDocument.FromJson(run.ProposalJson);
        var choices = CohortChoicesDocument.FromJson(run.ChoicesJson);
        var pinned = form?.Pin ?? proposal?.Pairs.Where(p => p.Pinned).Select(p => p.Key) ?? [];
        return new CohortRunViewModel(run.Id, programme.Slug, programme.Name, run.Status, run.Placed, run.ApplicantCount, run.StartedAt,
            run.ConfirmedAt, run.Failure, proposal, pinned.ToHashSet(StringComparer.Ordinal),
            (form?.Drop ?? []).ToHashSet(StringComparer.Ordinal), choices.Dropped.Count);
    }

    /// <summary>A programme where the scheme matches, within the administrator's scope; otherwise null (a 404).</summary>
    private async Task<Programme?> ProgrammeAsync(string slug, CancellationToken cancellationToken)
    {
        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        return await scope.Programmes(db).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Slug == slug && p.MatchingMode == MatchingMode.SchemeMatches, cancellationToken);
    }

    /// <summary>The run and its programme, when the programme is in the administrator's scope; otherwise null (a 404).</summary>
    private async Task<(CohortRun Run, Programme Programme)?> RunAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var runs = tracked ? db.CohortRuns : db.CohortRuns.AsNoTracking();
        var run = await runs.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var scope = await AdminScope.ForAsync(db, User, cancellationToken);
        var programme = await scope.Programmes(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == run.ProgrammeId, cancellationToken);
        return programme is null ? null : (run, programme);
    }
}
