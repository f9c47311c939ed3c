using System.Diagnostics;
using System.Threading.Channels;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Cohort;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>The runs waiting for <see cref="CohortRunner"/>: the request thread only queues a run's id, it never optimises.</summary>
public sealed class CohortRunChannel
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Reader => _channel.Reader;

    public void Enqueue(Guid runId)
    {
        if (!_channel.Writer.TryWrite(runId))
        {
            throw new InvalidOperationException("The cohort matching queue is closed.");
        }
    }
}

/// <summary>
/// Works out cohort proposals in the background, one run at a time: loads the programme's waiting
/// applications and mentors, runs <see cref="CohortMatching.Propose"/> (saving how many applicants
/// are placed now and then, for the progress page), and stores the proposal, or a failure in words.
/// At start it also picks up runs that an earlier instance left queued or running.
/// </summary>
public sealed partial class CohortRunner(CohortRunChannel queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<CohortRunner> logger)
    : BackgroundService
{
    /// <summary>How often, at most, progress is saved while the optimiser works.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            foreach (var left in await LeftOverAsync(stoppingToken))
            {
                await RunSafelyAsync(left, stoppingToken);
            }

            await foreach (var runId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunSafelyAsync(runId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a run left running is picked up at the next start.
        }
    }

    private async Task<IReadOnlyList<Guid>> LeftOverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            return await db.CohortRuns.AsNoTracking()
                .Where(r => r.Status == CohortRunStatus.Queued || r.Status == CohortRunStatus.Running)
                .OrderBy(r => r.StartedAt)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLeftOverFailed(exception);
            return [];
        }
    }

    private async Task RunSafelyAsync(Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(runId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(exception, runId);
        }
    }

    /// <summary>Works out one run's proposal. Public so tests can run one without the queue.</summary>
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var run = await db.CohortRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.IsFinished)
        {
            return;
        }

        try
        {
            var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == run.ProgrammeId, cancellationToken);
            var applications = await db.MenteeApplications.AsNoTracking()
                .Where(a => a.ProgrammeId == run.ProgrammeId && a.Status == ApplicationStatus.Waiting)
                .Include(a => a.Mentee).ThenInclude(m => m!.Goals)
                .Include(a => a.Mentee).ThenInclude(m => m!.Pairings)
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var mentors = (await db.Mentors.AsNoTracking()
                    .Where(m => m.Programmes.Any(p => p.Id == run.ProgrammeId))
                    .OrderBy(m => m.Id)
                    .ToListAsync(cancellationToken))
                .ConvertAll(m => MatchCandidate.From(m, today));
            var applicants = applications.ConvertAll(a => new CohortApplicant(a.Id, a.Mentee!.DisplayName, a.Needs()));

            run.Start(applicants.Count);
            await db.SaveChangesAsync(cancellationToken);

            var progress = new SavingProgress(db, run);
            var proposal = await Task.Run(() => CohortMatching.Propose(applicants, mentors, programme.Weights, programme.MinimumMatchScore,
                CohortChoicesDocument.FromJson(run.ChoicesJson).ToChoices(), progress, cancellationToken), cancellationToken);
            var available = mentors.Where(m => m.Unavailable is null).ToList();
            run.Propose(CohortProposalDocument.From(proposal, available.Count, available.Sum(m => m.FreePlaces)).ToJson(),
                time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException rule)
        {
            run.Fail(rule.Message, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not DbUpdateConcurrencyException)
        {
            LogRunFailed(exception, runId);
            run.Fail("The matching could not be finished because of an unexpected error. Try running it again; if it fails again, "
                + "tell the portal's support team the time it happened.", time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Saves how many applicants are placed, at most every <see cref="ProgressInterval"/>, not at every mentee.</summary>
    private sealed class SavingProgress(PortalDbContext db, CohortRun run) : IProgress<int>
    {
        private readonly Stopwatch _sinceSaved = Stopwatch.StartNew();

        public void Report(int value)
        {
            if (_sinceSaved.Elapsed < ProgressInterval || value >= run.ApplicantCount)
            {
                return;
            }

            run.Progress(value);
            db.SaveChanges();
            _sinceSaved.Restart();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cohort run {RunId} failed")]
    private partial void LogRunFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for cohort runs left queued or running")]
    private partial void LogLeftOverFailed(Exception exception);
}
