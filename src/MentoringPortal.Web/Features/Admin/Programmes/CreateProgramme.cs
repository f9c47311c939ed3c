using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Programmes;

/// <summary>Creates a programme the form describes and records it in the audit log, in one unit.</summary>
public sealed class CreateProgramme(PortalDbContext db, TimeProvider time)
{
    public async Task<ProgrammeCreation> RunAsync(Func<Programme> build, string administratorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            // Built on each attempt: a retried unit starts again from an empty change tracker.
            return await db.InOneUnitAsync(unit => CreateAsync(build(), administratorUserId, unit), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsConstraintViolation())
        {
            // Another programme took the same web address at the same moment.
            db.ChangeTracker.Clear();
            return new ProgrammeCreation.NameTaken();
        }
    }

    private async Task<ProgrammeCreation> CreateAsync(Programme programme, string administratorUserId, CancellationToken cancellationToken)
    {
        // The programme's id is given at Add, so the audit row that names it is saved with it.
        await db.Programmes.AddAsync(programme, cancellationToken);
        db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.ProgrammeCreated, programme.Name, null,
            $"{ProgrammeText.Settings(programme)}; weights: {ProgrammeText.Weights(programme.Weights)}; minimum score {programme.MinimumMatchScore}",
            time.GetUtcNow().UtcDateTime, programme.Id));
        await db.SaveChangesAsync(cancellationToken);
        return new ProgrammeCreation.Created(programme.Name);
    }
}

/// <summary>How creating a programme ended.</summary>
public abstract record ProgrammeCreation
{
    private ProgrammeCreation()
    {
    }

    /// <summary>A programme with the same web address already exists; nothing was saved.</summary>
    public sealed record NameTaken : ProgrammeCreation;

    /// <summary>The programme exists and the audit log says so.</summary>
    public sealed record Created(string Name) : ProgrammeCreation;
}
