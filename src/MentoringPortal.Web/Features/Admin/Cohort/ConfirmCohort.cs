using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Admin.Applications;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Cohort;

/// <summary>
/// Confirms a cohort run's proposal, all or nothing: each proposed mentor is asked to accept their
/// applicant (a place held until they answer), both are emailed, and the audit log records the
/// scores the administrator confirmed. When anything in the proposal changed since it was worked out
/// (an application withdrawn, a mentor full), nothing is saved and the administrator is told what.
/// </summary>
public sealed class ConfirmCohort(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<CohortConfirmation> RunAsync(Guid runId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => ConfirmAsync(runId, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsConstraintViolation())
        {
            // Another confirmation, a withdrawal or a capacity change won the race: say which, from what is saved now.
            db.ChangeTracker.Clear();
            var loaded = await LoadAsync(runId, scope, tracked: false, cancellationToken);
            if (loaded is not { Proposal: { } proposal } run)
            {
                return new CohortConfirmation.NotFound();
            }

            return run.Run.Status == CohortRunStatus.Confirmed
                ? new CohortConfirmation.Refused(run.Run, run.Programme, proposal, [], AlreadyConfirmed: true)
                : new CohortConfirmation.Refused(run.Run, run.Programme, proposal,
                    ["A mentor or an application in this proposal changed at the same moment (someone else matched, withdrew or changed capacity), "
                        + "so nothing was confirmed."], AlreadyConfirmed: false);
        }
    }

    private async Task<CohortConfirmation> ConfirmAsync(Guid runId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(runId, scope, tracked: true, cancellationToken) is not { } loaded)
        {
            return new CohortConfirmation.NotFound();
        }

        var (run, programme, proposal) = loaded;
        if (run.Status == CohortRunStatus.Confirmed && proposal is not null)
        {
            return new CohortConfirmation.Refused(run, programme, proposal, [], AlreadyConfirmed: true);
        }

        if (run.Status != CohortRunStatus.Proposed || proposal is null)
        {
            return new CohortConfirmation.NotProposed(run.Id);
        }

        if (proposal.Pairs.Count == 0)
        {
            return new CohortConfirmation.Refused(run, programme, proposal, ["This proposal has no pairs to confirm."], AlreadyConfirmed: false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (matches, problems) = await MatchEveryPairAsync(proposal, programme, now, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();

            // A confirmation of this run that committed while this one read is why its pairs are taken: say that.
            var confirmedMeanwhile = await db.CohortRuns.AsNoTracking()
                .AnyAsync(r => r.Id == runId && r.Status == CohortRunStatus.Confirmed, cancellationToken);
            return new CohortConfirmation.Refused(run, programme, proposal, confirmedMeanwhile ? [] : problems, AlreadyConfirmed: confirmedMeanwhile);
        }

        run.Confirm(now);

        foreach (var match in matches)
        {
            await MatchAnnouncement.ProposedAsync(db, emails, administratorUserId, match.Application, match.Proposal, programme, match.Score, now,
                cancellationToken);
        }

        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.CohortConfirmed, programme.Name, null,
            $"{matches.Count} mentors asked to accept their proposed mentee, {proposal.Unmatched.Count} applicants left unmatched; total score {proposal.TotalScore}, "
            + $"minimum score {proposal.MinimumScore}", now, programme.Id));
        await db.SaveChangesAsync(cancellationToken);
        return new CohortConfirmation.Confirmed(run.Id, matches.Count);
    }

    private async Task<(List<Match> Matches, List<string> Problems)> MatchEveryPairAsync(CohortProposalDocument proposal, Programme programme,
        DateTime now, CancellationToken cancellationToken)
    {
        var applicationIds = proposal.Pairs.Select(p => p.ApplicationId).ToList();
        var mentorIds = proposal.Pairs.Select(p => p.MentorId).Distinct().ToList();
        var applications = await db.MenteeApplications
            .Where(a => applicationIds.Contains(a.Id) && a.ProgrammeId == programme.Id)
            .ReadyToMatch()
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var mentors = await db.Mentors.Include(m => m.Programmes)
            .Where(m => mentorIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        var matches = new List<Match>();
        var problems = new List<string>();
        foreach (var pair in proposal.Pairs)
        {
            if (!applications.TryGetValue(pair.ApplicationId, out var application) || !application.IsWaiting)
            {
                var status = application?.Status.Describe().ToLowerInvariant() ?? "removed";
                problems.Add($"{pair.ApplicantName}'s application is no longer waiting (now {status}).");
                continue;
            }

            if (!mentors.TryGetValue(pair.MentorId, out var mentor))
            {
                problems.Add($"{pair.MentorName} no longer mentors in {programme.Name}.");
                continue;
            }

            try
            {
                // Scored as proposed: worked out again here, a mentor's second mentee would score lower for the place the first one took.
                matches.Add(new Match(application, mentor, application.Propose(mentor, programme, now), new MatchScore(pair.Score, pair.MaxScore, pair.Reasons)));
            }
            catch (DomainRuleException rule)
            {
                problems.Add($"{pair.ApplicantName} with {pair.MentorName}: {rule.Message}");
            }
        }

        return (matches, problems);
    }

    private async Task<LoadedRun?> LoadAsync(Guid runId, AdminScope scope, bool tracked, CancellationToken cancellationToken)
    {
        var runs = tracked ? db.CohortRuns : db.CohortRuns.AsNoTracking();
        var run = await runs.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var programme = await scope.Programmes(db).SingleOrDefaultAsync(p => p.Id == run.ProgrammeId, cancellationToken);
        return programme is null ? null : new LoadedRun(run, programme, CohortProposalDocument.FromJson(run.ProposalJson));
    }

    private sealed record LoadedRun(CohortRun Run, Programme Programme, CohortProposalDocument? Proposal);

    private sealed record Match(MenteeApplication Application, Domain.Mentors.Mentor Mentor, MentorProposal Proposal, MatchScore Score);
}

/// <summary>What confirming a cohort came to, for the controller to show.</summary>
public abstract record CohortConfirmation
{
    private CohortConfirmation()
    {
    }

    /// <summary>No such run within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : CohortConfirmation;

    /// <summary>The run has no proposal to confirm (still working, failed): its page says why.</summary>
    public sealed record NotProposed(Guid RunId) : CohortConfirmation;

    /// <summary>Nothing was saved; the problems say why, or the run had already been confirmed.</summary>
    public sealed record Refused(CohortRun Run, Programme Programme, CohortProposalDocument Proposal, IReadOnlyList<string> Problems,
        bool AlreadyConfirmed) : CohortConfirmation;

    public sealed record Confirmed(Guid RunId, int Pairings) : CohortConfirmation;
}
