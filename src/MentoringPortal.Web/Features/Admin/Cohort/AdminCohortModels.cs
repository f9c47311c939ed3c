using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Cohort;

/// <summary>A run in the programme's recent runs.</summary>
public sealed record CohortRunRow(Guid Id, string StartedBy, DateTime StartedAt, CohortRunStatus Status);

/// <summary>What a whole-cohort run will use: who waits, the mentors and their places, the weights and the minimum score.</summary>
public sealed record CohortViewModel(
    int ProgrammeId,
    string Slug,
    string ProgrammeName,
    int Waiting,
    int Mentors,
    int MatchableMentors,
    int FreePlaces,
    MatchingWeights Weights,
    int MinimumScore,
    IReadOnlyList<CohortRunRow> RecentRuns)
{
    public int MaxScore => Weights.Total * Domain.Matching.MatchScoring.PointsPerWeight;
}

/// <summary>A run: its progress while it works, then its proposal (or failure, or confirmation).</summary>
public sealed record CohortRunViewModel(
    Guid Id,
    string Slug,
    string ProgrammeName,
    CohortRunStatus Status,
    int Placed,
    int ApplicantCount,
    DateTime StartedAt,
    DateTime? ConfirmedAt,
    string? Failure,
    CohortProposalDocument? Proposal,
    IReadOnlySet<string> Pinned,
    IReadOnlySet<string> Dropped,
    int EarlierDrops)
{
    public bool IsWorking => Status is CohortRunStatus.Queued or CohortRunStatus.Running;
}

/// <summary>The confirmation page, or the page that says why a confirmation was refused.</summary>
public sealed record CohortConfirmViewModel(Guid Id, string Slug, string ProgrammeName, CohortProposalDocument Proposal,
    IReadOnlyList<string> Problems, bool AlreadyConfirmed)
{
    public string RunAgainKeys => string.Join(",", Proposal.Pairs.Where(p => p.Pinned).Select(p => p.Key));
}

/// <summary>What the proposal's form posts: the pairs ticked to pin and to drop ("applicationId-mentorId").</summary>
public sealed class CohortChoicesForm
{
    public IList<string> Pin { get; set; } = [];

    public IList<string> Drop { get; set; } = [];
}
