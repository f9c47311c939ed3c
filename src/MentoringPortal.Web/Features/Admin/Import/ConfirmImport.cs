using System.Globalization;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// An administrator confirms a previewed batch: the valid rows are imported in the background by
/// <see cref="PeopleImportRunner"/>, and rows with errors are skipped. The confirmation is audited with its counts; a
/// double click confirms once.
/// </summary>
public sealed class ConfirmImport(PortalDbContext db, PeopleImportSignal signal, TimeProvider time)
{
    public async Task<ImportConfirmation> RunAsync(Guid batchId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var outcome = await db.InOneUnitAsync(unit => ConfirmAsync(batchId, scope, administratorUserId, unit), cancellationToken);
            if (outcome is ImportConfirmation.Confirmed)
            {
                signal.Wake();
            }

            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ImportConfirmation.Confirmed();
        }
    }

    private async Task<ImportConfirmation> ConfirmAsync(Guid batchId, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null || !scope.Covers(batch.ProgrammeId))
        {
            return new ImportConfirmation.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (batch.Status != ImportBatchStatus.Previewed)
        {
            return new ImportConfirmation.Confirmed();
        }

        if (!batch.CanBeConfirmed(now))
        {
            return new ImportConfirmation.Refused(batch.ToImport == 0
                ? "Every row of this file has an error, so there is nobody to import. Correct the file and upload it again."
                : "This preview has expired. Upload the file again to check it against the portal as it is now.");
        }

        batch.Confirm(administratorUserId, now);
        string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.PeopleImportConfirmed,
            $"{(batch.Kind == PeopleKind.Mentors ? "Mentors" : "Mentees")} from {batch.FileName}", null,
            $"{N(batch.NewCount)} new, {N(batch.ExistingCount)} already in the portal, {N(batch.ErrorCount)} rows with errors skipped",
            now, batch.ProgrammeId));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportConfirmation.Confirmed();
    }
}

/// <summary>What confirming a batch came to, for the controller to show.</summary>
public abstract record ImportConfirmation
{
    private ImportConfirmation()
    {
    }

    public sealed record NotFound : ImportConfirmation;

    public sealed record Refused(string Reason) : ImportConfirmation;

    /// <summary>The batch is confirmed (now, or already before): its progress page shows the rest.</summary>
    public sealed record Confirmed : ImportConfirmation;
}
