using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

public static class WorkUnit
{
    /// <summary>
    /// Runs a use case's reads and writes as one unit: one transaction, inside EF Core's execution
    /// strategy, so that a provider which retries a transient failure repeats the whole unit from a
    /// clean change tracker rather than half of it. A unit that changes nothing commits nothing.
    /// </summary>
    public static Task<T> InOneUnitAsync<T>(this PortalDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(attempt);
            var result = await work(attempt);
            await transaction.CommitAsync(attempt);
            return result;
        }, cancellationToken);
}
