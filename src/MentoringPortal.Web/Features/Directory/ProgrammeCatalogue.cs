using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>
/// The programmes whose mentees choose their mentor. Programmes change rarely, so the list is
/// cached for a minute and a directory page costs only its own two statements.
/// </summary>
public sealed class ProgrammeCatalogue(PortalDbContext db, IMemoryCache cache)
{
    private const string Key = "programmes:mentee-chooses";

    public async Task<IReadOnlyList<ProgrammeOption>> MenteeChoosesAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (IReadOnlyList<ProgrammeOption>)await db.Programmes.AsNoTracking()
                .Where(p => p.MatchingMode == MatchingMode.MenteeChooses)
                .OrderBy(p => p.Name)
                .Select(p => new ProgrammeOption(p.Id, p.Name))
                .ToListAsync(cancellationToken);
        }) ?? [];
}
