using System.Threading.Channels;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>The exports waiting for <see cref="DataExportRunner"/>: the request thread only queues an id.</summary>
public sealed class DataExportChannel
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Reader => _channel.Reader;

    public void Enqueue(Guid exportId)
    {
        if (!_channel.Writer.TryWrite(exportId))
        {
            throw new InvalidOperationException("The data export queue is closed.");
        }
    }
}

/// <summary>
/// Builds "download my data" files in the background, one at a time, and emails the person when
/// theirs is ready. At start it also picks up exports that an earlier instance left queued.
/// </summary>
public sealed partial class DataExportRunner(DataExportChannel queue, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<DataExportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            foreach (var left in await LeftOverAsync(stoppingToken))
            {
                await RunSafelyAsync(left, stoppingToken);
            }

            await foreach (var exportId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunSafelyAsync(exportId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a queued export is picked up at the next start.
        }
    }

    private async Task<IReadOnlyList<Guid>> LeftOverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            return await db.DataExports.AsNoTracking().Where(e => e.Status == DataExportStatus.Queued)
                .OrderBy(e => e.RequestedAt).Select(e => e.Id).ToListAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLeftOverFailed(exception);
            return [];
        }
    }

    private async Task RunSafelyAsync(Guid exportId, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(exportId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogExportFailed(exception, exportId);
        }
    }

    /// <summary>Builds one export. Public so tests can run one without the queue.</summary>
    public async Task RunAsync(Guid exportId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        try
        {
            await db.InOneUnitAsync(unit => BuildAsync(scope.ServiceProvider, db, exportId, unit), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogExportFailed(exception, exportId);
            db.ChangeTracker.Clear();
            var failed = await db.DataExports.SingleAsync(e => e.Id == exportId, cancellationToken);
            failed.Fail();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The file, the export marked ready and the email saying so, in one unit; nothing when it is not queued.</summary>
    private async Task<bool> BuildAsync(IServiceProvider services, PortalDbContext db, Guid exportId, CancellationToken cancellationToken)
    {
        var export = await db.DataExports.SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null || !export.IsQueued)
        {
            return false;
        }

        var zip = await services.GetRequiredService<PersonalDataExport>().BuildZipAsync(export.UserId, cancellationToken);
        export.Complete(zip, time.GetUtcNow().UtcDateTime);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == export.UserId, cancellationToken);
        services.GetRequiredService<PortalEmails>().DataExportReady(new Recipient(user.Email!, user.DisplayName), export.ExpiresAt!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Data export {ExportId} failed")]
    private partial void LogExportFailed(Exception exception, Guid exportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for data exports left queued")]
    private partial void LogLeftOverFailed(Exception exception);
}
