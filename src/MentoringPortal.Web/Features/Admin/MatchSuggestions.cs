using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin;

/// <summary>Ranks a programme's mentors for a mentee with the programme's weights (the scoring itself is <see cref="MatchScoring"/>).</summary>
public sealed class MatchSuggestions(PortalDbContext db, TimeProvider time)
{
    public async Task<MatchRanking> RankAsync(Programme programme, MenteeNeeds needs, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var mentors = await db.Mentors.AsNoTracking()
            .Where(m => m.Programmes.Any(p => p.Id == programme.Id))
            .ToListAsync(cancellationToken);
        return MatchScoring.Rank(needs, mentors.Select(m => MatchCandidate.From(m, today)), programme.Weights);
    }
}

/// <summary>
/// What <c>_Suggestions.cshtml</c> shows: the ranked mentors, each with a link to confirm them
/// (<paramref name="ChooseUrl"/> gives the confirmation page for a mentor id), and the weights used.
/// </summary>
public sealed record SuggestionsViewModel(
    IReadOnlyList<Suggestion> Suggestions,
    int ExcludedCount,
    MatchingWeights Weights,
    Func<int, string> ChooseUrl,
    string? WeightsUrl,
    string? ShowAllUrl)
{
    public const int Shown = 10;
}
