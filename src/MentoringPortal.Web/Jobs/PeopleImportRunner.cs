using System.Threading.Channels;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Import;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>Wakes <see cref="PeopleImportRunner"/> when a batch is confirmed, so it starts at once rather than at its next look.</summary>
public sealed class PeopleImportSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public ChannelReader<bool> Reader => _channel.Reader;

    public void Wake() => _channel.Writer.TryWrite(true);
}

/// <summary>
/// Imports confirmed batches of people in the background, a chunk at a time (<see cref="ImportPeople"/>), and deletes
/// batches whose time is up. Every instance runs one; a batch is worked on by the instance holding its lease, renewed at
/// every chunk, so a batch left by an instance that stopped is taken over when the lease runs out, from its first row
/// not yet done.
/// </summary>
public sealed partial class PeopleImportRunner(PeopleImportSignal signal, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<PeopleImportRunner> logger) : BackgroundService
{
    /// <summary>How often the runner looks for batches without being woken (confirmed on another instance, or left by one that stopped).</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(20);

    /// <summary>Far longer than one chunk takes; an instance that stops holds a batch at most this long.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _pass = new(1, 1);

    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunWaitingAsync(stoppingToken);
                    await DeleteExpiredAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRunFailed(exception);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(LookEvery);
                try
                {
                    await signal.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Time for the next look.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the batch's lease runs out and this or another instance carries on from the next row.
        }
    }

    /// <summary>Imports every confirmed batch no other instance holds. Public so tests and the bench can run it without waiting.</summary>
    public async Task RunWaitingAsync(CancellationToken cancellationToken)
    {
        // One pass at a time in this instance: a caller arriving during a pass waits for it, then finds what is left.
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await RunWaitingOnceAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    private async Task RunWaitingOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            waiting = await db.ImportBatches.AsNoTracking()
                .Where(b => b.Status == ImportBatchStatus.Confirmed && (b.LeasedUntil == null || b.LeasedUntil < now || b.LeasedBy == _instance))
                .OrderBy(b => b.ConfirmedAt).Select(b => b.Id).ToListAsync(cancellationToken);
        }

        foreach (var batchId in waiting)
        {
            await RunBatchAsync(batchId, cancellationToken);
        }
    }

    private async Task RunBatchAsync(Guid batchId, CancellationToken cancellationToken)
    {
        try
        {
            while (await ClaimAsync(batchId, cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<ImportPeople>().RunChunkAsync(batchId, cancellationToken))
                {
                    return;
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance imported these rows after its lease ran out under this one: it carries on, this one stops.
            LogTakenOver(batchId);
        }
    }

    /// <summary>Takes or renews the batch's lease; false when another instance holds it or it is no longer waiting.</summary>
    private async Task<bool> ClaimAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        return await db.ImportBatches
            .Where(b => b.Id == batchId && b.Status == ImportBatchStatus.Confirmed
                && (b.LeasedUntil == null || b.LeasedUntil < now || b.LeasedBy == _instance))
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.LeasedUntil, until).SetProperty(b => b.LeasedBy, _instance), cancellationToken) == 1;
    }

    /// <summary>Previews never confirmed, and finished batches' rows, are kept for <see cref="ImportBatch.KeptFor"/> and then deleted.</summary>
    private async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var expired = await db.ImportBatches.Where(b => b.Status != ImportBatchStatus.Confirmed && b.ExpiresAt < now)
            .OrderBy(b => b.ExpiresAt).Select(b => b.Id).Take(100).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        await db.ImportRows.Where(r => expired.Contains(r.BatchId)).ExecuteDeleteAsync(cancellationToken);
        await db.ImportBatches.Where(b => expired.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {BatchId} was taken over by another instance")]
    private partial void LogTakenOver(Guid batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing people failed; the runner tries again at its next look")]
    private partial void LogRunFailed(Exception exception);
}
