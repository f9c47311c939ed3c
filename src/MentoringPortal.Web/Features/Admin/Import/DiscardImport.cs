using System.Globalization;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// The administrator who uploaded a file discards its preview before confirming it: the batch and its rows are deleted and
/// the discarding is audited. Another administrator's batch, or one outside the administrator's programmes, is not found;
/// a batch already confirmed or finished is refused and kept.
/// </summary>
public sealed class DiscardImport(PortalDbContext db, TimeProvider time)
{
    private string _fileName = string.Empty;

    public async Task<ImportDiscarding> RunAsync(Guid batchId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            return await db.InOneUnitAsync(unit => DiscardAsync(batchId, scope, administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Confirmed (or discarded by a double click) between reading the batch and deleting it.
            db.ChangeTracker.Clear();
            var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
            return batch?.WhyNotDiscardable() is { } reason
                ? new ImportDiscarding.Refused(batch.FileName, reason)
                : new ImportDiscarding.Discarded(_fileName);
        }
    }

    /// <summary>The batch when the administrator may discard it or be told why not: their own upload, in their programmes.</summary>
    public static async Task<ImportBatch?> OwnBatchAsync(PortalDbContext db, Guid batchId, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        return batch is not null && scope.Covers(batch.ProgrammeId) && batch.UploadedByUserId == administratorUserId ? batch : null;
    }

    private async Task<ImportDiscarding> DiscardAsync(Guid batchId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        var batch = await OwnBatchAsync(db, batchId, scope, administratorUserId, cancellationToken);
        if (batch is null)
        {
            return new ImportDiscarding.NotFound();
        }

        if (batch.WhyNotDiscardable() is { } reason)
        {
            return new ImportDiscarding.Refused(batch.FileName, reason);
        }

        _fileName = batch.FileName;

        await db.ImportRows.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        db.ImportBatches.Remove(batch);
        string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.PeopleImportDiscarded,
            $"{(batch.Kind == PeopleKind.Mentors ? "Mentors" : "Mentees")} from {batch.FileName}",
            $"{N(batch.NewCount)} new, {N(batch.ExistingCount)} already in the portal, {N(batch.ErrorCount)} rows with errors", "Nothing imported",
            time.GetUtcNow().UtcDateTime, batch.ProgrammeId));
        // The batch's status is a concurrency token: a confirmation that got in first makes this throw, and the rows come back.
        await db.SaveChangesAsync(cancellationToken);
        return new ImportDiscarding.Discarded(_fileName);
    }
}

/// <summary>What discarding a preview came to, for the controller to show.</summary>
public abstract record ImportDiscarding
{
    private ImportDiscarding()
    {
    }

    public sealed record NotFound : ImportDiscarding;

    public sealed record Refused(string FileName, string Reason) : ImportDiscarding;

    public sealed record Discarded(string FileName) : ImportDiscarding;
}
