using System.Linq.Expressions;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Brings every mentor's stored <see cref="Mentor.DirectoryState"/> up to date when only the date has moved (training
/// expired, a pause ended) or a programme changed whether its mentees choose (ADR-015). Set-based updates in one
/// unit that touch only rows whose stored value is wrong, so instances running it at the same moment agree. It does
/// not bump <see cref="Mentor.Version"/>: the state is derived, and a mentor saving their own change at that moment
/// should not be refused for it.
/// </summary>
public sealed class DirectoryStateRefresh(PortalDbContext db, TimeProvider time)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        db.InOneUnitAsync(RefreshAsync, cancellationToken);

    /// <summary>The same, inside a unit the caller runs (a programme's matching mode changed in it).</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // Rows from before the stored columns existed; afterwards only the domain changes places.
        var moved = await db.Mentors
            .Where(m => m.FreePlaces != m.Capacity - m.ActiveMenteeCount)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FreePlaces, m => m.Capacity - m.ActiveMenteeCount), cancellationToken);
        moved += await db.Mentors
            .Where(m => m.InChoosingProgramme != m.Programmes.Any(p => p.MatchingMode == MatchingMode.MenteeChooses))
            .ExecuteUpdateAsync(s => s.SetProperty(
                m => m.InChoosingProgramme, m => m.Programmes.Any(p => p.MatchingMode == MatchingMode.MenteeChooses)), cancellationToken);

        var state = Mentor.DirectoryStateOn(today);
        var stale = Expression.Lambda<Func<Mentor, bool>>(
            Expression.NotEqual(Expression.Property(state.Parameters[0], nameof(Mentor.DirectoryState)), state.Body), state.Parameters[0]);
        return moved + await db.Mentors.Where(stale)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DirectoryState, state), cancellationToken);
    }
}
